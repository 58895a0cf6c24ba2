import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import type { WriteAccess } from '../../../lib/write-access.ts';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import PropertyFilter, {
  type PropertyFilterProps,
} from '@cloudscape-design/components/property-filter';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import {
  Children,
  createContext,
  memo,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { toAwsError } from '../../../api/errors.ts';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useAppearance } from '../../../lib/appearance.ts';
import { downloadText } from '../../../lib/download.ts';
import type { ExportedMapping } from '../as-code/components/code-export-modal.tsx';
import { LazyCodeExportModal } from '../as-code/components/lazy-code-export-modal.tsx';
import { BulkActions } from '../bulk/components/bulk-actions.tsx';
import { LazyBulkOperationPanel } from '../bulk/components/lazy-bulk-operation-panel.tsx';
import { useFunctionInventory, type FunctionInventory } from '../function-inventory.ts';
import { HEALTH_CLASSES, type HealthClass } from '../mapping-health.ts';
import type { MappingListFilters } from '../queries.ts';
import { toCsv, toMappingsJson, viewExportFileName } from './export-view.ts';
import { useFollowTransitions } from './follow-transitions.ts';
import { suggestPropertyToken } from './filter-suggestion.ts';
import { HealthCounts } from './health-counts.tsx';
import {
  LazyServerFiltersModal,
  LazyShortcutsModal,
  preloadListDialogs,
} from './lazy-list-dialogs.tsx';
import {
  formatFilterToken,
  PAGE_SIZES,
  readFilterToken,
  withListView,
  type MappingsListView,
} from './list-view-state.ts';
import { MAPPINGS_VIEW_RULES } from './mappings-view-rules.ts';
import { CellWrapLinesContext, mappingColumns } from './mapping-columns.tsx';
import {
  MAPPING_FILTERING_PROPERTIES,
  mappingFilteringOptions,
  toMappingRows,
  type MappingRow,
} from './mapping-rows.ts';
import {
  combineRegionRows,
  countHealth,
  filterMappingRows,
  sortViewRows,
  holdSortedOrder,
  withoutHealthTokens,
} from './view-rows.ts';
import { RegionFeed, type RegionFeedActions, type RegionFeedState } from './region-feed.tsx';
import {
  DEFAULT_PAGE_SIZE,
  defaultTablePreferences,
  useTablePreferences,
} from './table-preferences.ts';
import { ROW_LINK_ATTRIBUTE, useListKeyboard } from './use-list-keyboard.ts';

/**
 * The most mappings exported as code at once: their tags are read first (ListTags, 4 at a time),
 * and the panel renders every format in the page.
 */
const CODE_EXPORT_MAX = 500;

/** Props of {@link MappingsListView}. */
export interface MappingsListViewProps {
  /** Regions whose mappings are shown: the active one, or every configured one. */
  regions: readonly string[];
  /** Every configured region (the scope switch offers "All regions" when there are several). */
  configuredRegions: readonly string[];
  /** Server-side `ListEventSourceMappings` filters. */
  filters: MappingListFilters;
  onFiltersChange: (filters: MappingListFilters) => void;
  /** The view (filter tokens, sort, page, page size, region scope), kept in the URL. */
  view: MappingsListView;
  onViewChange: (view: MappingsListView) => void;
  writeAccess: WriteAccess;
  /** Opens the create form, or the edit form of one mapping (in its region). */
  onCreate: () => void;
  onEdit: (row: MappingRow) => void;
  /** Hrefs of those forms (for the buttons' links). */
  createHref: string;
  editHref: (row: MappingRow) => string;
}

interface Feed {
  state: RegionFeedState;
  actions: RegionFeedActions;
}

/**
 * The time every mount of the list classifies by (stuck = transitional for too long), moved on
 * once a minute: a list mounted again within the minute (Back from a detail page) uses the same
 * time, so its rows are the ones already built and nothing is re-derived.
 */
const listClock = { now: Date.now() };

