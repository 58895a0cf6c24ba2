import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { isResourceNotFound } from '../../api/errors.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { paths } from '../../config/paths.ts';
import { DeleteMappingButton } from '../../features/event-source-mappings/components/delete-mapping-modal.tsx';
import { MappingFilters } from '../../features/event-source-mappings/components/mapping-filters.tsx';
import { MappingsTable } from '../../features/event-source-mappings/components/mappings-table.tsx';
import { SetEnabledButton } from '../../features/event-source-mappings/components/set-enabled-button.tsx';
import { isTransitionalState } from '../../features/event-source-mappings/mapping-state.ts';
import {
  mappingQueries,
  normalizeFilters,
  type MappingListFilters,
} from '../../features/event-source-mappings/queries.ts';
import { useLoadAllPages } from '../../lib/use-load-all-pages.ts';
import { useWriteAccess } from '../../features/auth/write-access.ts';
import {
  isViewFiltered,
  matchesViewFilter,
  parseViewFilter,
  withViewFilter,
  type MappingViewFilter,
  type StateFilter,
} from '../../features/event-source-mappings/mapping-view-filter.ts';
import FormField from '@cloudscape-design/components/form-field';
import Select from '@cloudscape-design/components/select';
import Toggle from '@cloudscape-design/components/toggle';

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

/** At most this many rows are followed at once (one detail query each, polling while transitional). */
const MAX_FOLLOWED_ROWS = 20;

/** What following a row's detail query found, for {@link useFollowedRows}. */
interface FollowedRow {
  uuid: string;
  data: EventSourceMappingConfiguration | undefined;
  dataUpdatedAt: number;
  gone: boolean;
  errorUpdatedAt: number;
}

/**
 * Follows some rows of the list through their detail queries (which poll while a mapping is
 * transitional): every row the list shows in a transitional state, plus the selected row (whose
 * detail cache the actions update at once). Returns the rows with the newer of list and detail
 * data, without the rows Lambda no longer knows (deleted after the list was read), so the list
 * shows each transition to its end and drops a deleted mapping without reloading every page.
 * @param items rows as the list query has them.
 * @param listUpdatedAt when the list was last read (epoch ms).
 * @param selectedUuid the selected row, if any.
 */
function useFollowedRows(
  items: readonly EventSourceMappingConfiguration[],
  listUpdatedAt: number,
  selectedUuid: string | undefined,
): EventSourceMappingConfiguration[] {
  const uuids = useMemo(() => {
    const set = new Set<string>();
    if (selectedUuid) set.add(selectedUuid);
    for (const m of items) {
      if (set.size >= MAX_FOLLOWED_ROWS) break;
      if (m.UUID && isTransitionalState(m.State)) set.add(m.UUID);
    }
    return [...set];
  }, [items, selectedUuid]);
  const followed = useQueries({
    queries: uuids.map((uuid) => mappingQueries.detail(uuid)),
    combine: (results) =>
      results.map((r, i): FollowedRow => ({
        uuid: uuids[i] ?? '',
        data: r.data,
        dataUpdatedAt: r.dataUpdatedAt,
        gone: isResourceNotFound(r.error),
        errorUpdatedAt: r.errorUpdatedAt,
      })),
  });
  return useMemo(() => {
    const byUuid = new Map(followed.map((f) => [f.uuid, f]));
    if (byUuid.size === 0) return items as EventSourceMappingConfiguration[];
    const out: EventSourceMappingConfiguration[] = [];
    for (const m of items) {
      const f = m.UUID ? byUuid.get(m.UUID) : undefined;
      if (f?.gone && f.errorUpdatedAt >= listUpdatedAt) continue;
      out.push(f?.data && f.dataUpdatedAt >= listUpdatedAt ? f.data : m);
    }
    return out;
  }, [items, followed, listUpdatedAt]);
}

const STATE_OPTIONS: { value: StateFilter; label: string }[] = [
  { value: 'all', label: 'All states' },
  { value: 'Enabled', label: 'Enabled' },
  { value: 'Disabled', label: 'Disabled' },
  {
    value: 'transitional',
    label: 'Transitional (Creating, Enabling, Disabling, Updating, Deleting)',
  },
];

/**
 * The filter over loaded rows: State select, "Problems only" toggle, and how many rows it shows.
 */
