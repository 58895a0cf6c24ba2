import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useState } from 'react';
import type { WriteAccess } from '../../../lib/write-access.ts';
import { EditMappingButton } from './edit-mapping-button.tsx';
import {
  classifyMappingHealth,
  type FunctionReferenceStatus,
  type MappingHealth,
} from '../mapping-health.ts';

/** How often the alert re-reads the clock, so a transition turns "stuck" while the page is open. */
const CLOCK_INTERVAL_MS = 30_000;

/** Props of {@link MappingHealthAlert}. */
export interface MappingHealthAlertProps {
  /** The mapping as last read. */
  mapping: EventSourceMappingConfiguration;
  /** What `useFunctionInventory` says about `mapping.FunctionArn` (`unknown` until it knows). */
  functionStatus: FunctionReferenceStatus;
  /** From the auth feature's `useWriteAccess()` (composed by the route). */
  writeAccess: WriteAccess;
}

/** The alert's header for each class it shows. */
function headerOf(health: MappingHealth, functionStatus: FunctionReferenceStatus): string {
  switch (health.class) {
    case 'orphaned':
      return functionStatus === 'qualifier-missing'
        ? 'The function version or alias of this mapping no longer exists'
        : 'The function of this mapping no longer exists';
    case 'disabled-by-lambda':
      return 'Lambda disabled this mapping';
    case 'stuck':
      return 'This mapping seems stuck';
    default:
      return 'The last processing attempt reported a problem';
  }
}

/**
 * Whether the fix is to point the mapping at another function (or delete it): it is orphaned, or
 * Lambda reports its function not found (the inventory may not have answered yet).
 */
function needsRepoint(health: MappingHealth, mapping: EventSourceMappingConfiguration): boolean {
  return (
    health.class === 'orphaned' ||
    (health.class === 'problem' &&
      health.cause === 'not-found' &&
      /function/i.test(mapping.LastProcessingResult ?? ''))
  );
}

/**
 * A warning on the mapping page for a mapping that needs attention (`classifyMappingHealth`):
 * orphaned, disabled by Lambda, stuck, or reporting a problem. It says what is wrong (the summary,
 * with Lambda's reason code or `LastProcessingResult`) and what to do; where the fix is to re-point
 * the mapping or delete it, it offers "Edit mapping" (the edit page, where `FunctionName` can be
 * changed) and points to the page's existing Delete button (one Delete per page); for an invalid
 * mapping configuration, "Edit mapping". The button is disabled, with the reason, while the mapping
 * is transitional or for a read-only guest, like the page's Edit.
 * Renders nothing for transitional, user-disabled and healthy mappings (the State section shows
 * those).
 */
export function MappingHealthAlert({
  mapping,
  functionStatus,
  writeAccess,
}: MappingHealthAlertProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_INTERVAL_MS);
    return () => clearInterval(timer);
  }, []);

  const health = classifyMappingHealth(mapping, { now, functionStatus });
  if (
    health.class !== 'orphaned' &&
    health.class !== 'disabled-by-lambda' &&
    health.class !== 'stuck' &&
    health.class !== 'problem'
  ) {
    return null;
  }

  const repoint = needsRepoint(health, mapping);
  const offerEdit = repoint || health.reasonCode === 'ESM_CONFIG_NOT_VALID';
  const editButton = offerEdit ? (
    <EditMappingButton mapping={mapping} writeAccess={writeAccess} label="Edit mapping" />
  ) : null;

  return (
    <Alert
      type="warning"
      header={headerOf(health, functionStatus)}
      action={editButton ?? undefined}
    >
      <SpaceBetween size="xxs">
        <span>{health.summary}</span>
        {health.class === 'disabled-by-lambda' && mapping.LastProcessingResult ? (
          <Box variant="span" color="text-body-secondary">
            LastProcessingResult: {mapping.LastProcessingResult}
          </Box>
        ) : null}
        {health.action ? <Box variant="span">{health.action}</Box> : null}
        {repoint ? (
          <Box variant="span" color="text-body-secondary">
            Edit mapping changes its function; Delete, at the top of the page, removes it.
          </Box>
        ) : null}
      </SpaceBetween>
    </Alert>
  );
}
