import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup, {
  type BreadcrumbGroupProps,
} from '@cloudscape-design/components/breadcrumb-group';
import TopNavigation, {
  type TopNavigationProps,
} from '@cloudscape-design/components/top-navigation';
import {
  memo,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type CSSProperties,
  type ReactNode,
} from 'react';
import {
  UNSAFE_DataRouterStateContext as DataRouterStateContext,
  UNSAFE_LocationContext as LocationContext,
  useLocation,
  useMatches,
  useNavigate,
  useNavigationType,
  useOutlet,
  useSearchParams,
  type Location,
  type NavigationType,
  type UIMatch,
} from 'react-router';
import {
  getLambdaRegion,
  setLambdaRegion,
  subscribeLambdaRegion,
} from '../../api/lambda-client.ts';
import { Notifications } from '../../components/notifications.tsx';
import { OfflineBanner } from '../../components/offline-banner.tsx';
import { configuredRegions, type RuntimeConfig } from '../../config/env.ts';
import { paths } from '../../config/paths.ts';
import {
  REGION_SEARCH_PARAM,
  regionFromSearch,
  UNCONFIGURED_REGION_NOTICE_ID,
  unconfiguredRegionMessage,
} from '../../config/region.ts';
import { useAccountId } from '../../features/auth/account-queries.ts';
import type { ConsoleSession } from '../../features/auth/session.ts';
import { useSession } from '../../features/auth/session-context.tsx';
import {
  useAppearance,
  type AppearancePreference,
  type AppearanceState,
  type DensityPreference,
  type ModePreference,
} from '../../lib/appearance.ts';
import { notificationStore } from '../../lib/notifications.ts';
import { PageVisibleContext } from '../../lib/page-visibility.ts';
import { useRuntimeConfig } from '../provider.tsx';

/** Route `handle` of the console's routes: how the route appears in the breadcrumbs. */
export interface RouteHandle {
  breadcrumb: (match: UIMatch) => BreadcrumbGroupProps.Item;
}

function hasBreadcrumb(match: UIMatch): match is UIMatch<unknown, RouteHandle> {
  const handle = match.handle as Partial<RouteHandle> | undefined;
  return typeof handle?.breadcrumb === 'function';
}

/**
 * The active region, kept in step with the URL's `?region=`: a configured region in the URL
 * (reload, back/forward, a shared link, the region menu) becomes active; a URL without one
 * (in-app links) or with an unknown one gets the active region written back (replace), unless it
 * is the default region. An unknown one is said (a warning notification, "Region xx-nowhere-1 is
 * not configured; showing us-east-1"), until another region is chosen.
 * @returns the active region, and `settled`: false for the render in which the URL names another
 *   region than the active one (the effect switches it next), so no page queries the old region.
 */
function useActiveRegion(config: RuntimeConfig): { region: string; settled: boolean } {
  const region = useSyncExternalStore(subscribeLambdaRegion, getLambdaRegion);
  const [searchParams, setSearchParams] = useSearchParams();
  const fromUrl = regionFromSearch(searchParams, config);
  const inUrl = searchParams.get(REGION_SEARCH_PARAM);
  useEffect(() => {
    if (fromUrl !== undefined) {
      if (fromUrl !== region) notificationStore.dismiss(UNCONFIGURED_REGION_NOTICE_ID);
      setLambdaRegion(fromUrl);
    } else if (inUrl !== null || region !== config.region) {
      const unconfigured = unconfiguredRegionMessage(inUrl, config, region);
      if (unconfigured) {
        notificationStore.show({
          id: UNCONFIGURED_REGION_NOTICE_ID,
          type: 'warning',
          ...unconfigured,
        });
      }
      setSearchParams(
        (params) => {
          params.set(REGION_SEARCH_PARAM, region);
          return params;
        },
        { replace: true },
      );
    }
  }, [fromUrl, inUrl, region, config, setSearchParams]);
  return { region, settled: fromUrl === undefined || fromUrl === region };
}

