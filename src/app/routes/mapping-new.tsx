import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { getLambdaRegion, subscribeLambdaRegion } from '../../api/lambda-client.ts';
import { SignInToWriteAlert } from '../../components/sign-in-to-write-alert.tsx';
import { paths } from '../../config/paths.ts';
import { useSession } from '../../features/auth/session-context.tsx';
import { MappingForm } from '../../features/event-source-mappings/components/mapping-form.tsx';
import { useCreateMapping } from '../../features/event-source-mappings/mutations.ts';
import { useWriteAccess } from '../../lib/write-access.ts';
import { notifyMappingSaved } from '../mapping-saved-notification.ts';

/**
 * `/mappings/new` — create a mapping: source type, then the fields of that type, then a review of
 * the exact request. On success the console opens the new mapping, which follows Creating →
 * Enabled (or Disabled).
 */
export default function MappingNewRoute() {
  const navigate = useNavigate();
  const region = useSyncExternalStore(subscribeLambdaRegion, getLambdaRegion);
  const create = useCreateMapping();
  const queryClient = useQueryClient();
  // A guest who opened this page by URL learns before filling in the form, not at submit.
  const access = useWriteAccess();
  const session = useSession();
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Connect a stream, queue, Kafka topic, message broker or DocumentDB change stream to a function."
        >
          Create mapping
        </Header>
      }
    >
      <SpaceBetween size="l">
        {access.allowed ? null : (
          <SignInToWriteAlert
            action="create mappings"
            reason={access.reason}
            onSignIn={() => void session.signIn()}
          />
        )}
        <MappingForm
          mode="create"
          region={region}
          onCancel={() => void navigate(paths.mappings.getHref())}
          onSubmit={async (request) => {
            const mapping = await create.mutateAsync(request);
            const uuid = mapping.UUID ?? '';
            notifyMappingSaved(queryClient, {
              kind: 'create',
              UUID: uuid,
              header: `Mapping ${uuid} created`,
              State: mapping.State,
            });
            await navigate(paths.mapping.getHref(uuid));
          }}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
