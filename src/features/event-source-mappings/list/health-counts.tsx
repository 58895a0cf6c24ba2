import { memo } from 'react';
import Button from '@cloudscape-design/components/button';
import Box from '@cloudscape-design/components/box';
import Icon from '@cloudscape-design/components/icon';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
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
}

/**
 * How many loaded mappings fall in each health class, worst first, each a one-click filter
 * (pressed again, it clears). Classes with no mapping are left out, except Healthy. Memoised: a
 * selection or a page change does not re-render it.
 */
export const HealthCounts = memo(function HealthCounts({
  counts,
  active,
  onSelect,
}: HealthCountsProps) {
  return (
    // A span: it sits in the list header's description, a <p>.
    <span role="navigation" aria-label="Health">
      {HEALTH_CLASSES.filter((c) => counts[c] > 0 || c === 'healthy').map((c) => (
        <Box key={c} variant="span" display="inline-block" margin={{ right: 'xs', bottom: 'xxs' }}>
          <Button
            variant={active === c ? 'primary' : 'normal'}
            ariaLabel={`${HEALTH_LABELS[c]}: ${counts[c]} mappings${active === c ? ' (filtered, press to clear)' : ''}`}
            onClick={() => onSelect(active === c ? undefined : c)}
          >
            {active === c ? (
              // Pressed (filled) buttons: the label in the button's own colour, which stays legible.
              <>
                <Icon name="filter" /> {HEALTH_LABELS[c]} {counts[c].toLocaleString('en-US')}
              </>
            ) : (
              <StatusIndicator type={healthIndicatorType(c)}>
                {HEALTH_LABELS[c]} {counts[c].toLocaleString('en-US')}
              </StatusIndicator>
            )}
          </Button>
        </Box>
      ))}
    </span>
  );
});
