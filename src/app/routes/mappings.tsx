import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { paths } from '../../config/paths.ts';
import { MappingFilters } from '../../features/event-source-mappings/components/mapping-filters.tsx';
import { MappingsTable } from '../../features/event-source-mappings/components/mappings-table.tsx';
import {
  mappingQueries,
  normalizeFilters,
  type MappingListFilters,
} from '../../features/event-source-mappings/queries.ts';
import { useLoadAllPages } from '../../lib/use-load-all-pages.ts';

/**
 * Calls `onVisible` whenever the element given to the returned callback ref scrolls into view (or
 * comes within 200 px of it): infinite scroll. Without IntersectionObserver it does nothing;
 * "Load more" still works. A callback ref, because the footer mounts after the first page arrives.
 */
function useWhenVisible(onVisible: () => void) {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const callback = useRef(onVisible);
  useEffect(() => {
    callback.current = onVisible;
  });
  useEffect(() => {
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) callback.current();
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return setElement;
}

function MappingsList({
  filters,
  onFiltersChange,
}: {
  filters: MappingListFilters;
  onFiltersChange: (filters: MappingListFilters) => void;
}) {
  const query = useInfiniteQuery(mappingQueries.list(filters));
  const { data, error, isPending, isError, hasNextPage, isFetchingNextPage, isFetchNextPageError } =
    query;
  const { fetchNextPage, refetch, isRefetching } = query;
  const loadAll = useLoadAllPages({ hasNextPage, fetchNextPage });
  const pages = data?.pages;
  const items = useMemo(
    () => pages?.flatMap((page) => page.EventSourceMappings ?? []) ?? [],
    [pages],
  );
  // Re-rendering a table of 1,000+ rows takes long enough to delay the next page's response
  // handling; deferring lets "Load all" keep fetching while the table catches up.
  // The first page is shown at once (deferring it would flash the empty state).
  const deferredItems = useDeferredValue(items);
  const shownItems = deferredItems.length === 0 ? items : deferredItems;
  const filtered = Boolean(filters.FunctionName || filters.EventSourceArn);

  const loadMore = () => {
    if (hasNextPage && !isFetchNextPageError) void fetchNextPage({ cancelRefetch: false });
  };
  // Only once the table shows every loaded row: a footer seen above a table still catching up
  // does not mean the user scrolled to the end.
  const sentinel = useWhenVisible(() => {
    if (!loadAll.running && shownItems === items) loadMore();
  });

  const counter = data ? `(${items.length}${hasNextPage ? '+' : ''})` : undefined;

  const footer = (
    <div ref={sentinel}>
      <SpaceBetween size="s">
        {isFetchNextPageError ? (
          <ErrorAlert
            header="Could not load more mappings"
            error={error}
            onRetry={() => void fetchNextPage()}
            retrying={isFetchingNextPage}
          />
        ) : null}
        <Box textAlign="center">
          {loadAll.running ? (
            <SpaceBetween size="xs" direction="horizontal" alignItems="center">
              <StatusIndicator type="loading">
                <span role="status">Loading all mappings: {items.length} loaded</span>
              </StatusIndicator>
              <Button variant="inline-link" onClick={loadAll.stop}>
                Stop
              </Button>
            </SpaceBetween>
          ) : hasNextPage ? (
            <Button
              onClick={loadMore}
              loading={isFetchingNextPage}
              disabled={isFetchNextPageError}
              ariaLabel="Load more mappings"
            >
              Load more
            </Button>
          ) : data && items.length > 0 ? (
            <Box color="text-body-secondary" variant="small">
              <span role="status">All {items.length} mappings loaded</span>
            </Box>
          ) : null}
        </Box>
      </SpaceBetween>
    </div>
  );

  return (
    <SpaceBetween size="m">
      {isError && !data ? (
        <ErrorAlert
          header="Could not load mappings"
          error={error}
          onRetry={() => void refetch()}
          retrying={isRefetching}
        />
      ) : null}
      <MappingsTable
        items={shownItems}
        loading={isPending && !isError}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={counter}
            description="Event source mappings of this region: what each function reads from, and how."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh mappings"
                  onClick={() => void refetch()}
                  loading={isRefetching && !loadAll.running}
                  disabled={loadAll.running}
                />
                <Button
                  onClick={() => void loadAll.start()}
                  disabled={!hasNextPage || loadAll.running || isFetchNextPageError}
                >
                  Load all
                </Button>
              </SpaceBetween>
            }
          >
            Event source mappings
          </Header>
        }
        filter={
          <MappingFilters value={filters} onApply={onFiltersChange} disabled={loadAll.running} />
        }
        empty={
          isError ? (
            <EmptyState title="No mappings to show" subtitle="The list could not be loaded." />
          ) : filtered ? (
            <EmptyState
              title="No matches"
              subtitle="No mapping matches these filters."
              action={<Button onClick={() => onFiltersChange({})}>Clear filters</Button>}
            />
          ) : (
            <EmptyState
              title="No mappings"
              subtitle="This region has no event source mappings yet."
            />
          )
        }
        footer={
          data && (hasNextPage || items.length > 0 || isFetchNextPageError) ? footer : undefined
        }
      />
    </SpaceBetween>
  );
}

/**
 * `/` — the mappings list. Filters (`FunctionName`, `EventSourceArn`) live in the URL's query
 * string, so filtered views can be shared and survive a reload.
 */
export default function MappingsRoute() {
  // MappingsList is keyed by the filters: new filters start a fresh list (and filter inputs), and
  // stop a running "Load all".
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const filters = normalizeFilters({
    FunctionName: searchParams.get('FunctionName') ?? undefined,
    EventSourceArn: searchParams.get('EventSourceArn') ?? undefined,
  });
  const applyFilters = (next: MappingListFilters) =>
    void navigate(paths.mappings.getHref(normalizeFilters(next)));
  return (
    <MappingsList
      key={`${filters.FunctionName ?? ''}\n${filters.EventSourceArn ?? ''}`}
      filters={filters}
      onFiltersChange={applyFilters}
    />
  );
}
