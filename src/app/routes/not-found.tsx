import Alert from '@cloudscape-design/components/alert';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { useLocation } from 'react-router';
import { RouterLink } from '../../components/router-link.tsx';
import { paths } from '../../config/paths.ts';

/** Any path the console does not know. */
export default function NotFoundRoute() {
  const { pathname } = useLocation();
  return (
    <ContentLayout header={<Header variant="h1">Page not found</Header>}>
      <Alert type="info" header={`There is no page at ${pathname}`}>
        <RouterLink href={paths.mappings.getHref()}>Go to the mappings list</RouterLink>
      </Alert>
    </ContentLayout>
  );
}