function identityUtility(session: ConsoleSession): TopNavigationProps.Utility {
  if (session.identity.kind === 'signed-in') {
    const { email } = session.identity;
    return {
      type: 'menu-dropdown',
      iconName: 'user-profile',
      text: email,
      title: email,
      description: 'Signed in',
      ariaLabel: `Signed in as ${email}`,
      items: [{ id: 'sign-out', text: 'Sign out' }],
      onItemClick: ({ detail }) => {
        if (detail.id === 'sign-out') void session.signOut();
      },
    };
  }
  return {
    type: 'menu-dropdown',
    iconName: 'user-profile',
    text: 'Guest',
    title: 'Guest',
    description: 'Read-only guest access. Sign in to change mappings.',
    ariaLabel: 'Guest (not signed in)',
    items: [{ id: 'sign-in', text: 'Sign in' }],
    onItemClick: ({ detail }) => {
      if (detail.id === 'sign-in') void session.signIn();
    },
  };
}

const MODE_ITEMS: readonly { id: ModePreference; text: string }[] = [
  { id: 'light', text: 'Light' },
  { id: 'dark', text: 'Dark' },
  { id: 'system', text: 'System' },
];
const DENSITY_ITEMS: readonly { id: DensityPreference; text: string }[] = [
  { id: 'comfortable', text: 'Comfortable' },
  { id: 'compact', text: 'Compact' },
];

/**
 * The Appearance menu (gear icon): Theme (Light, Dark, System) and Density (Comfortable,
 * Compact), the current choice checked; stored for this browser (src/lib/appearance.ts).
 */
function appearanceUtility(
  { preference, systemDark }: Pick<AppearanceState, 'preference' | 'systemDark'>,
  set: (change: Partial<AppearancePreference>) => void,
): TopNavigationProps.Utility {
  return {
    type: 'menu-dropdown',
    iconName: 'settings',
    title: 'Appearance',
    ariaLabel: 'Appearance: theme and density',
    description: `Theme and density for this browser. System follows your device (now ${
      systemDark ? 'dark' : 'light'
    }).`,
    disableUtilityCollapse: true,
    items: [
      {
        id: 'mode',
        text: 'Theme',
        items: MODE_ITEMS.map(({ id, text }) => ({
          id: `mode:${id}`,
          text,
          itemType: 'checkbox',
          checked: preference.mode === id,
        })),
      },
      {
        id: 'density',
        text: 'Density',
        items: DENSITY_ITEMS.map(({ id, text }) => ({
          id: `density:${id}`,
          text,
          itemType: 'checkbox',
          checked: preference.density === id,
        })),
      },
    ],
    onItemClick: ({ detail }) => {
      const mode = MODE_ITEMS.find((item) => `mode:${item.id}` === detail.id);
      if (mode) set({ mode: mode.id });
      const density = DENSITY_ITEMS.find((item) => `density:${item.id}` === detail.id);
      if (density) set({ density: density.id });
    },
  };
}

/** Milliseconds after the first page is shown before the other pages' code is fetched. */
const PRELOAD_DELAY_MS = 3000;

/** Tries of the other pages' code preload (a failed one is tried again once the network is back). */
const PRELOAD_TRIES = 3;

/**
 * In production builds, fetches the code of every page a few seconds after start-up, so that
 * opening a mapping or a form later does not need the network for its code (an offline spell
 * then only pauses the data, which resumes by itself). A preload that fails (offline) is tried
 * again when the browser is back online, at most {@link PRELOAD_TRIES} times in all.
 * @returns cancels the pending preload.
 */
