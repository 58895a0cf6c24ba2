import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isResourceNotFound } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { getLambdaRegion, subscribeLambdaRegion } from '../../api/lambda-client.ts';
import { SignInToWriteAlert } from '../../components/sign-in-to-write-alert.tsx';
import { configuredRegions } from '../../config/env.ts';
import { paths } from '../../config/paths.ts';
import { useSession } from '../../features/auth/session-context.tsx';
import { MappingNotFoundAlert } from '../../features/event-source-mappings/components/mapping-not-found-alert.tsx';
import { MappingForm } from '../../features/event-source-mappings/components/mapping-form.tsx';
import { sourceTypeOfMapping } from '../../features/event-source-mappings/form/source-limits.ts';
import {
  useUpdateMapping,
  useUpdateMappingTags,
} from '../../features/event-source-mappings/mutations.ts';
import { mappingQueries } from '../../features/event-source-mappings/queries.ts';
import { notificationStore } from '../../lib/notifications.ts';
import { useWriteAccess } from '../../lib/write-access.ts';
import { notifyMappingSaved } from '../mapping-saved-notification.ts';
import { useRuntimeConfig } from '../provider.tsx';

function MappingEdit({ uuid }: { uuid: string }) {
  const navigate = useNavigate();
  const region = useSyncExternalStore(subscribeLambdaRegion, getLambdaRegion);
  const config = useRuntimeConfig();
  const query = useQuery(mappingQueries.detail(uuid));
  const update = useUpdateMapping();
  const updateTags = useUpdateMappingTags();
  const queryClient = useQueryClient();
  // A guest who opened this page by URL learns before filling in the form, not at submit.
  const access = useWriteAccess();
  const session = useSession();
  const { data: mapping, error, isPending, dataUpdatedAt, refetch, isFetching } = query;
  const arn = mapping?.EventSourceMappingArn;
  // GetEventSourceMapping has no tags: the form starts from ListTags (undefined if it failed).
  const tagsQuery = useQuery({ ...mappingQueries.tags(arn ?? ''), enabled: arn !== undefined });
  const header = (
    <Header
      variant="h1"
      description="Only what UpdateEventSourceMapping can change is editable; the changes are shown before they are applied."
    >
      Edit mapping {uuid}
    </Header>
  );
  const backToMapping = (
    <RouterLink href={paths.mapping.getHref(uuid)}>Back to mapping {uuid}</RouterLink>
  );

  if (isPending || (arn !== undefined && tagsQuery.isPending)) {
    return (
      <ContentLayout header={header}>
        <Box textAlign="center" padding="l">
          <Spinner size="large" /> <Box variant="span">Loading mapping</Box>
        </Box>
      </ContentLayout>
    );
  }
  if (isResourceNotFound(error)) {
    return (
      <ContentLayout header={header}>
        <MappingNotFoundAlert
          uuid={uuid}
          region={region}
          regions={configuredRegions(config)}
          error={error}
          back={<RouterLink href={paths.mappings.getHref()}>Back to all mappings</RouterLink>}
        />
      </ContentLayout>
    );
  }
  if (!mapping) {
    return (
      <ContentLayout header={header}>
        <ErrorAlert
          header="Could not load the mapping"
          error={error}
          onRetry={() => void refetch()}
          retrying={isFetching}
        />
      </ContentLayout>
    );
  }
  if (!sourceTypeOfMapping(mapping)) {
    return (
      <ContentLayout header={header}>
        <Alert type="warning" header="This console cannot edit this mapping">
          <SpaceBetween size="xs">
            <span>
              Its event source ({mapping.EventSourceArn ?? 'none'}) is not one of the kinds the
              console knows.
            </span>
            {backToMapping}
          </SpaceBetween>
        </Alert>
      </ContentLayout>
    );
  }
  return (
    <ContentLayout header={header}>
      <SpaceBetween size="l">
        {access.allowed ? null : (
          <SignInToWriteAlert
            action="change mappings"
            reason={access.reason}
            onSignIn={() => void session.signIn()}
          />
        )}
        <MappingForm
          mode="edit"
          region={region}
          existing={mapping}
          existingUpdatedAt={dataUpdatedAt}
          onBusy={() => void refetch()}
          onCancel={() => void navigate(paths.mapping.getHref(uuid))}
          existingTags={tagsQuery.data}
          onSubmit={async (request, tags) => {
            const changesMapping = Object.keys(request).some((key) => key !== 'UUID');
            const result = changesMapping ? await update.mutateAsync(request) : undefined;
            if (arn && (tags.TagResource || tags.UntagResource)) {
              await updateTags.mutateAsync({ arn, ...tags });
            }
            if (result) {
              notifyMappingSaved(queryClient, {
                kind: 'update',
                UUID: uuid,
                header: `Changes to mapping ${uuid} applied`,
                State: result.State,
              });
            } else {
              notificationStore.show({
                id: `update-${uuid}`,
                type: 'success',
                header: `Changes to mapping ${uuid} applied`,
                content: 'Its tags were saved.',
              });
            }
            await navigate(paths.mapping.getHref(uuid));
          }}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}

/** `/mappings/:uuid/edit` — change what UpdateEventSourceMapping allows, with a diff before Apply. */
export default function MappingEditRoute() {
  const { uuid = '' } = useParams();
  return <MappingEdit key={uuid} uuid={uuid} />;
}
