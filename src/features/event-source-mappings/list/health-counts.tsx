import { memo } from 'react';
import Box from '@cloudscape-design/components/box';
import Icon from '@cloudscape-design/components/icon';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import ToggleButton from '@cloudscape-design/components/toggle-button';
import { healthIndicatorType } from '../components/mapping-health-indicator.tsx';
import { HEALTH_CLASSES, HEALTH_LABELS, type HealthClass } from '../mapping-health.ts';

/** Props of {@link HealthCounts}. */
export interface HealthCountsProps {
  /** Mappings per health class among the loaded rows. */
  counts: Readonly<Record<HealthClass, number>>;
  /** The class the list is filtered to, if any. */
  active: HealthClass | undefined;
  /** Filters the list to a class, or clears that filter (`undefined`). */
  onSelect: (health: HealthClass | undefined) => void;
  /**
   * Whether the orphan check still runs: Orphaned is shown even at 0 (it would otherwise appear
   * later and push every other count aside), marked as still counting.
   */
  orphansChecking?: boolean;
  /** Whether the counts are of the rows a (non-health) filter matches, not of all loaded rows. */
  filtered?: boolean;
  /**
   * Why a count cannot filter now, if it cannot (the filter matches *any* of its tokens: a Health
   * token would widen it, not narrow it to the class counted). The pressed count still clears.
   */
  cannotFilterReason?: string;
}

/**
 * The accessible name of one class's toggle, with the count formatted as shown (`en-US`
 * grouping), e.g. `Healthy: 8,004 mappings`, `Stuck: 1 mapping`.
 * @param health the class.
 * @param count its mappings among the loaded rows.
 * @param counting whether the class is still being counted (Orphaned during the orphan check).
 */
export function healthToggleLabel(health: HealthClass, count: number, counting = false): string {
  return `${HEALTH_LABELS[health]}: ${count.toLocaleString('en-US')} ${count === 1 ? 'mapping' : 'mappings'}${counting ? ' so far, still checking' : ''}`;
}

/**
 * How many loaded mappings fall in each health class, worst first, each a toggle that filters the
 * list to it (pressed again, it clears), in a group named "Filter by health". Classes with no
 * mapping are left out, except Healthy without a filter (a fleet with none healthy says so; under
 * a filter, "Healthy 0" is noise), the pressed one (filtered to Stuck, then the stuck
 * mapping is enabled: the pressed toggle stays, reading 0, so that the filter can be cleared) and
 * Orphaned while the orphan check runs (its count followed by "(checking)": an ellipsis read as a cut
 * label). With a filter, the
 * counts are of the mappings it matches (the group's description says so); while it matches any
 * of its tokens, the counts do not filter (`cannotFilterReason`).
 * Memoised: a selection or a page change does not re-render it.
 */
export const HealthCounts = memo(function HealthCounts({
  counts,
  active,
  onSelect,
  orphansChecking = false,
  filtered = false,
  cannotFilterReason,
}: HealthCountsProps) {
  const counting = (c: HealthClass) => orphansChecking && c === 'orphaned';
  return (
    // A span: it sits in the list header's description, a <p>.
    <span
      role="group"
      aria-label="Filter by health"
      aria-description={filtered ? 'Counts of the mappings matching the filter' : undefined}
    >
      {HEALTH_CLASSES.filter(
        (c) => counts[c] > 0 || (c === 'healthy' && !filtered) || c === active || counting(c),
      ).map((c) => {
        const shown = `${HEALTH_LABELS[c]} ${counts[c].toLocaleString('en-US')}${counting(c) ? ' (checking)' : ''}`;
        return (
          <Box
            key={c}
            variant="span"
            display="inline-block"
            margin={{ right: 'xs', bottom: 'xxs' }}
          >
            <ToggleButton
              pressed={active === c}
              disabled={cannotFilterReason !== undefined && active !== c}
              disabledReason={active === c ? undefined : cannotFilterReason}
              ariaLabel={healthToggleLabel(c, counts[c], counting(c))}
              onChange={({ detail }) => onSelect(detail.pressed ? c : undefined)}
            >
              {active === c ? (
                <>
                  <Icon name="filter" /> {shown}
                </>
              ) : (
                <StatusIndicator type={healthIndicatorType(c)}>{shown}</StatusIndicator>
              )}
            </ToggleButton>
          </Box>
        );
      })}
    </span>
  );
});
