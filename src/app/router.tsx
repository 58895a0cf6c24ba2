import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import type { QueryClient } from '@tanstack/react-query';
import { useState, type ComponentType } from 'react';
import type { RuntimeConfig } from '../config/env.ts';
import { paths } from '../config/paths.ts';
import RootRoute, { type RouteHandle } from './routes/root.tsx';
import RouteError from './routes/route-error.tsx';

/** What a page's `prefetch` gets: see {@link prefetchPageData}. */
export interface PagePrefetchContext {
  /** The page's URL (path and search: the view, filters and regions it shows). */
  url: URL;
  /** The app's query client, the one the page will read from. */
  queryClient: QueryClient;
  /** The validated runtime configuration. */
  config: RuntimeConfig;
}

/**
 * A route module: the page as its default export and, optionally, `prefetch`, which starts the
 * page's first requests before it renders (it must not throw, and leaves failures in the cache for
 * the page to show).
 */
interface PageModule {
  default: ComponentType;
  prefetch?: (context: PagePrefetchContext) => Promise<void> | void;
}

/** Each lazy page's `lazy` → its module's import (for {@link prefetchPageData}). */
const pageModules = new Map<NonNullable<RouteObject['lazy']>, () => Promise<PageModule>>();

/**
 * A page loaded on demand: its module (and what only it uses: the form, react-hook-form, the
 * detail page's components…) is a separate chunk, fetched the first time the route matches, so
 * the list at `/` does not wait for the other pages' code. The route's `handle` (breadcrumbs)
 * stays in the route table, so breadcrumbs show while the page loads.
 * @param load the dynamic import of a route module with the page as its default export.
 * @returns the route's `lazy` (resolving to `{ Component }`) and `hydrateFallbackElement` (shown
 *   in the console frame while the first page's code loads; later navigations keep the previous
 *   page until the next one is loaded). A failed load is thrown to the root's error boundary.
 */
function lazyPage(
  load: () => Promise<PageModule>,
): Pick<RouteObject, 'lazy' | 'hydrateFallbackElement'> {
  const lazy = async () => ({ Component: (await load()).default });
  pageModules.set(lazy, load);
  return { lazy, hydrateFallbackElement: <PageLoading /> };
}

/** Shown in the content area while a page's code loads. */
function PageLoading() {
  return (
    <Box padding={{ vertical: 'xxl' }} textAlign="center">
      <StatusIndicator type="loading">Loading page</StatusIndicator>
    </Box>
  );
}

const mappingsCrumb: RouteHandle = {
  breadcrumb: () => ({ text: 'Event source mappings', href: paths.mappings.getHref() }),
};

/**
 * The console's routes: `/` (mappings list), `/mappings/new` (create), `/mappings/:uuid` (one
 * mapping) and `/mappings/:uuid/edit`, inside the console frame, with a not-found page and an
 * error boundary that keeps the frame (it also shows a page whose code failed to load). The frame
 * and the breadcrumb handles are loaded with the app; each page is loaded on demand.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <RootRoute />,
    errorElement: <RouteError />,
    handle: mappingsCrumb,
    children: [
      { index: true, ...lazyPage(() => import('./routes/mappings.tsx')) },
      {
        path: paths.newMapping.path,
        ...lazyPage(() => import('./routes/mapping-new.tsx')),
        handle: {
          breadcrumb: () => ({ text: 'Create mapping', href: paths.newMapping.getHref() }),
        } satisfies RouteHandle,
      },
      {
        path: paths.mapping.path,
        handle: {
          breadcrumb: (match) => {
            const uuid = match.params.uuid ?? '';
            return { text: uuid, href: paths.mapping.getHref(uuid) };
          },
        } satisfies RouteHandle,
        children: [
          { index: true, ...lazyPage(() => import('./routes/mapping.tsx')) },
          {
            path: 'edit',
            ...lazyPage(() => import('./routes/mapping-edit.tsx')),
            handle: {
              breadcrumb: (match) => ({
                text: 'Edit',
                href: paths.editMapping.getHref(match.params.uuid ?? ''),
              }),
            } satisfies RouteHandle,
          },
        ],
      },
      {
        path: '*',
        ...lazyPage(() => import('./routes/not-found.tsx')),
        handle: {
          breadcrumb: (match) => ({ text: 'Page not found', href: match.pathname }),
        } satisfies RouteHandle,
      },
    ],
  },
];

/**
 * Starts loading the code of the pages that match `pathname`, without waiting (start-up calls it
 * before config.json and credentials, so the page's chunks download meanwhile). A failed load is
 * not thrown here: the router loads the page again when it renders and shows the error boundary.
 * @param pathname e.g. `window.location.pathname`.
 * @returns whether every matched page's code loaded (false when one failed, e.g. offline).
 */
export function preloadPages(pathname: string): Promise<boolean> {
  const loads = (matchRoutes(routes, pathname) ?? []).flatMap(({ route }) =>
    typeof route.lazy === 'function' ? [route.lazy()] : [],
  );
  return Promise.allSettled(loads).then((results) =>
    results.every((result) => result.status === 'fulfilled'),
  );
}

/**
 * Starts the first requests of the pages that match `url` before they render: start-up calls it
 * once credentials are there, before the first render, which otherwise comes first (the list's
 * first `ListEventSourceMappings` went out about 400 ms after credentials, 250 ms with this; 0 ms
 * latency, production build, this 2-core machine). Each matched page whose module exports
 * `prefetch` gets it called once its code is loaded (start-up preloads it); a page whose code
 * fails to load is left to the router, which shows the error.
 * @param url the page's URL, e.g. `new URL(window.location.href)`.
 * @param context the app's query client and runtime configuration.
 * @returns a promise settled once every prefetch has settled; it never rejects.
 */
export function prefetchPageData(
  url: URL,
  context: Omit<PagePrefetchContext, 'url'>,
): Promise<void> {
  const started = (matchRoutes(routes, url.pathname) ?? []).map(({ route }) => {
    const load = typeof route.lazy === 'function' ? pageModules.get(route.lazy) : undefined;
    return load?.().then(
      (page) => page.prefetch?.({ ...context, url }),
      () => undefined,
    );
  });
  return Promise.all(started).then(() => undefined);
}

/** The router for the running app (created once per mount). */
export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
