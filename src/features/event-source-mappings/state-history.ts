import { useState } from 'react';

/** One state the console saw a mapping in, and when it first saw it. */
export interface ObservedState {
  /** The mapping's `State`, or `Deleted` once Lambda answers ResourceNotFoundException. */
  State: string;
  /** `StateTransitionReason` at that moment, when Lambda sent one. */
  StateTransitionReason?: string;
  /** When the response showing this state arrived, epoch milliseconds. */
  at: number;
}

/**
 * Appends an observation unless the state is unchanged from the last one (polling re-reads the
 * same state many times; only changes are transitions).
 * @param history observations so far, oldest first.
 * @param observation the latest observation.
 * @returns `history` itself when nothing changed, otherwise a new array.
 */
export function appendObservedState(
  history: readonly ObservedState[],
  observation: ObservedState,
): readonly ObservedState[] {
  const last = history.at(-1);
  return last?.State === observation.State ? history : [...history, observation];
}

/**
 * Remembers the sequence of states a component has seen for one mapping while it is on screen
 * (e.g. Enabled → Disabling → Disabled). Remount (`key`) per mapping to start afresh.
 * @param observation the current state, reason and the time the response arrived; `undefined`
 *   while nothing is known yet.
 * @returns the observations, oldest first.
 */
export function useStateHistory(observation: ObservedState | undefined): readonly ObservedState[] {
  const [history, setHistory] = useState<readonly ObservedState[]>([]);
  if (observation) {
    const next = appendObservedState(history, observation);
    // Adjusting state while rendering (React's pattern for "state derived from previous
    // renders"): React re-renders at once, before the browser paints.
    if (next !== history) setHistory(next);
    return next;
  }
  return history;
}