function ViewFilterControls({
  view,
  onChange,
  shown,
  loaded,
  more,
}: {
  view: MappingViewFilter;
  onChange: (view: MappingViewFilter) => void;
  shown: number;
  loaded: number;
  more: boolean;
}) {
  const selected = STATE_OPTIONS.find((o) => o.value === view.state) ?? STATE_OPTIONS[0];
  return (
    <SpaceBetween direction="horizontal" size="l" alignItems="end">
      <FormField label="State">
        <Select
          selectedOption={selected ?? null}
          options={STATE_OPTIONS}
          onChange={({ detail }) =>
            onChange({ ...view, state: (detail.selectedOption.value ?? 'all') as StateFilter })
          }
        />
      </FormField>
      <Toggle
        checked={view.problemsOnly}
        onChange={({ detail }) => onChange({ ...view, problemsOnly: detail.checked })}
      >
        Problems only (LastProcessingResult PROBLEM:)
      </Toggle>
      {isViewFiltered(view) ? (
        <Box color="text-body-secondary">
          <span role="status">
            {shown} of {loaded} loaded mappings
            {more ? '. Load all to filter every mapping.' : ''}
          </span>
        </Box>
      ) : null}
    </SpaceBetween>
  );
}

function MappingsList({
  filters,
  onFiltersChange,
  view,
  onViewChange,
}: {
  filters: MappingListFilters;
  onFiltersChange: (filters: MappingListFilters) => void;
  view: MappingViewFilter;
  onViewChange: (view: MappingViewFilter) => void;
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
  const navigate = useNavigate();
  const [selectedUuid, setSelectedUuid] = useState<string>();
  const followedRows = useFollowedRows(shownItems, query.dataUpdatedAt, selectedUuid);
  const viewFiltered = isViewFiltered(view);
  const rows = useMemo(
    () => (viewFiltered ? followedRows.filter((m) => matchesViewFilter(m, view)) : followedRows),
    [followedRows, view, viewFiltered],
  );
  const selected = selectedUuid ? rows.find((m) => m.UUID === selectedUuid) : undefined;
  const selectedBusy = isTransitionalState(selected?.State);
  const access = useWriteAccess();

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
        items={rows}
        selectedUuid={selected?.UUID}
        onSelect={setSelectedUuid}
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
                {selected ? (
                  <SetEnabledButton mapping={selected} />
                ) : (
                  <Button
                    disabled
                    disabledReason={access.allowed ? 'Select a mapping first.' : access.reason}
                  >
                    Enable or disable
                  </Button>
                )}
                <DeleteMappingButton mapping={selected} />
                <Button
                  href={
                    selected?.UUID && !selectedBusy && access.allowed
                      ? paths.editMapping.getHref(selected.UUID)
                      : undefined
                  }
                  onFollow={(event) => {
                    event.preventDefault();
                    if (selected?.UUID) void navigate(paths.editMapping.getHref(selected.UUID));
                  }}
                  disabled={!access.allowed || !selected || selectedBusy}
                  disabledReason={
                    !access.allowed
                      ? access.reason
                      : !selected
                        ? 'Select a mapping first.'
                        : selectedBusy
                          ? `The mapping is ${selected.State}. Wait until it is Enabled or Disabled.`
                          : undefined
                  }
                >
                  Edit
                </Button>
                <Button
                  variant="primary"
                  href={access.allowed ? paths.newMapping.getHref() : undefined}
                  disabled={!access.allowed}
                  disabledReason={access.allowed ? undefined : access.reason}
                  onFollow={(event) => {
                    event.preventDefault();
                    void navigate(paths.newMapping.getHref());
                  }}
                >
                  Create mapping
                </Button>
              </SpaceBetween>
            }
          >
            Event source mappings
          </Header>
        }
        filter={
          <SpaceBetween size="s">
            <MappingFilters value={filters} onApply={onFiltersChange} disabled={loadAll.running} />
            <ViewFilterControls
              view={view}
              onChange={onViewChange}
              shown={rows.length}
              loaded={followedRows.length}
              more={Boolean(hasNextPage)}
            />
          </SpaceBetween>
        }
        empty={
          viewFiltered && followedRows.length > 0 ? (
            <EmptyState
              title="No matches among the loaded mappings"
              subtitle={
                hasNextPage
                  ? 'No loaded mapping matches the State and Problems filters. Load all to search every mapping.'
                  : 'No mapping matches the State and Problems filters.'
              }
              action={
                <Button onClick={() => onViewChange({ state: 'all', problemsOnly: false })}>
                  Show all states
                </Button>
              }
            />
          ) : isError ? (
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
 * `/` — the mappings list. Filters (`FunctionName`, `EventSourceArn`, sent to Lambda; `state` and
 * `problems=1`, applied to the loaded rows) live in the URL's query string, so filtered views can
 * be shared and survive a reload.
 */
export default function MappingsRoute() {
  // MappingsList is keyed by the filters: new filters start a fresh list (and filter inputs), and
  // stop a running "Load all".
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  const view = parseViewFilter(searchParams);
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
      view={view}
      onViewChange={(next) => setSearchParams(withViewFilter(searchParams, next))}
    />
  );
}
