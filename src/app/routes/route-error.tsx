import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { useRouteError } from 'react-router';
import { toAwsError } from '../../api/errors.ts';
import { useRetryWhenOnline } from '../../lib/retry-when-online.ts';
import { ConsoleFrame } from './root.tsx';

/**
 * Whether a route failed because its code could not be downloaded (a lazy page's chunk: Chrome's
 * "Failed to fetch dynamically imported module", Firefox's "error loading dynamically imported
 * module", Safari's "Importing a module script failed"; or one of its stylesheets, which Vite's
 * preload helper fetches first and reports as "Unable to preload CSS for <url>", in every browser).
 */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|^Unable to preload CSS for /i.test(
      error.message,
    )
  );
}

/** Reloads the page (read at call time, so a test can stand in for `window.location`). */
function reloadPage(): void {
  window.location.reload();
}

/**
 * Shown instead of a page that threw while rendering: the console frame stays (navigation,
 * region), the error is named, and the page can be reloaded. A page whose code could not be
 * downloaded because the browser is offline is loaded again by itself when the network is back.
 */
export default function RouteError() {
  const error = useRouteError();
  const chunkFailed = isChunkLoadError(error);
  useRetryWhenOnline(reloadPage, chunkFailed);
  const { name, message } = toAwsError(error);
  if (chunkFailed && !navigator.onLine) {
    return (
      <ConsoleFrame>
        <ContentLayout header={<Header variant="h1">Waiting for the network</Header>}>
          <Alert type="warning" header="This page could not be downloaded">
            You are offline. The page opens by itself when the network is back.
          </Alert>
        </ContentLayout>
      </ConsoleFrame>
    );
  }
  return (
    <ConsoleFrame>
      <ContentLayout header={<Header variant="h1">Something went wrong</Header>}>
        <Alert
          type="error"
          header={name}
          action={<Button onClick={reloadPage}>Reload page</Button>}
        >
          {message}
        </Alert>
      </ContentLayout>
    </ConsoleFrame>
  );
}
