import type {
  CreateEventSourceMappingCommandInput,
  UpdateEventSourceMappingCommandInput,
} from '@aws-sdk/client-lambda';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { toCliCommand } from '../form/to-request.ts';

/** Props of {@link ReviewRequest}. */
export interface ReviewRequestProps {
  /** The exact input that will be passed to `Create`/`UpdateEventSourceMappingCommand`. */
  request: CreateEventSourceMappingCommandInput | UpdateEventSourceMappingCommandInput;
  /** The region the request goes to (added to the CLI command). */
  region: string;
  /** AWS CLI commands of the tag changes that follow the request (`tagCliCommands`). */
  tagCommands?: readonly string[];
  /** False when only tags change: the request itself (a bare UUID) is not shown. */
  showRequest?: boolean;
}

/**
 * The request about to be sent, twice: as the SDK input in JSON, and as the equivalent
 * `aws lambda create-event-source-mapping` (or `update-…` when it has a UUID) command, each with a
 * copy button; in edit mode followed by the tag commands (TagResource / UntagResource), which the
 * console sends after the update. `JSON.stringify` shows `StartingPositionTimestamp` (a `Date`) as ISO 8601 text, but
 * the SDK sends it as epoch seconds; the page says so, with the number, when the request has one.
 */
export function ReviewRequest({
  request,
  region,
  tagCommands = [],
  showRequest = true,
}: ReviewRequestProps) {
  const json = JSON.stringify(request, null, 2);
  const cli = [
    ...(showRequest ? [toCliCommand(request, { region, multiline: true })] : []),
    ...tagCommands,
  ].join('\n\n');
  const verb = 'UUID' in request && request.UUID ? 'update' : 'create';
  const timestamp =
    'StartingPositionTimestamp' in request ? request.StartingPositionTimestamp : undefined;
  return (
    <SpaceBetween size="l">
      {showRequest ? (
        <Container
          header={
            <Header
              variant="h2"
              description={
                verb === 'create'
                  ? 'The input of CreateEventSourceMapping, exactly as the console will send it. Fields left empty are omitted: AWS applies its defaults.'
                  : 'The input of UpdateEventSourceMapping, exactly as the console will send it: the UUID and only the fields that change.'
              }
              actions={
                <CopyToClipboard
                  copyButtonText="Copy JSON"
                  copySuccessText="JSON copied"
                  copyErrorText="Could not copy the JSON"
                  textToCopy={json}
                />
              }
            >
              Request (JSON)
            </Header>
          }
        >
          <SpaceBetween size="s">
            <div role="region" aria-label="Request JSON">
              <Box variant="pre">{json}</Box>
            </div>
            {timestamp ? (
              <Box variant="small" color="text-body-secondary">
                StartingPositionTimestamp is shown as ISO 8601 text ({timestamp.toISOString()}); the
                SDK sends it as epoch seconds ({Math.floor(timestamp.getTime() / 1000)}).
              </Box>
            ) : null}
          </SpaceBetween>
        </Container>
      ) : null}
      <Container
        header={
          <Header
            variant="h2"
            description={
              tagCommands.length > 0
                ? `The same with the AWS CLI${showRequest ? ` (aws lambda ${verb}-event-source-mapping, then ` : ' ('}tags with untag-resource / tag-resource: UpdateEventSourceMapping takes no tags).`
                : `The same request with the AWS CLI (aws lambda ${verb}-event-source-mapping).`
            }
            actions={
              <CopyToClipboard
                copyButtonText="Copy command"
                copySuccessText="Command copied"
                copyErrorText="Could not copy the command"
                textToCopy={cli}
              />
            }
          >
            AWS CLI command
          </Header>
        }
      >
        <div role="region" aria-label="AWS CLI command">
          <Box variant="pre">{cli}</Box>
        </div>
      </Container>
    </SpaceBetween>
  );
}