/** {@link listClock}'s time, at most `intervalMs` old, re-rendering when it moves on. */
function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => {
    if (Date.now() - listClock.now >= intervalMs) listClock.now = Date.now();
    return listClock.now;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      if (Date.now() - listClock.now >= intervalMs) listClock.now = Date.now();
      setNow(listClock.now);
      timer = setTimeout(tick, Math.max(1_000, listClock.now + intervalMs - Date.now()));
    };
    timer = setTimeout(tick, Math.max(1_000, listClock.now + intervalMs - Date.now()));
    return () => clearTimeout(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The same query object while its tokens and operation are unchanged: the route parses a new one
 * from the URL on every change of the view (a page, a sort), and the filter memo is keyed on it.
 */
function useStableQuery(query: MappingsListView['query']): MappingsListView['query'] {
  const text = JSON.stringify(query);
  return useMemo(() => JSON.parse(text) as MappingsListView['query'], [text]);
}

const number = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Inline content with a gap after each child: spans only, for places that hold phrasing content
 * (a header's description is a `<p>`).
 * @param props.block starts on its own line.
 */
function Inline({ children, block }: { children: ReactNode; block?: boolean }) {
  return (
    <Box variant="span" display={block ? 'block' : 'inline-block'} margin={{ right: 'm' }}>
      {Children.map(children, (child) =>
        child === null || child === undefined || child === false ? null : (
          <Box variant="span" display="inline-block" margin={{ right: 's' }}>
            {child}
          </Box>
        ),
      )}
    </Box>
  );
}

/**
 * The orphan check's line while it runs, with how far it has got: the functions `ListFunctions`
 * has returned so far, then the version and alias lookups (a function's ListVersionsByFunction or
 * ListAliases, all pages) done of those needed (on a large
 * fleet, at the console's 10 requests a second, these take minutes). Its own component, so that
 * progress repaints only this line, never the table.
 */
function InventoryProgressLine({ inventory }: { inventory: FunctionInventory }) {
  const { functionsListed, lookupsDone, lookups } = useSyncExternalStore(
    inventory.subscribeProgress,
    inventory.getProgress,
  );
  const detail =
    lookups > 0
      ? `: ${number(lookupsDone)} of ${number(lookups)} version and alias lookups done`
      : functionsListed > 0
        ? `: ${number(functionsListed)} functions listed`
        : '';
  return (
    <StatusIndicator type="loading">
      Checking which functions, versions and aliases still exist{detail}
    </StatusIndicator>
  );
}

/**
 * Whether a region's listing failed and stopped (its first page, or a later page "Load all" gave
 * up on): some or all of its mappings are missing from the list, and from the title's count.
 */
const listingFailed = ({ state }: Feed) =>
  Boolean(state.error) && !state.loadingAll && (state.status === 'error' || state.hasNextPage);

/**
 * One region's loading state, in words, at the top of the table. With several regions, a region
 * whose listing failed says that its mappings are missing from the title's count (which reads
 * `(N+)` then): the count of the others alone would read like the whole fleet's.
 */
function FeedProgress({
  feed,
  showRegion,
  serverFiltered,
}: {
  feed: Feed;
  showRegion: boolean;
  /** Whether Lambda lists only the mappings of a FunctionName / EventSourceArn. */
  serverFiltered: boolean;
}) {
  const { state, actions } = feed;
  const where = showRegion ? `${state.region}: ` : '';
  if (state.status === 'pending') {
    return <StatusIndicator type="loading">{where}Loading mappings</StatusIndicator>;
  }
  if (state.status === 'error') {
    return (
      <StatusIndicator type="error">
        {where}could not be listed{showRegion ? ', not counted' : ''} (see above)
      </StatusIndicator>
    );
  }
  const loaded = number(state.items.length);
  if (showRegion && listingFailed(feed)) {
    return (
      <StatusIndicator type="error">
        {where}failed after {loaded}, the rest not counted (see above)
      </StatusIndicator>
    );
  }
  if (state.loadingAll) {
    const elapsed = state.startedAt !== undefined ? state.reportedAt - state.startedAt : 0;
    return (
      <Inline>
        <StatusIndicator type="loading">
          {where}Loading all mappings: {loaded} loaded, {number(state.pages)}{' '}
          {state.pages === 1 ? 'page' : 'pages'}, {seconds(elapsed)}
          {state.retries > 0
            ? `, ${number(state.retries)} ${state.retries === 1 ? 'request' : 'requests'} retried (throttled or unanswered)`
            : ''}
        </StatusIndicator>
        <Button
          variant="inline-link"
          onClick={actions.stop}
          ariaLabel={`Stop loading ${state.region}`}
        >
          Stop
        </Button>
      </Inline>
    );
  }
  if (state.hasNextPage) {
    return (
      <Inline>
        <StatusIndicator type="stopped">
          {where}
          {loaded} loaded, more in Lambda
        </StatusIndicator>
        <Button
          variant="inline-link"
          onClick={actions.loadAll}
          ariaLabel={`Load all in ${state.region}`}
        >
          Load all
        </Button>
      </Inline>
    );
  }
  const took =
    state.startedAt !== undefined && state.finishedAt !== undefined
      ? ` in ${seconds(state.finishedAt - state.startedAt)}`
      : '';
  if (state.items.length === 0) {
    return (
      <StatusIndicator type="success">
        {serverFiltered
          ? `${showRegion ? `${state.region}: no mapping` : 'No mapping'} matches the Lambda-side filters`
          : showRegion
            ? `${state.region}: no mappings`
            : 'No mappings in this region'}
      </StatusIndicator>
    );
  }
  return (
    <StatusIndicator type="success">
      {where}All {loaded} {state.items.length === 1 ? 'mapping' : 'mappings'} loaded{took} (
      {state.pages} {state.pages === 1 ? 'page' : 'pages'})
    </StatusIndicator>
  );
}

/** Suggestions past which the filter's dropdown is virtualised (Cloudscape's threshold). */
const VIRTUAL_SCROLL_FROM = 500;

/** Props of {@link MappingsFilter}. */
interface MappingsFilterProps {
  query: MappingsListView['query'];
  filteringOptions: readonly PropertyFilterProps.FilteringOption[];
  countText: string | undefined;
  /** The active region (the scope switch's first option). */
  regionLabel: string;
  /** Configured regions: the switch is shown when there are several. */
  regionCount: number;
  multiRegion: boolean;
  onViewChange: (patch: Partial<MappingsListView>) => void;
}

/**
 * The property filter and the region-scope switch, and under them, when a free-text token reads
 * like a property token with a misspelt or column-header name (`Function = orders`), the token
 * it likely means, one click away (`suggestPropertyToken`). Memoised: selecting a row or a progress report
 * does not re-render it (its suggestions hold thousands of values at 10,000 mappings).
 */
const MappingsFilter = memo(function MappingsFilter({
  query,
  filteringOptions,
  countText,
  regionLabel,
  regionCount,
  multiRegion,
  onViewChange,
}: MappingsFilterProps) {
  const suggestion = useMemo(
    () => suggestPropertyToken(query, filteringOptions),
    [query, filteringOptions],
  );
  // A token the view could not keep (a link would drop it, widening the view): not applied.
  const [refused, setRefused] = useState<string>();
  const filter = (
    <PropertyFilter
      query={query}
      onChange={({ detail }) => {
        for (const token of detail.tokens) {
          const reading = readFilterToken(formatFilterToken(token), MAPPINGS_VIEW_RULES);
          if ('reason' in reading) {
            const typed = [token.propertyKey, token.operator, String(token.value)].join(' ');
            setRefused(`${typed.trim()}: ${reading.reason}`);
            return;
          }
        }
        setRefused(undefined);
        onViewChange({ query: detail, page: 1 });
      }}
      filteringProperties={MAPPING_FILTERING_PROPERTIES}
      filteringOptions={filteringOptions}
      // Cloudscape's advice past 500 suggestions: only the options in view are in the DOM (at
      // 10,000 mappings a keystroke otherwise lays out several hundred options).
      virtualScroll={filteringOptions.length > VIRTUAL_SCROLL_FROM}
      filteringPlaceholder="Filter mappings (press / to focus, ? for shortcuts)"
      filteringAriaLabel="Filter mappings"
      countText={countText}
      expandToViewport
      customControl={
        regionCount > 1 ? (
          <SegmentedControl
            label="Regions"
            selectedId={multiRegion ? 'all' : 'active'}
            options={[
              { id: 'active', text: multiRegion ? 'One region' : regionLabel },
              { id: 'all', text: `All regions (${regionCount})` },
            ]}
            onChange={({ detail }) =>
              onViewChange({ regions: detail.selectedId === 'all' ? 'all' : 'active', page: 1 })
            }
          />
        ) : undefined
      }
    />
  );
  // One structure whether or not a note shows: a note appearing must not re-mount the filter (it
  // lost the focus and what was being typed). Siblings in a fragment, not a wrapper: the filter's
  // keystrokes lay out no more than before.
  return (
    <>
      {filter}
      {refused ? (
        <Box variant="small" display="block" margin={{ top: 'xxs' }}>
          <StatusIndicator type="error">Not applied: {refused}.</StatusIndicator>
        </Box>
      ) : null}
      {suggestion ? (
        <Box variant="small" display="block" margin={{ top: 'xxs' }}>
          <StatusIndicator type="info">
            {suggestion.kind === 'free-text'
              ? `“${suggestion.typed}” is searched as free text, in every column.`
              : `No loaded mapping has ${suggestion.typed}.`}
          </StatusIndicator>{' '}
          <Button
            variant="inline-link"
            onClick={() => onViewChange({ query: suggestion.query, page: 1 })}
          >
            Filter by {suggestion.token.propertyKey} {suggestion.token.operator}{' '}
            {String(suggestion.token.value)} instead
          </Button>
        </Box>
      ) : null}
    </>
  );
});

/** The Lambda-side filters button downloads its dialog when hovered or focused. */
const LIST_DIALOGS_TRIGGER = { onPointerEnter: preloadListDialogs, onFocus: preloadListDialogs };

/** Props of {@link ExportMenu}. */
interface ExportMenuProps {
  /** Rows in the view (every page). */
  matchingCount: number;
  /** Selected rows in the view. */
  selectedCount: number;
  /** Whether Lambda has more mappings than are loaded (Load all runs, was stopped or failed). */
  partial: boolean;
  /** CSV or JSON of the view, or the selection as code. */
  onExport: (kind: 'csv' | 'json' | 'code') => void;
}

/**
 * The "Export" menu: the view as CSV or JSON (saying so when not every mapping is loaded), the
 * selection as code (at most {@link CODE_EXPORT_MAX}). Memoised: a page change or a sort does not re-render it.
 */
const ExportMenu = memo(function ExportMenu({
  matchingCount,
  selectedCount,
  partial,
  onExport,
}: ExportMenuProps) {
  const count = `${number(matchingCount)} ${matchingCount === 1 ? 'mapping' : 'mappings'}${partial ? ' loaded so far' : ''}`;
  return (
    <ButtonDropdown
      items={[
        {
          id: 'view',
          text: partial
            ? 'This view (filtered and sorted; not all mappings are loaded)'
            : 'This view (filtered and sorted)',
          items: [
            { id: 'csv', text: `CSV (${count})` },
            { id: 'json', text: `JSON (${count})` },
          ],
        },
        {
          id: 'selection',
          text: 'Selected mappings',
          items: [
            {
              id: 'code',
              text: selectedCount > 0 ? `As code (${number(selectedCount)} selected)…` : 'As code…',
              ...(selectedCount === 0
                ? {
                    disabled: true,
                    disabledReason: 'Select the mappings to export as code first.',
                  }
                : selectedCount > CODE_EXPORT_MAX
                  ? {
                      disabled: true,
                      disabledReason: `Select at most ${number(CODE_EXPORT_MAX)} mappings to export as code.`,
                    }
                  : {}),
            },
          ],
        },
      ]}
      disabled={matchingCount === 0 && selectedCount === 0}
      onItemClick={({ detail }) =>
        onExport(detail.id === 'code' ? 'code' : detail.id === 'json' ? 'json' : 'csv')
      }
    >
      Export
    </ButtonDropdown>
  );
});

/** The bulk actions, re-rendered only when the selection (or write access) changes. */
const MemoBulkActions = memo(BulkActions);

const TABLE_ARIA_LABELS: TableProps.AriaLabels<MappingRow> = {
  tableLabel: 'Event source mappings',
  selectionGroupLabel: 'Mapping selection',
  allItemsSelectionLabel: () => 'Select all mappings on this page',
  itemSelectionLabel: (_s, r) => `Select mapping ${r.UUID}`,
};

/**
 * What the table shows around its rows (title, counts and actions; the filter; pagination;
 * preferences; the empty state), built at each render of the list and handed to the table through
 * a context: the table element itself is memoised on what its rows depend on, so a Load-all
 * report, a progress tick or a count changing renders these parts and not the table (about 2,200
 * components at 50 rows, 60–100 ms a report on a 2-core machine, while the next page waited).
 */
interface TableSlots {
  header: ReactNode;
  filter: ReactNode;
  pagination: ReactNode;
  preferences: ReactNode;
  empty: ReactNode;
}

const TableSlotsContext = createContext<TableSlots | undefined>(undefined);

/** Renders one part of {@link TableSlots} where the table puts it. */
function TableSlot({ name }: { name: keyof TableSlots }) {
  return <>{useContext(TableSlotsContext)?.[name]}</>;
}

const NO_SORTING_COLUMN: TableProps.SortingColumn<MappingRow> = {};
const HEADER_SLOT = <TableSlot name="header" />;
const FILTER_SLOT = <TableSlot name="filter" />;
const PAGINATION_SLOT = <TableSlot name="pagination" />;
const PREFERENCES_SLOT = <TableSlot name="preferences" />;
const EMPTY_SLOT = <TableSlot name="empty" />;

/**
 * Whether the user is at the list's rows: the pointer over the table or the focus in it (the list
 * shows one table at a time). A sorted view holds its order meanwhile (holdSortedOrder).
 */
const rowsInUse = { pointer: false, focus: false };

/** The last page of rows handed to the table, by its first row. */
const keptPages = new WeakMap<object, readonly MappingRow[]>();

/**
 * `rows` (a page), or the array last returned for a page with the same rows in the same order: a
 * page whose rows did not change (a Load-all report while page 1 is shown) gives the table the
 * same items array, so the memoised table element is kept.
 */
function keptPage(rows: readonly MappingRow[]): readonly MappingRow[] {
  const first = rows[0];
  if (!first) return rows;
  const kept = keptPages.get(first);
  if (kept && kept.length === rows.length && kept.every((row, i) => row === rows[i])) return kept;
  keptPages.set(first, rows);
  return rows;
}

const NO_MAPPINGS: readonly EventSourceMappingConfiguration[] = [];

/**
 * The fleet list: every mapping of one region or of all configured regions, loaded in the
 * background (`ListEventSourceMappings` over `NextMarker`, 100 per page) and filtered, sorted and
 * paged in the browser with collection-hooks' `processItems`, so only one page of rows is in the
 * DOM however many are loaded. Health counts (one-click filters), a property filter, column
 * preferences kept per browser, bulk actions on the selection (or on every match), CSV/JSON export
 * of the view, and keyboard shortcuts (`?`). The view itself lives in the URL (the caller keeps it).
 */
export function MappingsListView(props: MappingsListViewProps) {
  // A change of the view is shown at once, in an urgent render of the list, instead of waiting
  // for the router, which renders the new URL in a transition (interruptible, so a sort or a page
  // change took two or three times its work to reach the screen).
  const [shown, setShown] = useState<{ base: MappingsListView; view: MappingsListView }>();
  // When the URL comes back as a new props.view with the same values, the view already shown is
  // kept (the same object), and so are the list's other props: the router's render of the new URL
  // renders nothing of the list, where it rendered the whole table again (about 2,200 components,
  // often before the click's frame was painted).
  const view =
    shown && (shown.base === props.view || sameListView(shown.view, props.view))
      ? shown.view
      : props.view;
  const urlView = useRef(props.view);
  useEffect(() => {
    urlView.current = props.view;
  }, [props.view]);
  // Not for a new region scope: the route gives the list other regions (and a new key) for it.
  const showView = useCallback((next: MappingsListView) => {
    const base = urlView.current;
    if (next.regions === base.regions) setShown({ base, view: next });
  }, []);
  // The route's callbacks are new functions at each of its renders: the list calls the latest.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const callbacks = useMemo(
    () => ({
      onViewChange: (next: MappingsListView) => latest.current.onViewChange(next),
      onFiltersChange: (next: MappingListFilters) => latest.current.onFiltersChange(next),
      onCreate: () => latest.current.onCreate(),
      onEdit: (row: MappingRow) => latest.current.onEdit(row),
      editHref: (row: MappingRow) => latest.current.editHref(row),
    }),
    [],
  );
  const { FunctionName, EventSourceArn } = props.filters;
  const filters = useMemo(
    () => ({
      ...(FunctionName !== undefined ? { FunctionName } : {}),
      ...(EventSourceArn !== undefined ? { EventSourceArn } : {}),
    }),
    [FunctionName, EventSourceArn],
  );
  return (
    <MappingsListBody
      {...callbacks}
      regions={props.regions}
      configuredRegions={props.configuredRegions}
      filters={filters}
      view={view}
      showView={showView}
      writeAccess={props.writeAccess}
      createHref={props.createHref}
    />
  );
}

/** Whether two views are the same, as the URL writes them. */
function sameListView(a: MappingsListView, b: MappingsListView): boolean {
  return (
    a === b ||
    withListView(new URLSearchParams(), a).toString() ===
      withListView(new URLSearchParams(), b).toString()
  );
}

/** The list itself; it renders again only when one of its props (or its own state) changes. */
const MappingsListBody = memo(function MappingsListBody(
  props: MappingsListViewProps & { showView: (view: MappingsListView) => void },
) {
  const { regions, onViewChange, filters, writeAccess, view, showView } = props;
  const multiRegion = view.regions === 'all';
  const [feeds, setFeeds] = useState<Readonly<Record<string, Feed>>>({});
  const onFeedChange = useCallback((state: RegionFeedState, actions: RegionFeedActions) => {
    setFeeds((previous) => ({ ...previous, [state.region]: { state, actions } }));
  }, []);
  const shownFeeds = regions.map((r) => feeds[r]).filter((f): f is Feed => f !== undefined);
  const loadingAny =
    shownFeeds.length < regions.length ||
    shownFeeds.some((f) => f.state.loadingAll || f.state.status === 'pending');
  const moreInLambda = shownFeeds.some((f) => f.state.hasNextPage);

  // The table's width as the list opens: the window's, less the page's side padding (Cloudscape's
  // app layout without a navigation drawer, 24 px a side); the columns' widths are set from it once.
  const [tableWidth] = useState(() => document.documentElement.clientWidth - 2 * 24);
  const columns = useMemo(
    () => mappingColumns({ regionLink: multiRegion, tableWidth }),
    [multiRegion, tableWidth],
  );
  const defaults = useMemo(() => defaultTablePreferences(columns), [columns]);
  const [preferences, setPreferences] = useTablePreferences(defaults);
  // The console's density (one setting, also in the header's menu): the table follows it.
  const appearance = useAppearance();
  const pageSize = view.pageSize ?? preferences.pageSize;

  // Orphans: once every region is loaded, look up the functions the mappings name.
  const regionsKey = regions.join(',');
  // Orphans are looked up once every shown region is loaded (one set of ARNs, not one per page).
  const functionArns = useMemo(() => {
    const shown = regionsKey.split(',');
    const loaded = shown.map((r) => feeds[r]);
    if (loaded.some((f) => !f || f.state.status === 'pending' || f.state.loadingAll)) return [];
    const arns = new Set<string>();
    for (const feed of loaded) {
      for (const m of feed?.state.items ?? []) if (m.FunctionArn) arns.add(m.FunctionArn);
    }
    return [...arns];
  }, [feeds, regionsKey]);
  const inventory = useFunctionInventory(functionArns, { enabled: functionArns.length > 0 });
  // Whether the orphan check runs (it waits for every page, and asks nothing for an empty list).
  const orphanCheckRunning = functionArns.length > 0 && inventory.status === 'pending';
  const now = useNow();

  const rows = useMemo(
    () =>
      combineRegionRows(
        regions.map((r) =>
          toMappingRows(feeds[r]?.state.items ?? NO_MAPPINGS, r, {
            now,
            functionStatus: inventory.statusOf,
          }),
        ),
      ),
    [regions, feeds, now, inventory.statusOf],
  );
  const filteringOptions = useMemo(() => mappingFilteringOptions(rows), [rows]);

  // Filter, then sort, then page, each memoised on what it depends on (and cached per rows array,
  // for the next mount): a page change or a selection re-derives nothing, a sort does not filter
  // again. The query is parsed from the URL on every change of the view, so it is compared by value.
  const query = useStableQuery(view.query);
  const filteredRows = useMemo(() => filterMappingRows(rows, query), [rows, query]);
  // The counts are of the rows the filter matches but for its Health token (withoutHealthTokens).
  const countQuery = useMemo(() => withoutHealthTokens(query), [query]);
  const counts = useMemo(
    () => countHealth(countQuery === query ? filteredRows : filterMappingRows(rows, countQuery)),
    [rows, query, countQuery, filteredRows],
  );
  const sortColumn = view.sort ? columns.find((c) => c.id === view.sort?.column) : undefined;
  const sortDescending = view.sort?.descending ?? false;
  const sortedRows = useMemo(
    () => sortViewRows(filteredRows, sortColumn, sortDescending, rows),
    [filteredRows, sortColumn, sortDescending, rows],
  );
  // Selection: keys of rows, across pages (and regions).
  const [selectedKeys, setSelectedKeys] = useState<ReadonlySet<string>>(() => new Set());
  // Once everything is loaded, rows keep their places in a sorted view while their values change
  // (an orphan found, a State followed) and the user is at the rows: the pointer over the table,
  // the focus in it, or rows selected. Rows moving under the pointer got the wrong one clicked;
  // left alone, the view follows its sort (worst first shows the orphans once they are found).
  // "Sort again" counts as a new view (the sort's order is taken again).
  const [resorted, setResorted] = useState(0);
  // Read when the rows change (no render of its own: hovering renders nothing).
  const atRows = rowsInUse.pointer || rowsInUse.focus || selectedKeys.size > 0;
  useEffect(
    () => () => {
      rowsInUse.pointer = false;
      rowsInUse.focus = false;
    },
    [],
  );
  const heldView = `${regionsKey}|${JSON.stringify(query)}|${sortColumn?.id ?? ''}:${sortDescending}|${resorted}`;
  const holdOrder = sortColumn !== undefined && !loadingAny && atRows;
  const { rows: matching, held: orderHeld } = useMemo(
    () => holdSortedOrder(sortedRows, heldView, holdOrder),
    [sortedRows, heldView, holdOrder],
  );
  const pagesCount = Math.ceil(matching.length / pageSize);
  // A page past the end (a link's page=999, or a page not loaded yet) shows the last page, and the
  // pagination says so: it showed page 1's rows under the last page's number.
  const pageIndex = Math.max(1, Math.min(view.page, pagesCount));
  const pageRows = useMemo(
    () => keptPage(matching.slice((pageIndex - 1) * pageSize, pageIndex * pageSize)),
    [matching, pageIndex, pageSize],
  );
  useFollowTransitions(pageRows);

  // Only rows the view shows count as selected (and a filter change clears the selection): an
  // action never reaches mappings the user can no longer see.
  // In the view's order: one pass of Set lookups (about 1 ms at 10,000 rows; building a key →
  // position map for the first selection cost 25 ms, most of a click's budget).
  const selectedRows = useMemo(
    () => (selectedKeys.size === 0 ? [] : matching.filter((r) => selectedKeys.has(r.key))),
    [matching, selectedKeys],
  );

  const selectedMappings = useMemo(
    () => selectedRows.map((r): EventSourceMappingConfiguration => r.mapping),
    [selectedRows],
  );
  const pageSelected = useMemo(
    () => pageRows.filter((r) => selectedKeys.has(r.key)),
    [pageRows, selectedKeys],
  );
  const toggle = (key: string) =>
    setSelectedKeys((previous) => {
      const next = new Set(previous);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  // The router renders a new URL in a transition: a second change made before it commits (sort,
  // then page 2 at once) must build on the first, not on the view still on screen.
  const latestView = useRef(view);
  useEffect(() => {
    latestView.current = view;
  }, [view]);
  const storedPageSize = preferences.pageSize;
  const setView = useCallback(
    (patch: Partial<MappingsListView>) => {
      const next = { ...latestView.current, ...patch };
      // A new filter or region scope starts with nothing selected (the AWS console's tables too).
      if ('query' in patch || 'regions' in patch) setSelectedKeys(new Set());
      // A copied URL names the page size unless it is the default, so page 3 is the same rows.
      if (next.pageSize === undefined && storedPageSize !== DEFAULT_PAGE_SIZE) {
        next.pageSize = storedPageSize;
      }
      latestView.current = next;
      showView(next);
      onViewChange(next);
    },
    [onViewChange, storedPageSize, setSelectedKeys, showView],
  );
  // The sort's order again, from page 1 (as a click on the column header does).
  // Set by Sort again, whose button leaves with the notice: the focus goes to the first row then.
  const focusFirstRow = useRef(false);
  const sortAgain = useCallback(() => {
    focusFirstRow.current = true;
    setResorted((n) => n + 1);
    setView({ page: 1 });
  }, [setView]);
  const healthToken = view.query.tokens.find(
    (t) => t.propertyKey === 'Health' && t.operator === '=',
  );
  const activeHealth = HEALTH_CLASSES.find((c) => c === healthToken?.value);
  // Reads the view at the time of the click (stable, so the memoised counts do not re-render).
  const selectHealth = useCallback(
    (health: HealthClass | undefined) => {
      const { tokens: all, operation } = latestView.current.query;
      const tokens = all.filter((t) => t.propertyKey !== 'Health');
      setView({
        query: {
          // Clearing keeps the rest of the filter as it was (match any stays any).
          operation: health ? 'and' : operation,
          tokens: health
            ? [...tokens, { propertyKey: 'Health', operator: '=', value: health }]
            : tokens,
        },
        page: 1,
      });
    },
    [setView],
  );

  const displayColumns = useMemo(() => {
    const ids = preferences.contentDisplay.filter((c) => c.visible).map((c) => c.id);
    // The Region column is always there in the all-regions view.
    if (multiRegion && !ids.includes('Region')) ids.splice(1, 0, 'Region');
    return ids;
  }, [preferences.contentDisplay, multiRegion]);
  const columnDisplay = useMemo(
    () => displayColumns.map((id) => ({ id, visible: true })),
    [displayColumns],
  );

  const exportView = (format: 'csv' | 'json') => {
    const scope = multiRegion ? 'all-regions' : (regions[0] ?? 'region');
    if (format === 'csv') {
      const shown = displayColumns
        .map((id) => columns.find((c) => c.id === id))
        .filter((c): c is (typeof columns)[number] => c !== undefined);
      downloadText(viewExportFileName(scope, 'csv'), toCsv(shown, matching), 'text/csv');
    } else {
      downloadText(
        viewExportFileName(scope, 'json'),
        toMappingsJson(matching.map((r) => r.mapping)),
        'application/json',
      );
    }
  };

  const tableRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLDivElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [serverFiltersOpen, setServerFiltersOpen] = useState(false);
  const closeHelp = useCallback(() => setHelpOpen(false), [setHelpOpen]);
  const closeServerFilters = useCallback(() => setServerFiltersOpen(false), [setServerFiltersOpen]);
  const onFiltersChange = useRef(props.onFiltersChange);
  useEffect(() => {
    onFiltersChange.current = props.onFiltersChange;
  });
  const applyServerFilters = useCallback(
    (next: MappingListFilters) => {
      setServerFiltersOpen(false);
      onFiltersChange.current(next);
    },
    [setServerFiltersOpen],
  );
  useEffect(() => {
    // Once page 1 shows the re-sorted rows (the page reaches the URL a render later).
    if (!focusFirstRow.current || pageIndex !== 1) return;
    focusFirstRow.current = false;
    const first = tableRef.current?.querySelector<HTMLElement>(`[${ROW_LINK_ATTRIBUTE}]`);
    first?.focus({ preventScroll: true });
    first?.closest('tr')?.scrollIntoView({ block: 'nearest' });
  });
  useListKeyboard({
    table: tableRef,
    filter: filterRef,
    onToggleSelection: toggle,
    onHelp: () => setHelpOpen(true),
    disabled: helpOpen || serverFiltersOpen,
  });

  const single = selectedRows.length === 1 ? selectedRows[0] : undefined;
  // The selection being exported as code (kept as it was when the panel opened).
  const [exportingCode, setExportingCode] = useState<readonly ExportedMapping[]>();
  const singleBusy = single?.Health === 'transitional' || single?.Health === 'stuck';
  // The latest export handler, behind a stable callback (the export menu is memoised).
  const exportHandler = useRef<(kind: 'csv' | 'json' | 'code') => void>(() => undefined);
  useEffect(() => {
    exportHandler.current = (kind) => {
      if (kind === 'code')
        setExportingCode(selectedRows.map((r) => ({ mapping: r.mapping, region: r.Region })));
      else exportView(kind);
    };
  });
  const onExport = useCallback((kind: 'csv' | 'json' | 'code') => exportHandler.current(kind), []);
  const clearSelection = useCallback(() => setSelectedKeys(new Set()), [setSelectedKeys]);

  const loadedCount = rows.length;
  const filtered = view.query.tokens.length > 0;
  const countText = `${number(matching.length)} ${matching.length === 1 ? 'match' : 'matches'} of ${number(loadedCount)} loaded${moreInLambda || loadingAny ? ' (more to load)' : ''}`;
  // Regions whose listing failed (all regions view): the count is a lower bound, and the
  // description's first line names them (FeedProgress). The 1280 px wide header has no room for
  // the names in the counter itself: the actions would wrap under the title.
  const failedFeeds = multiRegion ? shownFeeds.filter(listingFailed) : [];
  // No count before a region's first page is in: "(0)" and "Healthy 0" would read as an empty,
  // healthy fleet while the list is loading or failed to load.
  const anyListed = shownFeeds.some((f) => f.state.status === 'success');
  const counter = anyListed
    ? `(${number(loadedCount)}${moreInLambda || loadingAny || failedFeeds.length > 0 ? '+' : ''})`
    : undefined;
  // Failed regions first, right under the count.
  const progressRegions =
    failedFeeds.length === 0
      ? regions
      : [
          ...failedFeeds.map((f) => f.state.region),
          ...regions.filter((r) => !failedFeeds.some((f) => f.state.region === r)),
        ];
  const serverFiltered = Boolean(filters.FunctionName || filters.EventSourceArn);
  const serverFilterText = [
    filters.FunctionName ? `FunctionName = ${filters.FunctionName}` : '',
    filters.EventSourceArn ? `EventSourceArn = ${filters.EventSourceArn}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const errors = shownFeeds.filter(
    (f) => f.state.error && (f.state.status === 'error' || f.state.hasNextPage),
  );

  // selectedRows are distinct rows of matching.
  const allMatchingSelected = matching.length > 0 && selectedRows.length === matching.length;
  // A line of its own, always there (from "0 selected"): selecting a row adds no line, so the rows
  // never move under the pointer (at 1280 px the line used to appear with the first selection and
  // push every row 20 px down: the next click hit the row above the one aimed at); its count is a
  // live region from the start, so screen readers hear each change.
  // What a confirmation warns of: a selection made from part of the fleet, or by health while the
  // orphan check may still move mappings into (or out of) the class filtered on.
  const bulkCaveat =
    moreInLambda || loadingAny
      ? `Not every mapping is loaded yet (${number(loadedCount)} so far): the selection is taken from those.`
      : orphanCheckRunning && activeHealth !== undefined
        ? 'The check for orphans (deleted functions, versions and aliases) is still running: the health counts and this selection may still change.'
        : undefined;
  const selectionNote = (
    <Inline block>
      <Box variant="span" color="text-body-secondary">
        <span role="status">{number(selectedRows.length)} selected</span>
      </Box>
      {!allMatchingSelected && matching.length > pageSelected.length ? (
        <Button
          variant="inline-link"
          onClick={() => setSelectedKeys(new Set([...selectedKeys, ...matching.map((r) => r.key)]))}
        >
          Select all {number(matching.length)} matching
          {moreInLambda || loadingAny ? ` of ${number(loadedCount)} loaded so far` : ''}
        </Button>
      ) : null}
      {selectedRows.length > 0 ? (
        <Button variant="inline-link" onClick={() => setSelectedKeys(new Set())}>
          Clear selection
        </Button>
      ) : null}
      {orderHeld ? (
        <Inline>
          <StatusIndicator type="info">
            Rows keep their places: some changed since sorted by {sortColumn?.label}
          </StatusIndicator>
          <Button variant="inline-link" onClick={sortAgain}>
            Sort again
          </Button>
        </Inline>
      ) : null}
    </Inline>
  );

  const slots: TableSlots = {
    header: (
      <Header
        variant="awsui-h1-sticky"
        counter={counter}
        description={
          // The description is a <p>: only phrasing content (spans, buttons) inside.
          <>
            <Inline block>
              {progressRegions.map((r) => {
                const feed = feeds[r];
                return feed ? (
                  <FeedProgress
                    key={r}
                    feed={feed}
                    showRegion={multiRegion}
                    serverFiltered={serverFiltered}
                  />
                ) : (
                  <StatusIndicator key={r} type="loading">
                    {multiRegion ? `${r}: ` : ''}Loading mappings
                  </StatusIndicator>
                );
              })}
              {orphanCheckRunning ? (
                <InventoryProgressLine inventory={inventory} />
              ) : functionArns.length > 0 && inventory.status === 'error' ? (
                <StatusIndicator type="warning">
                  Orphans not checked: {toAwsError(inventory.error).name}
                </StatusIndicator>
              ) : null}
              {serverFiltered ? (
                <Inline>
                  <StatusIndicator type="info">
                    Lambda lists only {serverFilterText}
                  </StatusIndicator>
                  <Button variant="inline-link" onClick={() => props.onFiltersChange({})}>
                    Clear Lambda-side filters
                  </Button>
                </Inline>
              ) : null}
            </Inline>
            <Inline block>
              {anyListed ? (
                <HealthCounts
                  counts={counts}
                  active={activeHealth}
                  onSelect={selectHealth}
                  orphansChecking={orphanCheckRunning}
                  filtered={countQuery.tokens.length > 0}
                  {...(countQuery.operation === 'or' && countQuery.tokens.length > 1
                    ? {
                        cannotFilterReason:
                          'The filter matches any of its tokens: a health count would widen it. Set it to match all tokens to filter by health.',
                      }
                    : {})}
                />
              ) : null}
            </Inline>
            {anyListed ? selectionNote : null}
          </>
        }
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button
              iconName="refresh"
              ariaLabel="Refresh mappings"
              onClick={() => shownFeeds.forEach((f) => f.actions.refresh())}
              loading={shownFeeds.some((f) => f.state.fetching && !f.state.loadingAll)}
            />
            <Button
              onClick={() => setServerFiltersOpen(true)}
              nativeButtonAttributes={LIST_DIALOGS_TRIGGER}
              ariaLabel={
                serverFiltered
                  ? `Lambda-side filters (active: ${serverFilterText})`
                  : 'Lambda-side filters'
              }
            >
              Lambda-side filters{serverFiltered ? ' (on)' : ''}
            </Button>
            <ExportMenu
              matchingCount={matching.length}
              selectedCount={selectedRows.length}
              partial={moreInLambda || loadingAny}
              onExport={onExport}
            />
            <MemoBulkActions
              selected={selectedMappings}
              writeAccess={writeAccess}
              {...(bulkCaveat ? { caveat: bulkCaveat } : {})}
              onStarted={clearSelection}
            />
            <Button
              href={
                single && !singleBusy && writeAccess.allowed ? props.editHref(single) : undefined
              }
              onFollow={(event) => {
                event.preventDefault();
                if (single) props.onEdit(single);
              }}
              disabled={!writeAccess.allowed || !single || singleBusy}
              disabledReason={
                !writeAccess.allowed
                  ? writeAccess.reason
                  : !single
                    ? 'Select one mapping to edit.'
                    : singleBusy
                      ? `The mapping is ${single.State}. Wait until it is Enabled or Disabled.`
                      : undefined
              }
            >
              Edit
            </Button>
            <Button
              variant="primary"
              href={writeAccess.allowed ? props.createHref : undefined}
              disabled={!writeAccess.allowed}
              disabledReason={writeAccess.allowed ? undefined : writeAccess.reason}
              onFollow={(event) => {
                event.preventDefault();
                props.onCreate();
              }}
            >
              Create mapping
            </Button>
          </SpaceBetween>
        }
      >
        Event source mappings
      </Header>
    ),
    filter: (
      <div ref={filterRef}>
        <MappingsFilter
          query={query}
          filteringOptions={filteringOptions}
          countText={filtered ? countText : undefined}
          regionLabel={regions[0] ?? 'This region'}
          regionCount={props.configuredRegions.length}
          multiRegion={multiRegion}
          onViewChange={setView}
        />
      </div>
    ),
    pagination: (
      <Pagination
        currentPageIndex={pageIndex}
        pagesCount={pagesCount}
        onChange={({ detail }) => setView({ page: detail.currentPageIndex })}
        openEnd={moreInLambda && !loadingAny}
      />
    ),
    preferences: (
      <CollectionPreferences
        title="Table preferences"
        confirmLabel="Confirm"
        cancelLabel="Cancel"
        preferences={{
          pageSize,
          wrapLines: preferences.wrapLines,
          contentDensity: appearance.preference.density,
          contentDisplay: preferences.contentDisplay,
          stickyColumns: { first: preferences.stickyFirstColumn ? 1 : 0 },
        }}
        onConfirm={({ detail }) => {
          if (detail.contentDensity && detail.contentDensity !== appearance.preference.density) {
            appearance.set({ density: detail.contentDensity });
          }
          setPreferences({
            pageSize: detail.pageSize ?? preferences.pageSize,
            wrapLines: detail.wrapLines ?? preferences.wrapLines,
            contentDisplay: detail.contentDisplay ?? preferences.contentDisplay,
            stickyFirstColumn: (detail.stickyColumns?.first ?? 1) > 0,
          });
          if (detail.pageSize !== undefined && detail.pageSize !== pageSize) {
            const { pageSize: _omit, ...rest } = latestView.current;
            latestView.current = {
              ...rest,
              page: 1,
              ...(detail.pageSize !== DEFAULT_PAGE_SIZE ? { pageSize: detail.pageSize } : {}),
            };
            showView(latestView.current);
            onViewChange(latestView.current);
          }
        }}
        pageSizePreference={{
          title: 'Rows per page',
          options: PAGE_SIZES.map((n) => ({ value: n, label: `${n} mappings` })),
        }}
        wrapLinesPreference={{
          label: 'Wrap lines',
          description: 'Show long values whole, on several lines',
        }}
        contentDensityPreference={{
          label: 'Compact mode',
          description:
            'Less space around rows and cells, in the whole console (the same setting as Compact in the header’s settings menu)',
        }}
        stickyColumnsPreference={{
          firstColumns: {
            title: 'Stick first column',
            description: 'Keep the first column in view while scrolling sideways.',
            options: [
              { label: 'None', value: 0 },
              { label: 'First column', value: 1 },
            ],
          },
        }}
        contentDisplayPreference={{
          title: 'Columns',
          options: columns.map((c) => ({
            id: c.id,
            label: c.label,
            alwaysVisible: c.id === 'UUID',
          })),
        }}
      />
    ),
    empty:
      loadedCount > 0 && filtered ? (
        <EmptyState
          title="No matches"
          subtitle={
            loadingAny || moreInLambda
              ? 'No loaded mapping matches the filter yet.'
              : orphanCheckRunning
                ? 'No mapping matches the filter yet: the check for orphans (deleted functions, versions and aliases) is still running.'
                : 'No mapping matches the filter.'
          }
          action={
            <Button onClick={() => setView({ query: { tokens: [], operation: 'and' }, page: 1 })}>
              Clear filters
            </Button>
          }
        />
      ) : errors.length > 0 ? (
        <EmptyState title="No mappings to show" subtitle="The list could not be loaded." />
      ) : serverFiltered ? (
        <EmptyState
          title="No matches"
          subtitle="No mapping matches the Lambda-side filters."
          action={
            <Button onClick={() => props.onFiltersChange({})}>Clear Lambda-side filters</Button>
          }
        />
      ) : (
        <EmptyState
          title="No mappings"
          subtitle={
            multiRegion
              ? 'No configured region has event source mappings yet.'
              : 'This region has no event source mappings yet.'
          }
        />
      ),
  };
  const onSelectionChange = useCallback(
    ({ detail }: { detail: TableProps.SelectionChangeDetail<MappingRow> }) =>
      setSelectedKeys((previous) => {
        const next = new Set(previous);
        for (const r of pageRows) next.delete(r.key);
        for (const r of detail.selectedItems) next.add(r.key);
        return next;
      }),
    [pageRows],
  );
  const onSortingChange = useCallback(
    ({ detail }: { detail: TableProps.SortingState<MappingRow> }) => {
      const column = columns.find(
        (c) => c.sortingComparator === detail.sortingColumn.sortingComparator,
      );
      setView({
        ...(column
          ? { sort: { column: column.id, descending: detail.isDescending ?? false } }
          : {}),
        page: 1,
      });
    },
    [columns, setView],
  );
  const tableLoading = rows.length === 0 && loadingAny && errors.length === 0;
  // The table renders again only for what its rows show (see TableSlots).
  const table = useMemo(
    () => (
      <Table<MappingRow>
        variant="full-page"
        stickyHeader
        items={pageRows as MappingRow[]}
        // No trackBy: rows are keyed by their position, so a new page, sort or filter gives
        // the 50 rows on screen new values instead of unmounting and mounting ~700 Cloudscape
        // components (each unmount aborts a styles check: a third of a millisecond apiece).
        // Selection then compares row objects, and selectedItems are this page's own rows.
        columnDefinitions={columns}
        columnDisplay={columnDisplay}
        loading={tableLoading}
        loadingText="Loading mappings"
        selectionType="multi"
        selectedItems={pageSelected}
        onSelectionChange={onSelectionChange}
        sortingColumn={sortColumn ?? NO_SORTING_COLUMN}
        sortingDescending={sortDescending}
        onSortingChange={onSortingChange}
        wrapLines={preferences.wrapLines}
        stickyColumns={preferences.stickyFirstColumn ? { first: 1 } : undefined}
        resizableColumns
        ariaLabels={TABLE_ARIA_LABELS}
        header={HEADER_SLOT}
        filter={FILTER_SLOT}
        pagination={PAGINATION_SLOT}
        preferences={PREFERENCES_SLOT}
        empty={EMPTY_SLOT}
      />
    ),
    [
      pageRows,
      columns,
      columnDisplay,
      tableLoading,
      pageSelected,
      onSelectionChange,
      sortColumn,
      sortDescending,
      onSortingChange,
      preferences.wrapLines,
      preferences.stickyFirstColumn,
    ],
  );
  return (
    <>
      {regions.map((region) => (
        <RegionFeed
          key={region}
          region={region}
          filters={filters}
          autoLoadAll
          onChange={onFeedChange}
        />
      ))}
      <SpaceBetween size="s">
        <LazyBulkOperationPanel writeAccess={writeAccess} />
        {errors.map((f) => (
          <ErrorAlert
            key={f.state.region}
            header={
              f.state.status === 'error'
                ? `Could not load mappings${multiRegion ? ` in ${f.state.region}` : ''}`
                : `Could not load more mappings${multiRegion ? ` in ${f.state.region}` : ''} (${number(f.state.items.length)} loaded)`
            }
            error={f.state.error}
            onRetry={f.actions.retry}
            retrying={f.state.fetching}
          />
        ))}
        <div
          ref={tableRef}
          onPointerEnter={() => (rowsInUse.pointer = true)}
          onPointerLeave={() => (rowsInUse.pointer = false)}
          onFocus={() => (rowsInUse.focus = true)}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget)) rowsInUse.focus = false;
          }}
        >
          <CellWrapLinesContext.Provider value={preferences.wrapLines}>
            <TableSlotsContext.Provider value={slots}>{table}</TableSlotsContext.Provider>
          </CellWrapLinesContext.Provider>
        </div>
      </SpaceBetween>
      <LazyServerFiltersModal
        visible={serverFiltersOpen}
        functionName={filters.FunctionName}
        eventSourceArn={filters.EventSourceArn}
        onDismiss={closeServerFilters}
        onApply={applyServerFilters}
      />
      <LazyShortcutsModal visible={helpOpen} onDismiss={closeHelp} />
      {exportingCode ? (
        <LazyCodeExportModal
          mappings={exportingCode}
          onDismiss={() => setExportingCode(undefined)}
        />
      ) : null}
    </>
  );
});
