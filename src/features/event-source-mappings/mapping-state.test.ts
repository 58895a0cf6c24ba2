import { describe, expect, it } from 'vitest';
import {
  isTransitionalState,
  processingResultIndicatorType,
  stateIndicatorType,
} from './mapping-state.ts';

describe('mapping state', () => {
  it('knows the transitional states of reference §5', () => {
    for (const state of ['Creating', 'Enabling', 'Disabling', 'Updating', 'Deleting']) {
      expect(isTransitionalState(state)).toBe(true);
    }
    for (const state of ['Enabled', 'Disabled', undefined, 'Something']) {
      expect(isTransitionalState(state)).toBe(false);
    }
  });

  it('maps states to indicator types', () => {
    expect(stateIndicatorType('Enabled')).toBe('success');
    expect(stateIndicatorType('Disabled')).toBe('stopped');
    expect(stateIndicatorType('Enabling')).toBe('in-progress');
    expect(stateIndicatorType('Disabling')).toBe('pending');
    expect(stateIndicatorType('Deleting')).toBe('pending');
    expect(stateIndicatorType(undefined)).toBe('info');
  });

  it('flags PROBLEM results as errors', () => {
    expect(processingResultIndicatorType('PROBLEM: Function call failed')).toBe('error');
    expect(processingResultIndicatorType('OK')).toBe('success');
    expect(processingResultIndicatorType('No records processed')).toBeUndefined();
    expect(processingResultIndicatorType(undefined)).toBeUndefined();
  });
});