function preloadOtherPages(): () => void {
  if (!import.meta.env.PROD) return () => undefined;
  let cancelled = false;
  let tries = 0;
  const preload = async () => {
    tries += 1;
    let loaded: boolean;
    try {
      // A dynamic import: router.tsx imports this module.
      const { preloadPages } = await import('../router.tsx');
      const results = await Promise.all(
        ['/', '/mappings/new', '/mappings/_', '/mappings/_/edit'].map(preloadPages),
      );
      loaded = results.every(Boolean);
    } catch {
      loaded = false;
    }
    if (!loaded && !cancelled && tries < PRELOAD_TRIES) {
      window.addEventListener('online', onOnline, { once: true });
    }
  };
  const onOnline = () => void preload();
  const timer = setTimeout(onOnline, PRELOAD_DELAY_MS);
  return () => {
    cancelled = true;
    clearTimeout(timer);
    window.removeEventListener('online', onOnline);
  };
}

/** Props of {@link TopBar}: plain values, so that it re-renders only when one changes. */
interface TopBarProps {
  region: string;
  regions: readonly string[];
  accountId: string | undefined;
  accountStatus: string;
  identityPoolId: string;
  lambdaEndpoint: string | undefined;
  preference: AppearanceState['preference'];
  systemDark: boolean;
  setAppearance: (change: Partial<AppearancePreference>) => void;
  session: ConsoleSession;
}

/**
 * The console's top navigation (title, Region, Account, Appearance, identity), memoised: Cloudscape's
 * TopNavigation measures itself whenever its utilities change, which cost a style and layout pass
 * on every URL change (sort, page, filter, Back) when they were rebuilt with the frame.
 */
const TopBar = memo(function TopBar({
  region,
  regions,
  accountId,
  accountStatus,
  identityPoolId,
  lambdaEndpoint,
  preference,
  systemDark,
  setAppearance,
  session,
}: TopBarProps) {
  const navigate = useNavigate();
  const identity = useMemo(
    () => ({
      href: paths.mappings.getHref(),
      title: 'Lambda event source mappings',
      onFollow: (event: CustomEvent) => {
        event.preventDefault();
        void navigate(paths.mappings.getHref());
      },
    }),
    [navigate],
  );
  const utilities = useMemo((): TopNavigationProps.Utility[] => {
    // Only the URL changes here; useActiveRegion activates the region once the list's URL is
    // committed. (The list's code may still be loading: a region set before that would make the
    // URL sync write the old page's URL over this navigation.)
    const switchRegion = (next: string) => {
      if (next === region) return;
      void navigate(
        `${paths.mappings.getHref()}?${REGION_SEARCH_PARAM}=${encodeURIComponent(next)}`,
      );
    };
    const config = { identityPoolId, lambdaEndpoint };
    return [
      {
        type: 'menu-dropdown',
        iconName: 'globe',
        text: region,
        title: 'Region',
        ariaLabel: `Region: ${region}`,
        description: regions.length > 1 ? 'Switch region' : 'The only region in config.json',
        disableUtilityCollapse: true,
        items: regions.map((r) => ({
          id: r,
          text: r,
          ...(r === region ? { iconName: 'check' as const } : {}),
        })),
        onItemClick: ({ detail }) => switchRegion(detail.id),
      },
      {
        type: 'menu-dropdown',
        text: accountId
          ? `Account ${accountId}`
          : accountStatus === 'pending'
            ? 'Account …'
            : 'Account unknown',
        title: 'AWS account',
        ariaLabel: accountId ? `Account: ${accountId}` : 'Account',
        description: 'The account your credentials act in',
        items: [
          {
            id: 'account',
            text: `Account ID: ${accountId ?? 'unknown'}`,
            disabled: true,
          },
          { id: 'pool', text: `Identity pool: ${config.identityPoolId}`, disabled: true },
          {
            id: 'lambda',
            text: `Lambda endpoint: ${config.lambdaEndpoint ?? 'AWS'}`,
            disabled: true,
          },
        ],
      },
      appearanceUtility({ preference, systemDark }, setAppearance),
      identityUtility(session),
    ];
  }, [
    region,
    regions,
    accountId,
    accountStatus,
    identityPoolId,
    lambdaEndpoint,
    preference,
    systemDark,
    setAppearance,
    session,
    navigate,
  ]);
  return (
    <div id="top-nav" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
      <TopNavigation identity={identity} utilities={utilities} />
    </div>
  );
});

