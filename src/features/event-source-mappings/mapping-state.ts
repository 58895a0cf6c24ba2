import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';

/**
 * Mapping states that change on their own after a moment (reference §5). While a mapping is in one
 * of them the console polls it, and Update/Delete are refused by Lambda with
 * `ResourceInUseException`.
 */
export const TRANSITIONAL_STATES: ReadonlySet<string> = new Set([
  'Creating',
  'Enabling',
  'Disabling',
  'Updating',
  'Deleting',
]);

/**
 * Whether a mapping `State` is transitional (see {@link TRANSITIONAL_STATES}).
 * @param state the `State` field (may be absent).
 * @returns true for Creating, Enabling, Disabling, Updating and Deleting.
 */
export function isTransitionalState(state: string | undefined): boolean {
  return state !== undefined && TRANSITIONAL_STATES.has(state);
}

/**
 * The status-indicator type for a `State`: Enabled → success, Disabled → stopped,
 * Creating/Enabling/Updating → in-progress, Disabling/Deleting → pending, anything else → info.
 * The State text itself is always shown next to the icon, so colour is never the only signal.
 * @param state the `State` field.
 */
export function stateIndicatorType(state: string | undefined): StatusIndicatorProps.Type {
  switch (state) {
    case 'Enabled':
      return 'success';
    case 'Disabled':
      return 'stopped';
    case 'Creating':
    case 'Enabling':
    case 'Updating':
      return 'in-progress';
    case 'Disabling':
    case 'Deleting':
      return 'pending';
    default:
      return 'info';
  }
}

/**
 * The status-indicator type for `LastProcessingResult`: `PROBLEM: …` → error, `OK` → success,
 * anything else (e.g. `No records processed`) → undefined (plain text).
 * @param result the `LastProcessingResult` field (reference §5).
 */
export function processingResultIndicatorType(
  result: string | undefined,
): StatusIndicatorProps.Type | undefined {
  if (result === undefined) return undefined;
  if (result.startsWith('PROBLEM:')) return 'error';
  if (result === 'OK') return 'success';
  return undefined;
}
