import { describe, expect, it } from 'vitest';
import { appendObservedState } from './state-history.ts';

describe('appendObservedState', () => {
  it('records only changes of State', () => {
    let history = appendObservedState([], { State: 'Enabled', at: 1 });
    const same = appendObservedState(history, { State: 'Enabled', at: 2 });
    expect(same).toBe(history);
    history = appendObservedState(history, {
      State: 'Disabling',
      at: 3,
      StateTransitionReason: 'USER_INITIATED',
    });
    history = appendObservedState(history, { State: 'Disabled', at: 5 });
    expect(history).toEqual([
      { State: 'Enabled', at: 1 },
      { State: 'Disabling', at: 3, StateTransitionReason: 'USER_INITIATED' },
      { State: 'Disabled', at: 5 },
    ]);
  });
});
