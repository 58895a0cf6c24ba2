import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup, {
  type BreadcrumbGroupProps,
} from '@cloudscape-design/components/breadcrumb-group';
import TopNavigation from '@cloudscape-design/components/top-navigation';
import { Outlet, useMatches, useNavigate, type UIMatch } from 'react-router';
import { Notifications } from '../../components/notifications.tsx';
import { paths } from '../../config/paths.ts';
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
 * The console's frame around every page: top navigation (title and region), breadcrumbs from the
 * matched routes, notifications, and the page in the content area.
 * @param props.children replaces the `<Outlet>` (used by the route error boundary).
 */
export function ConsoleFrame({ children }: { children?: React.ReactNode }) {
  const config = useRuntimeConfig();
  const navigate = useNavigate();
  const matches = useMatches();
  const breadcrumbs = matches.filter(hasBreadcrumb).map((match) => match.handle.breadcrumb(match));
  return (
    <>
      <div id="top-nav" style={{ position: 'sticky', top: 0, zIndex: 1002 }}>
        <TopNavigation
          identity={{
            href: paths.mappings.getHref(),
            title: 'Lambda event source mappings',
            onFollow: (event) => {
              event.preventDefault();
              void navigate(paths.mappings.getHref());
            },
          }}
          utilities={[
            {
              type: 'menu-dropdown',
              iconName: 'globe',
              text: config.region,
              title: `Region: ${config.region}`,
              ariaLabel: `Region: ${config.region}`,
              description: 'Set by config.json',
              disableUtilityCollapse: true,
              items: [
                {
                  id: 'lambda',
                  text: `Lambda endpoint: ${config.lambdaEndpoint ?? 'AWS'}`,
                  disabled: true,
                },
                { id: 'pool', text: `Identity pool: ${config.identityPoolId}`, disabled: true },
              ],
            },
          ]}
        />
      </div>
      <AppLayout
        headerSelector="#top-nav"
        navigationHide
        toolsHide
        maxContentWidth={Number.MAX_VALUE}
        notifications={<Notifications />}
        breadcrumbs={
          <BreadcrumbGroup
            items={breadcrumbs}
            ariaLabel="Breadcrumbs"
            onFollow={(event) => {
              event.preventDefault();
              void navigate(event.detail.href);
            }}
          />
        }
        content={children ?? <Outlet />}
      />
    </>
  );
}

/** The root route: the console frame with the matched page inside. */
export default function RootRoute() {
  return <ConsoleFrame />;
}
