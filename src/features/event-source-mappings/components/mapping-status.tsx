import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { processingResultIndicatorType, stateIndicatorType } from '../mapping-state.ts';
import './status-text.css';

/**
 * A mapping's `State` as an icon plus the State text itself (never colour alone), e.g.
 * "✓ Enabled", "◌ Disabling".
 * @param props.state the `State` field; absent shows `-`.
 * @param props.wrapText false: one line, cut with an ellipsis (a table cell without "Wrap
 *   lines"); default true, wrapping at word boundaries.
 */
export function MappingStateIndicator({
  state,
  wrapText = true,
}: {
  state: string | undefined;
  wrapText?: boolean;
}) {
  if (!state) return <>-</>;
  return (
    <StatusIndicator type={stateIndicatorType(state)} wrapText={wrapText}>
      <span className="esm-status-text">{state}</span>
    </StatusIndicator>
  );
}

/**
 * A mapping's `LastProcessingResult`: `PROBLEM: …` as an error indicator, `OK` as success, other
 * text (e.g. "No records processed") plain; absent shows `-`.
 * @param props.result the `LastProcessingResult` field.
 * @param props.wrapText as for {@link MappingStateIndicator}.
 */
export function ProcessingResultIndicator({
  result,
  wrapText = true,
}: {
  result: string | undefined;
  wrapText?: boolean;
}) {
  if (!result) return <>-</>;
  const type = processingResultIndicatorType(result);
  return type ? (
    <StatusIndicator type={type} wrapText={wrapText}>
      <span className="esm-status-text">{result}</span>
    </StatusIndicator>
  ) : (
    <>{result}</>
  );
}
