import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Spinner from '@cloudscape-design/components/spinner';
import { useQuery } from '@tanstack/react-query';
import { toAwsError } from '../../../api/errors.ts';
import { mappingQueries } from '../queries.ts';

/**
 * The Tags group of the detail page: ListTags on the mapping's `EventSourceMappingArn`
 * (GetEventSourceMapping returns no tags). Says so when there are none, and shows the error
 * (e.g. AccessDeniedException without `lambda:ListTags`) when they cannot be read.
 * @param props.arn the mapping's EventSourceMappingArn; without one (an older API) the group
 *   says tags cannot be read.
 */
export function MappingTags({ arn }: { arn: string | undefined }) {
  const query = useQuery({ ...mappingQueries.tags(arn ?? ''), enabled: arn !== undefined });
  const entries = Object.entries(query.data ?? {}).sort(([a], [b]) => a.localeCompare(b));
  let body;
  if (arn === undefined) {
    body = (
      <Box color="text-body-secondary">
        Lambda returned no EventSourceMappingArn to read tags of.
      </Box>
    );
  } else if (query.isPending) {
    body = (
      <Box color="text-body-secondary">
        <Spinner /> Loading tags
      </Box>
    );
  } else if (query.error) {
    const { name, message } = toAwsError(query.error);
    body = (
      <Box color="text-status-error">
        Could not read the tags: {name}: {message}
      </Box>
    );
  } else if (entries.length === 0) {
    body = <Box color="text-body-secondary">No tags.</Box>;
  } else {
    body = (
      <KeyValuePairs
        columns={3}
        ariaLabel="Tags"
        items={entries.map(([key, value]) => ({ label: key, value: value || '(empty)' }))}
      />
    );
  }
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Key/value labels (ListTags)"
          counter={query.data ? `(${entries.length})` : undefined}
        >
          Tags
        </Header>
      }
    >
      {body}
    </Container>
  );
}
