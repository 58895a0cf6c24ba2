import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { mappingQueries } from '../features/event-source-mappings/queries.ts';
import { createNotificationStore } from '../lib/notifications.ts';
import { notifyMappingSaved } from './mapping-saved-notification.ts';

const UUID = '10000000-0000-4000-8000-000000000001';
const detailKey = mappingQueries.detail(UUID).queryKey;

/** What Lambda's GetEventSourceMapping answered, written where the detail page's polling puts it. */
function polled(queryClient: QueryClient, State: string) {
  queryClient.setQueryData(detailKey, { $metadata: {}, UUID, State });
}

function setup() {
  const queryClient = new QueryClient();
  const store = createNotificationStore();
  const view = () =>
    store.getSnapshot().map(({ id, type, header, content }) => ({ id, type, header, content }));
  return { queryClient, store, view };
}

describe('notifyMappingSaved', () => {
  it('says Creating while in progress, then the settled State, in the same one flash', () => {
    const { queryClient, store, view } = setup();
    polled(queryClient, 'Creating');
    const header = `Mapping ${UUID} created`;
    notifyMappingSaved(queryClient, { kind: 'create', UUID, header, State: 'Creating' }, store);
    expect(view()).toEqual([
      {
        id: `create-${UUID}`,
        type: 'in-progress',
        header,
        content: 'State is Creating; its page follows it until it settles.',
      },
    ]);
    polled(queryClient, 'Creating');
    expect(view()[0]?.type).toBe('in-progress');
    polled(queryClient, 'Enabled');
    expect(view()).toEqual([
      { id: `create-${UUID}`, type: 'success', header, content: 'State is now Enabled.' },
    ]);
    // Settled once: a later change of the mapping does not rewrite the flash.
    polled(queryClient, 'Disabled');
    expect(view()[0]?.content).toBe('State is now Enabled.');
  });

  it('an update replaces the creation flash of the same mapping and follows Updating', () => {
    const { queryClient, store, view } = setup();
    store.show({ id: 'set-enabled-other', type: 'success', header: 'Other mapping' });
    notifyMappingSaved(
      queryClient,
      { kind: 'create', UUID, header: `Mapping ${UUID} created`, State: 'Creating' },
      store,
    );
    const header = `Changes to mapping ${UUID} applied`;
    notifyMappingSaved(queryClient, { kind: 'update', UUID, header, State: 'Updating' }, store);
    expect(view().map((n) => n.id)).toEqual(['set-enabled-other', `update-${UUID}`]);
    polled(queryClient, 'Enabled');
    expect(view()[1]).toEqual({
      id: `update-${UUID}`,
      type: 'success',
      header,
      content: 'State is now Enabled.',
    });
  });

  it('says the State at once when Lambda answered a stable one', () => {
    const { queryClient, store, view } = setup();
    const header = `Mapping ${UUID} created`;
    notifyMappingSaved(queryClient, { kind: 'create', UUID, header, State: 'Disabled' }, store);
    expect(view()).toEqual([
      { id: `create-${UUID}`, type: 'success', header, content: 'State is now Disabled.' },
    ]);
  });

  it('warns when the mapping was deleted before it settled', async () => {
    const { queryClient, store, view } = setup();
    polled(queryClient, 'Updating');
    const header = `Changes to mapping ${UUID} applied`;
    notifyMappingSaved(queryClient, { kind: 'update', UUID, header, State: 'Updating' }, store);
    const gone = Object.assign(new Error('The resource you requested does not exist.'), {
      name: 'ResourceNotFoundException',
    });
    await queryClient
      .fetchQuery({ queryKey: detailKey, queryFn: () => Promise.reject(gone), retry: false })
      .catch(() => undefined);
    expect(view()).toEqual([
      {
        id: `update-${UUID}`,
        type: 'warning',
        header,
        content: 'The mapping has since been deleted.',
      },
    ]);
  });

  it('leaves a flash the user dismissed dismissed', () => {
    const { queryClient, store, view } = setup();
    const header = `Mapping ${UUID} created`;
    notifyMappingSaved(queryClient, { kind: 'create', UUID, header, State: 'Creating' }, store);
    store.dismiss(`create-${UUID}`);
    polled(queryClient, 'Enabled');
    expect(view()).toEqual([]);
  });
});
