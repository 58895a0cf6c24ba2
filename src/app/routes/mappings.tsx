import { useCallback, useMemo, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { getLambdaRegion } from '../../api/lambda-client.ts';
import { configuredRegions } from '../../config/env.ts';
import { paths } from '../../config/paths.ts';
import { REGION_SEARCH_PARAM } from '../../config/region.ts';
import { useWriteAccess } from '../../lib/write-access.ts';
import { IgnoredLinkPartsAlert } from '../../features/event-source-mappings/list/ignored-link-parts-alert.tsx';
import {
  readListView,
  withListView,
  type ListViewReading,
  type MappingsListView as ListView,
} from '../../features/event-source-mappings/list/list-view-state.ts';
import { MappingsListView } from '../../features/event-source-mappings/list/mappings-list-view.tsx';
import { MAPPINGS_VIEW_RULES } from '../../features/event-source-mappings/list/mappings-view-rules.ts';
import { prefetchRegionFeed } from '../../features/event-source-mappings/list/region-feed.tsx';
import {
  normalizeFilters,
  type MappingListFilters,
} from '../../features/event-source-mappings/queries.ts';
import { useRuntimeConfig } from '../provider.tsx';
import type { PagePrefetchContext } from '../router.tsx';

/** The list's view (filter tokens, sort, page, regions) as the URL gives it, and what it left out. */
function listViewOf(searchParams: URLSearchParams): ListViewReading {
  return readListView(searchParams, MAPPINGS_VIEW_RULES);
}

/** The server-side filters in the URL (`FunctionName`, `EventSourceArn`), normalised. */
function filtersOf(searchParams: URLSearchParams): MappingListFilters {
  return normalizeFilters({
    FunctionName: searchParams.get('FunctionName') ?? undefined,
    EventSourceArn: searchParams.get('EventSourceArn') ?? undefined,
  });
}

/** The regions the view lists: every configured one for `regions=all`, else the active one. */
function regionsOf(
  which: ListView['regions'],
  allRegions: readonly string[],
  activeRegion: string,
): readonly string[] {
  return which === 'all' ? allRegions : [activeRegion];
}

/**
 * Starts the first page of every region the URL's list shows (`regions=all`: each configured
 * region; else the active one), with its server-side filters, before the page is rendered, and
 * "Load all" after it, as the list would (`prefetchRegionFeed`). Called by the router's `prefetchPageData` at start-up.
 * @param context the page's URL, the app's query client and the runtime configuration.
 * @returns a promise settled once each region's first page is in the cache (or failed there).
 */
export function prefetch({ url, queryClient, config }: PagePrefetchContext): Promise<void> {
  const filters = filtersOf(url.searchParams);
  const regions = regionsOf(
    listViewOf(url.searchParams).view.regions,
    configuredRegions(config),
    getLambdaRegion(),
  );
  return Promise.all(
    regions.map((region) => prefetchRegionFeed(queryClient, filters, region, { loadAll: true })),
  ).then(() => undefined);
}

/**
 * `/` — the mappings list. Everything about the view is in the URL, so a copied URL opens the same
 * view elsewhere: the server-side filters (`FunctionName`, `EventSourceArn`, sent to Lambda), the
 * active `region`, `regions=all` for every configured region, and the filter tokens, sort, page and
 * page size (`filter=State%3DDisabled&sort=-LastModified&page=2&pageSize=100`). Parts of the URL the
 * view cannot read are listed in a warning above the list, whose button writes the URL again
 * without them (the view as shown, replacing the history entry).
 */
export default function MappingsRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  const config = useRuntimeConfig();
  const writeAccess = useWriteAccess();
  // Parsed once per URL: the list re-filters 10,000 rows when the view's identity changes.
  const { view, ignored } = useMemo(() => listViewOf(searchParams), [searchParams]);
  const filters = filtersOf(searchParams);
  const allRegions = useMemo(() => configuredRegions(config), [config]);
  const activeRegion = getLambdaRegion();
  // Stable arrays: the list re-derives its rows when they change.
  const regions = useMemo(
    () => regionsOf(view.regions, allRegions, activeRegion),
    [view.regions, allRegions, activeRegion],
  );
  const applyFilters = (next: MappingListFilters) => {
    const params = new URLSearchParams(searchParams);
    params.delete('FunctionName');
    params.delete('EventSourceArn');
    const normalized = normalizeFilters(next);
    if (normalized.FunctionName) params.set('FunctionName', normalized.FunctionName);
    if (normalized.EventSourceArn) params.set('EventSourceArn', normalized.EventSourceArn);
    params.delete('page');
    void navigate(`${paths.mappings.getHref()}?${params.toString()}`);
  };
  // The URL the list itself last wrote: parts it could not read there were typed, not linked.
  const written = useRef<string>(undefined);
  const onViewChange = useCallback(
    (next: ListView) => {
      const params = withListView(searchParams, next);
      written.current = params.toString();
      setSearchParams(params, { replace: true });
    },
    [searchParams, setSearchParams],
  );
  const withRegion = (href: string, region: string) =>
    view.regions === 'all' ? `${href}?${REGION_SEARCH_PARAM}=${encodeURIComponent(region)}` : href;
  return (
    <>
      <IgnoredLinkPartsAlert
        ignored={ignored}
        onRemove={() => onViewChange(view)}
        // eslint-disable-next-line react-hooks/refs -- compared at render: the URL shown is the one written
        ownChange={written.current === searchParams.toString()}
      />
      {/* New server-side filters or regions start fresh lists (and stop running loads). */}
      <MappingsListView
        key={`${regions.join(',')}\n${filters.FunctionName ?? ''}\n${filters.EventSourceArn ?? ''}`}
        regions={regions}
        configuredRegions={allRegions}
        filters={filters}
        onFiltersChange={applyFilters}
        view={view}
        onViewChange={onViewChange}
        writeAccess={writeAccess}
        createHref={paths.newMapping.getHref()}
        onCreate={() => void navigate(paths.newMapping.getHref())}
        editHref={(row) => withRegion(paths.editMapping.getHref(row.UUID), row.Region)}
        onEdit={(row) => void navigate(withRegion(paths.editMapping.getHref(row.UUID), row.Region))}
      />
    </>
  );
}
