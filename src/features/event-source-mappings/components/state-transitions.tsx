import Table from '@cloudscape-design/components/table';
import Header from '@cloudscape-design/components/header';
import { formatDateTime } from '../../../lib/format.ts';
import type { ObservedState } from '../state-history.ts';
import { MappingStateIndicator } from './mapping-status.tsx';

/**
 * The states this page has seen the mapping in, oldest first, with the time each was first seen
 * and the StateTransitionReason Lambda gave.
 * @param props.history from `useStateHistory`.
 */
export function StateTransitions({ history }: { history: readonly ObservedState[] }) {
  return (
    <Table
      variant="container"
      header={
        <Header
          variant="h2"
          counter={`(${history.length})`}
          description="States seen while this page was open"
        >
          State transitions
        </Header>
      }
      ariaLabels={{ tableLabel: 'State transitions' }}
      columnDefinitions={[
        { id: 'at', header: 'Seen at', cell: (entry) => formatDateTime(entry.at) },
        {
          id: 'State',
          header: 'State',
          cell: (entry) =>
            entry.State === 'Deleted' ? 'Deleted' : <MappingStateIndicator state={entry.State} />,
        },
        {
          id: 'StateTransitionReason',
          header: 'StateTransitionReason',
          cell: (entry) => entry.StateTransitionReason ?? '-',
        },
      ]}
      items={history as ObservedState[]}
      empty="No state seen yet"
    />
  );
}
