import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { isTransitionalState } from './mapping-state.ts';

/** Which States the list shows: every one, one stable State, or any transitional State. */
export type StateFilter = 'all' | 'Enabled' | 'Disabled' | 'transitional';

/** The State filter's values, in the order the select offers them. */
export const STATE_FILTERS: readonly StateFilter[] = ['all', 'Enabled', 'Disabled', 'transitional'];

/**
 * A filter over the rows already loaded (Lambda's ListEventSourceMappings cannot filter by State
 * or LastProcessingResult). Kept in the URL as `?state=…&problems=1`.
 */
export interface MappingViewFilter {
  state: StateFilter;
  /** Only mappings whose LastProcessingResult starts with `PROBLEM:`. */
  problemsOnly: boolean;
}

/**
 * Reads the view filter from the list's query string; unknown values mean "all".
 * @param params the URL's search params (`state`, `problems`).
 */
export function parseViewFilter(params: URLSearchParams): MappingViewFilter {
  const state = params.get('state');
  return {
    state: STATE_FILTERS.includes(state as StateFilter) ? (state as StateFilter) : 'all',
    problemsOnly: params.get('problems') === '1',
  };
}

/**
 * Writes the view filter into a copy of the query string (other parameters kept; defaults removed).
 * @returns the new search params.
 */
export function withViewFilter(params: URLSearchParams, view: MappingViewFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  if (view.state === 'all') next.delete('state');
  else next.set('state', view.state);
  if (view.problemsOnly) next.set('problems', '1');
  else next.delete('problems');
  return next;
}

/** Whether the view filter hides anything. */
export function isViewFiltered(view: MappingViewFilter): boolean {
  return view.state !== 'all' || view.problemsOnly;
}

/**
 * Whether a loaded mapping passes the view filter.
 * @param mapping a row of the list.
 * @param view the filter.
 */
export function matchesViewFilter(
  mapping: EventSourceMappingConfiguration,
  view: MappingViewFilter,
): boolean {
  if (view.problemsOnly && !mapping.LastProcessingResult?.startsWith('PROBLEM:')) return false;
  switch (view.state) {
    case 'all':
      return true;
    case 'transitional':
      return isTransitionalState(mapping.State);
    default:
      return mapping.State === view.state;
  }
}