/**
 * The console's frame around every page: top navigation (title, region selector, account,
 * preferences for theme and density, who is signed in), breadcrumbs from the matched routes, notifications, and the page in the content
 * area. Switching the region opens that region's mappings list with `?region=` in the URL; the
 * page below is re-mounted per region, so nothing of the previous region stays on screen.
 * @param props.children replaces the `<Outlet>` (used by the route error boundary).
 */
export function ConsoleFrame({ children }: { children?: React.ReactNode }) {
  useEffect(preloadOtherPages, []);
  const config = useRuntimeConfig();
  const session = useSession();
  const navigate = useNavigate();
  const matches = useMatches();
  const { region, settled } = useActiveRegion(config);
  const regions = useMemo(() => configuredRegions(config), [config]);
  // The page's code loaded (the router is initialized and not loading another page's code), so
  // that the account lookup waits for the page's own first requests.
  const routerState = useContext(DataRouterStateContext);
  const { accountId, status: accountStatus } = useAccountId({
    pageLoaded:
      routerState === null || (routerState.initialized && routerState.navigation.state === 'idle'),
  });
  const { set: setAppearance, ...appearance } = useAppearance();
  // The list's crumb leads back to the list as it was left (its filter, sort and page; the list is
  // kept mounted, so its selection and rows too), as Back does: it led to a bare `/`.
  const breadcrumbs = matches
    .filter(hasBreadcrumb)
    .map((match) => match.handle.breadcrumb(match))
    .map((crumb) =>
      crumb.href === paths.mappings.getHref() && keptListSearch.current
        ? { ...crumb, href: `${crumb.href}${keptListSearch.current}` }
        : crumb,
    );
  return (
    <>
      <TopBar
        region={region}
        regions={regions}
        accountId={accountId}
        accountStatus={accountStatus}
        identityPoolId={config.identityPoolId}
        lambdaEndpoint={config.lambdaEndpoint}
        preference={appearance.preference}
        systemDark={appearance.systemDark}
        setAppearance={setAppearance}
        session={session}
      />
      <AppLayout
        headerSelector="#top-nav"
        navigationHide
        toolsHide
        maxContentWidth={Number.MAX_VALUE}
        notifications={
          <>
            <OfflineBanner />
            <Notifications />
          </>
        }
        // The list is the top of the console: a lone "Event source mappings" crumb would only
        // repeat its heading and cost a line of a 720 px window.
        breadcrumbs={
          breadcrumbs.length > 1 ? (
            <BreadcrumbGroup
              items={breadcrumbs}
              ariaLabel="Breadcrumbs"
              onFollow={(event) => {
                event.preventDefault();
                void navigate(event.detail.href);
              }}
            />
          ) : undefined
        }
        content={children ?? (settled ? <PageOutlet key={region} /> : null)}
      />
    </>
  );
}

/** The search (`?…`) of the list {@link PageOutlet} keeps, for the list's breadcrumb. */
const keptListSearch = { current: '' };

/**
 * How the kept list is hidden: laid out as when shown (same width) but clipped to no height,
 * invisible and inert, not `display: none`. Its boxes keep their sizes, so Cloudscape's resize
 * observers (table and column widths, sticky header) report nothing on the way out or back: with
 * `hidden`, Back re-rendered the whole table twice (about 1,650 components each) as it measured
 * itself from 0 px wide again.
 */
const KEPT_HIDDEN: CSSProperties = { height: 0, overflow: 'hidden', visibility: 'hidden' };

