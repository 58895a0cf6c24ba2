import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeLambda, fakeMapping } from '../../../testing/fake-lambda.ts';
import {
  BULK_RECENT_OPERATIONS,
  createBulkOperationsStore,
  isAnyOperationRunning,
  latestOperation,
} from './bulk-operations-store.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function storeWith(lambda: FakeLambda) {
  lambda.afterGet = (mapping) => {
    if (mapping.State === 'Enabling') mapping.State = 'Enabled';
    if (mapping.State === 'Disabling') mapping.State = 'Disabled';
  };
  return createBulkOperationsStore({ client: () => lambda, maxRequestsPerSecond: Infinity });
}

describe('bulk operations store', () => {
  it('holds the operation from its start, with batched updates, until dismissed', async () => {
    const lambda = new FakeLambda([fakeMapping(1), fakeMapping(2)]);
    const store = storeWith(lambda);
    const listener = vi.fn();
    store.subscribe(listener);
    const id = store.start({ action: 'disable', mappings: lambda.mappings });
    expect(store.getSnapshot().map((op) => [op.id, op.status])).toEqual([[id, 'running']]);
    expect(isAnyOperationRunning(store.getSnapshot())).toBe(true);
    store.dismiss(id);
    expect(store.getSnapshot()).toHaveLength(1); // running: kept
    await vi.runAllTimersAsync();
    const [op] = store.getSnapshot();
    expect(op?.status).toBe('finished');
    expect(op?.counts.done).toBe(2);
    // A handful of batched updates, not one per outcome change (2 mappings × 4 changes).
    expect(listener.mock.calls.length).toBeLessThan(8);
    store.dismiss(id);
    expect(store.getSnapshot()).toEqual([]);
  });

  it('undo replaces the operation with one that restores the previous States', async () => {
    const lambda = new FakeLambda([fakeMapping(1), fakeMapping(2, { State: 'Disabled' })]);
    const store = storeWith(lambda);
    const id = store.start({ action: 'disable', mappings: lambda.mappings.map((m) => ({ ...m })) });
    expect(store.undo(id)).toBeUndefined(); // still running
    await vi.runAllTimersAsync();
    const undoId = store.undo(id);
    expect(undoId).toBeDefined();
    expect(store.getSnapshot().map((op) => op.id)).toEqual([undoId]);
    expect(latestOperation(store.getSnapshot())?.undoOf).toBe(id);
    await vi.runAllTimersAsync();
    expect(lambda.mappings.map((m) => m.State)).toEqual(['Enabled', 'Disabled']);
    expect(latestOperation(store.getSnapshot(), 'us-east-1')?.counts.done).toBe(1);
    expect(latestOperation(store.getSnapshot(), 'eu-west-1')).toBeUndefined();
  });

  it(`keeps only the ${BULK_RECENT_OPERATIONS} newest finished operations`, async () => {
    const lambda = new FakeLambda([fakeMapping(1)]);
    const store = storeWith(lambda);
    const ids: string[] = [];
    for (let i = 0; i < BULK_RECENT_OPERATIONS + 2; i += 1) {
      ids.push(store.start({ action: i % 2 ? 'enable' : 'disable', mappings: lambda.mappings }));
      await vi.runAllTimersAsync();
    }
    expect(store.getSnapshot().map((op) => op.id)).toEqual(ids.slice(2));
  });
});
