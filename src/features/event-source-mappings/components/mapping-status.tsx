import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { processingResultIndicatorType, stateIndicatorType } from '../mapping-state.ts';

/**
 * A mapping's `State` as an icon plus the State text itself (never colour alone), e.g.
 * "✓ Enabled", "◌ Disabling".
 * @param props.state the `State` field; absent shows `-`.
 */
export function MappingStateIndicator({ state }: { state: string | undefined }) {
  if (!state) return <>-</>;
  return <StatusIndicator type={stateIndicatorType(state)}>{state}</StatusIndicator>;
}

/**
 * A mapping's `LastProcessingResult`: `PROBLEM: …` as an error indicator, `OK` as success, other
 * text (e.g. "No records processed") plain; absent shows `-`.
 * @param props.result the `LastProcessingResult` field.
 */
export function ProcessingResultIndicator({ result }: { result: string | undefined }) {
  if (!result) return <>-</>;
  const type = processingResultIndicatorType(result);
  return type ? <StatusIndicator type={type}>{result}</StatusIndicator> : <>{result}</>;
}
