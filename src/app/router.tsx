import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { useState } from 'react';
import { paths } from '../config/paths.ts';
import MappingEditRoute from './routes/mapping-edit.tsx';
import MappingNewRoute from './routes/mapping-new.tsx';
import MappingRoute from './routes/mapping.tsx';
import MappingsRoute from './routes/mappings.tsx';
import NotFoundRoute from './routes/not-found.tsx';
import RootRoute, { type RouteHandle } from './routes/root.tsx';
import RouteError from './routes/route-error.tsx';

const mappingsCrumb: RouteHandle = {
  breadcrumb: () => ({ text: 'Event source mappings', href: paths.mappings.getHref() }),
};

/**
 * The console's routes: `/` (mappings list), `/mappings/new` (create), `/mappings/:uuid` (one
 * mapping) and `/mappings/:uuid/edit`, inside the console frame, with a not-found page and an
 * error boundary that keeps the frame.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <RootRoute />,
    errorElement: <RouteError />,
    handle: mappingsCrumb,
    children: [
      { index: true, element: <MappingsRoute /> },
      {
        path: paths.newMapping.path,
        element: <MappingNewRoute />,
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
          { index: true, element: <MappingRoute /> },
          {
            path: 'edit',
            element: <MappingEditRoute />,
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
        element: <NotFoundRoute />,
        handle: {
          breadcrumb: (match) => ({ text: 'Page not found', href: match.pathname }),
        } satisfies RouteHandle,
      },
    ],
  },
];

/** The router for the running app (created once per mount). */
export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