/**
 * The matched page, with one exception: once shown, the mappings list (`/`) stays mounted while
 * another page is open, hidden ({@link KEPT_HIDDEN}), and is shown again as it was when the user comes back
 * (Back from a mapping's page: no remount of a 10,000-row list, its Load all and the bulk
 * operations going on meanwhile; measured remounting, Back took 243–449 ms of main thread in the
 * benchmark). While hidden, the list sees the URL it was last shown at (the router's location
 * context is pinned for it), so the other page's URL does not change its view; the list's
 * keyboard shortcuts ignore keys while it is not rendered (`use-list-keyboard.ts`), and the focus
 * goes back to where it was (the row link followed with Enter). A region change remounts
 * everything (the frame keys this by region).
 */
function PageOutlet() {
  const outlet = useOutlet();
  const location = useLocation();
  const navigationType = useNavigationType();
  const onList = location.pathname === paths.mappings.path;
  const container = useRef<HTMLDivElement>(null);
  const focused = useRef<HTMLElement | null>(null);
  // Asked by the list at key presses (page-visibility.ts): a stable function, so that hiding or
  // showing the list re-renders nothing in it.
  const shown = useRef(onList);
  useLayoutEffect(() => {
    shown.current = onList;
  }, [onList]);
  const [isListShown] = useState(() => () => shown.current);
  // Back to the list: the focus goes back where it was when the list was left (the row link that
  // was followed with Enter), as a browser does for pages of its own.
  useLayoutEffect(() => {
    const element = container.current;
    if (!onList || !element) return undefined;
    const previousFocus = focused.current;
    focused.current = null;
    if (previousFocus?.isConnected && element.contains(previousFocus)) previousFocus.focus();
    return () => {
      const active = document.activeElement;
      if (active instanceof HTMLElement && element.contains(active)) {
        focused.current = active;
      }
    };
  }, [onList]);
  // The list's latest element and the location it was last shown at; while another page is open
  // it is rendered with exactly these (an unchanged element and context value: no re-render from
  // here). A ref written while rendering the list: the latest element must be kept (one captured
  // earlier, such as the first one, can predate the loaded page and would unmount it), and state
  // set on every render of the list would render it twice.
  const kept = useRef<KeptList>(undefined);
  /* eslint-disable react-hooks/refs -- a cache of the list's last element, see above */
  const previous = kept.current;
  if (onList && outlet) {
    const sameEntry =
      previous?.location.location.key === location.key &&
      previous.location.location.search === location.search;
    kept.current =
      previous && sameEntry && !previous.shown
        ? // Back to the list as it was hidden: the very same element, so React renders nothing.
          { ...previous, shown: true }
        : {
            page: outlet,
            location: previous && sameEntry ? previous.location : { location, navigationType },
            shown: true,
          };
  } else if (previous?.shown) {
    kept.current = { ...previous, shown: false };
  }
  const list = kept.current;
  const listSearch = list?.location.location.search ?? '';
  useLayoutEffect(() => {
    keptListSearch.current = listSearch;
  }, [listSearch]);
  return (
    <>
      {list && (
        <div
          ref={container}
          inert={!onList}
          aria-hidden={onList ? undefined : true}
          style={onList ? undefined : KEPT_HIDDEN}
        >
          <PageVisibleContext.Provider value={isListShown}>
            <LocationContext.Provider value={list.location}>{list.page}</LocationContext.Provider>
          </PageVisibleContext.Provider>
        </div>
      )}
      {onList ? null : outlet}
    </>
  );
  /* eslint-enable react-hooks/refs */
}

/** What {@link PageOutlet} keeps of the mappings list: its element and its location context. */
interface KeptList {
  page: ReactNode;
  location: { location: Location; navigationType: NavigationType };
  /** Whether the list was shown at the last render (false while another page is open). */
  shown: boolean;
}

/** The root route: the console frame with the matched page inside. */
export default function RootRoute() {
  return <ConsoleFrame />;
}
