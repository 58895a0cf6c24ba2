import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { getLambdaRegion, subscribeLambdaRegion } from '../../api/lambda-client.ts';
import { paths } from '../../config/paths.ts';
import { MappingForm } from '../../features/event-source-mappings/components/mapping-form.tsx';
import { useCreateMapping } from '../../features/event-source-mappings/mutations.ts';
import { notificationStore } from '../../lib/notifications.ts';

/**
 * `/mappings/new` — create a mapping: source type, then the fields of that type, then a review of
 * the exact request. On success the console opens the new mapping, which follows Creating →
 * Enabled (or Disabled).
 */
export default function MappingNewRoute() {
  const navigate = useNavigate();
  const region = useSyncExternalStore(subscribeLambdaRegion, getLambdaRegion);
  const create = useCreateMapping();
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
      <MappingForm
        mode="create"
        region={region}
        onCancel={() => void navigate(paths.mappings.getHref())}
        onSubmit={async (request) => {
          const mapping = await create.mutateAsync(request);
          const uuid = mapping.UUID ?? '';
          notificationStore.show({
            id: `create-${uuid}`,
            type: 'success',
            header: `Mapping ${uuid} created`,
            content: `State is ${mapping.State ?? 'unknown'}; its page follows it until it settles.`,
          });
          await navigate(paths.mapping.getHref(uuid));
        }}
      />
    </ContentLayout>
  );
}
