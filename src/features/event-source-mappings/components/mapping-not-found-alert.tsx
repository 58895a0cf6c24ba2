import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { toAwsError } from '../../../api/errors.ts';
import { RouterLink } from '../../../components/router-link.tsx';
import { DEFAULT_LIST_VIEW, withListView } from '../list/list-view-state.ts';

/**
 * The mappings list of every configured region filtered to one UUID, e.g.
 * `/?filter=UUID%3D<uuid>&regions=all`: where a mapping that is not in the active region shows if
 * it is in another one.
 * @param uuid the mapping's UUID.
 */
export function allRegionsHrefOf(uuid: string): string {
  const search = withListView(new URLSearchParams(), {
    ...DEFAULT_LIST_VIEW,
    query: { tokens: [{ propertyKey: 'UUID', operator: '=', value: uuid }], operation: 'and' },
    regions: 'all',
  });
  return `/?${search.toString()}`;
}

/** Props of {@link MappingNotFoundAlert}. */
export interface MappingNotFoundAlertProps {
  /** The UUID that was asked for. */
  uuid: string;
  /** The region it was asked in (the active region: the link's `?region=` or the selected one). */
  region: string;
  /** The regions config.json lists; with more than one, the alert links to all of them. */
  regions: readonly string[];
  /** What Lambda answered: `ResourceNotFoundException` (404), shown in small print. */
  error: unknown;
  /** A link back (to the list, to the mapping). */
  back: ReactNode;
}

/**
 * Says that Lambda knows no mapping `uuid` in `region` (GetEventSourceMapping answered
 * `ResourceNotFoundException`, "The resource you requested does not exist.": deleted, or never in
 * this region, since a mapping's UUID is only looked up in the region its client calls), with AWS's
 * error, a link to look for it in every configured region when there are several, and `back`.
 */
export function MappingNotFoundAlert({
  uuid,
  region,
  regions,
  error,
  back,
}: MappingNotFoundAlertProps) {
  const { name, message } = toAwsError(error);
  const others = regions.length > 1;
  return (
    <Alert type="warning" header="Mapping not found">
      <SpaceBetween size="xs">
        <span>
          There is no mapping {uuid} in {region}: it may have been deleted
          {others ? ', or be in another region' : ''}.{' '}
          <Box variant="span" color="text-body-secondary">
            ({name}: {message})
          </Box>
        </span>
        {others ? (
          <RouterLink href={allRegionsHrefOf(uuid)}>
            Look for it in all {regions.length} regions
          </RouterLink>
        ) : null}
        {back}
      </SpaceBetween>
    </Alert>
  );
}
