import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { useRouteError } from 'react-router';
import { toAwsError } from '../../api/errors.ts';
import { ConsoleFrame } from './root.tsx';

/**
 * Shown instead of a page that threw while rendering: the console frame stays (navigation,
 * region), the error is named, and the page can be reloaded.
 */
export default function RouteError() {
  const { name, message } = toAwsError(useRouteError());
  return (
    <ConsoleFrame>
      <ContentLayout header={<Header variant="h1">Something went wrong</Header>}>
        <Alert
          type="error"
          header={name}
          action={<Button onClick={() => window.location.reload()}>Reload page</Button>}
        >
          {message}
        </Alert>
      </ContentLayout>
    </ConsoleFrame>
  );
}
