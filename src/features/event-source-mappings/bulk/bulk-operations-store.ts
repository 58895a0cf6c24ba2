import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import type { QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import {
  startBulkOperation,
  undoPlanOf,
  type BulkAction,
  type BulkOperationController,
  type BulkOperationOptions,
  type BulkOperationSnapshot,
} from './bulk-operation.ts';

/** How many operations the store keeps (running ones are never dropped). */
export const BULK_RECENT_OPERATIONS = 5;

/** What {@link BulkOperationsStore.start} needs. */
export interface StartBulkOperationInput {
  action: BulkAction;
  /** The mappings as last read (e.g. the list's selected rows). */
  mappings: readonly EventSourceMappingConfiguration[];
  /** The app's query client: every answer is written to its detail and list caches. */
  queryClient?: QueryClient;
}

/** Runner options a store passes to every operation (tests shorten the timings). */
export type BulkRunnerDefaults = Omit<
  BulkOperationOptions,
  'action' | 'mappings' | 'queryClient' | 'onChange' | 'undoOf' | 'id'
>;

/**
 * The current and recent bulk operations, outside React so they survive route re-renders and
 * unmounts (like `notificationStore`). Snapshots arrive batched from the runner (at most every
 * 250 ms per operation).
 */
export interface BulkOperationsStore {
  /**
   * Starts an operation ({@link startBulkOperation}).
   * @returns its id.
   * @throws RangeError for more than 10,000 mappings.
   */
  start: (input: StartBulkOperationInput) => string;
  /** Stops starting new calls of the operation (those already changed are still followed). */
  cancel: (id: string) => void;
  /** Runs the failed mappings of a finished operation again; false when there was nothing to do. */
  retryFailed: (id: string) => boolean;
  /**
   * Starts the Undo of a finished enable/disable (`undoPlanOf`), which takes the original's place.
   * @returns the new operation's id, or undefined when there is nothing to undo.
   */
  undo: (id: string) => string | undefined;
  /** Removes a finished operation (a running one is kept). */
  dismiss: (id: string) => void;
  /** Operations, oldest first; the same array until something changes. */
  getSnapshot: () => readonly BulkOperationSnapshot[];
  /** Registers a change listener; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
}

/**
 * Creates an empty {@link BulkOperationsStore}.
 * @param defaults runner options for every operation (client, concurrency, timings…).
 * @returns a new store (the app uses {@link bulkOperationsStore}; tests make their own).
 */
export function createBulkOperationsStore(defaults: BulkRunnerDefaults = {}): BulkOperationsStore {
  let operations: readonly BulkOperationSnapshot[] = [];
  const controllers = new Map<string, BulkOperationController>();
  const queryClients = new Map<string, QueryClient | undefined>();
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());

  const put = (snapshot: BulkOperationSnapshot) => {
    const index = operations.findIndex((op) => op.id === snapshot.id);
    if (index === -1) return; // dismissed or replaced by its Undo
    operations = operations.map((op, i) => (i === index ? snapshot : op));
    emit();
  };

  const remove = (id: string) => {
    operations = operations.filter((op) => op.id !== id);
    controllers.delete(id);
    queryClients.delete(id);
  };

  const begin = (input: StartBulkOperationInput, undoOf?: string): string => {
    const controller = startBulkOperation({
      ...defaults,
      action: input.action,
      mappings: input.mappings,
      ...(input.queryClient ? { queryClient: input.queryClient } : {}),
      ...(undoOf ? { undoOf } : {}),
      onChange: put,
    });
    controllers.set(controller.id, controller);
    queryClients.set(controller.id, input.queryClient);
    operations = [...operations, controller.getSnapshot()];
    // Keep the newest few; running operations stay whatever their age.
    while (operations.length > BULK_RECENT_OPERATIONS) {
      const oldest = operations.find((op) => op.status === 'finished');
      if (!oldest) break;
      remove(oldest.id);
    }
    emit();
    return controller.id;
  };

  return {
    start: (input) => begin(input),
    cancel: (id) => controllers.get(id)?.cancel(),
    retryFailed: (id) => controllers.get(id)?.retryFailed() ?? false,
    undo: (id) => {
      const snapshot = operations.find((op) => op.id === id);
      const plan = snapshot ? undoPlanOf(snapshot) : undefined;
      if (!plan) return undefined;
      const queryClient = queryClients.get(id);
      remove(id);
      return begin({ action: plan.action, mappings: plan.mappings, queryClient }, id);
    },
    dismiss: (id) => {
      const snapshot = operations.find((op) => op.id === id);
      if (!snapshot || snapshot.status !== 'finished') return;
      remove(id);
      emit();
    },
    getSnapshot: () => operations,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's bulk-operation store, shown by `BulkOperationPanel`. */
export const bulkOperationsStore = createBulkOperationsStore();

/**
 * Subscribes a component to a store's operations.
 * @param store defaults to the app's {@link bulkOperationsStore}.
 * @returns the operations, oldest first.
 */
export function useBulkOperations(
  store: BulkOperationsStore = bulkOperationsStore,
): readonly BulkOperationSnapshot[] {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/**
 * The newest operation touching `region` (any region when undefined), for the panel.
 * @param operations from {@link useBulkOperations}.
 * @param region a region code, e.g. `eu-west-1`.
 */
export function latestOperation(
  operations: readonly BulkOperationSnapshot[],
  region?: string,
): BulkOperationSnapshot | undefined {
  for (let i = operations.length - 1; i >= 0; i -= 1) {
    const op = operations[i]!;
    if (region === undefined || op.regions.includes(region)) return op;
  }
  return undefined;
}

/**
 * Whether any operation is still running or cancelling (a new one would compete with it for
 * Lambda's request quota, so `BulkActions` waits).
 * @param operations from {@link useBulkOperations}.
 */
export function isAnyOperationRunning(operations: readonly BulkOperationSnapshot[]): boolean {
  return operations.some((op) => op.status !== 'finished');
}
