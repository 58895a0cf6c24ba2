import StatusIndicator, {
  type StatusIndicatorProps,
} from '@cloudscape-design/components/status-indicator';
import {
  HEALTH_LABELS,
  PROBLEM_CAUSE_LABELS,
  type HealthClass,
  type MappingHealth,
} from '../mapping-health.ts';
import './status-text.css';

/**
 * The status-indicator type of each health class: orphaned and problem → error, disabled by Lambda
 * and stuck → warning, transitional → in-progress, disabled by user → stopped, healthy → success.
 * @param c the health class.
 */
export function healthIndicatorType(c: HealthClass): StatusIndicatorProps.Type {
  switch (c) {
    case 'orphaned':
    case 'problem':
      return 'error';
    case 'disabled-by-lambda':
    case 'stuck':
      return 'warning';
    case 'transitional':
      return 'in-progress';
    case 'disabled-by-user':
      return 'stopped';
    case 'healthy':
      return 'success';
  }
}

/**
 * A mapping's health as an icon plus its label (never colour alone), with the cause for a problem:
 * e.g. "✓ Healthy", "⚠ Disabled by Lambda", "✕ Problem: Authentication or permissions". The
 * one-line summary is its `title` (shown on hover).
 * @param props.health the mapping's health from `classifyMappingHealth`.
 * @param props.wrapText false: one line, cut with an ellipsis (a table cell without "Wrap
 *   lines"); default true, wrapping at word boundaries.
 */
export function MappingHealthIndicator({
  health,
  wrapText = true,
}: {
  health: MappingHealth;
  wrapText?: boolean;
}) {
  const label = HEALTH_LABELS[health.class];
  return (
    <span title={health.summary}>
      <StatusIndicator type={healthIndicatorType(health.class)} wrapText={wrapText}>
        <span className="esm-status-text">
          {health.class === 'problem' && health.cause
            ? `${label}: ${PROBLEM_CAUSE_LABELS[health.cause]}`
            : label}
        </span>
      </StatusIndicator>
    </span>
  );
}
