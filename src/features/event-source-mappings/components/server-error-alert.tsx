import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import type { FormApiError } from '../form/api-error-to-form.ts';

/** A server error as the form keeps it: the mapped error and when it happened (epoch ms). */
export type ServerError = FormApiError & { at: number };

/**
 * The alert above the mapping form's actions for an error Lambda gave that no field can show
 * (`apiErrorToForm`): its header by kind, AWS's name and message, links to the existing mapping on a
 * conflict, Retry for what may pass on a second try, and "Retry when settled" while the mapping is
 * transitional (ResourceInUseException).
 */
export function ServerErrorAlert({
  error,
  message,
  waiting,
  busyState,
  onRetry,
  onRetryWhenSettled,
  onCancelWait,
}: {
  error: ServerError;
  message: string;
  waiting: boolean;
  busyState: string | undefined;
  onRetry: (() => void) | undefined;
  onRetryWhenSettled: () => void;
  onCancelWait: () => void;
}) {
  const header: Record<FormApiError['kind'], string> = {
    invalid: 'Lambda refused the request',
    conflict: error.existingUuid
      ? 'A mapping for this source and function already exists'
      : 'Another change is in progress',
    'in-use': 'The mapping is busy',
    'not-found': 'Not found',
    permissions: 'The function’s execution role lacks permissions',
    'access-denied': 'Access denied',
    credentials: 'Credentials rejected',
    throttled: 'Too many requests',
    service: 'Lambda had an internal error',
    network: 'Lambda could not be reached',
    unknown: 'The request failed',
  };
  const canRetryWhenSettled = error.kind === 'in-use' && busyState !== undefined;
  const retryable = ['throttled', 'service', 'network', 'unknown', 'conflict'].includes(error.kind);
  return (
    <Alert
      type={error.kind === 'in-use' ? 'warning' : 'error'}
      header={header[error.kind]}
      action={
        canRetryWhenSettled ? (
          waiting ? (
            <Button formAction="none" onClick={onCancelWait}>
              Stop waiting
            </Button>
          ) : (
            <Button formAction="none" onClick={onRetryWhenSettled}>
              Retry when settled
            </Button>
          )
        ) : retryable && !error.existingUuid && onRetry ? (
          <Button formAction="none" onClick={onRetry}>
            Retry
          </Button>
        ) : undefined
      }
    >
      <SpaceBetween size="xs">
        <span>{message}</span>
        {error.existingUuid ? (
          <SpaceBetween direction="horizontal" size="m">
            <RouterLink href={paths.mapping.getHref(error.existingUuid)}>
              Open mapping {error.existingUuid}
            </RouterLink>
            <RouterLink href={paths.editMapping.getHref(error.existingUuid)}>
              Edit it instead
            </RouterLink>
          </SpaceBetween>
        ) : null}
        {waiting ? (
          <StatusIndicator type="loading">
            Waiting for the mapping to settle (State: {busyState ?? 'unknown'}); the changes are
            applied again as soon as it does.
          </StatusIndicator>
        ) : null}
        <Box variant="small" color="text-body-secondary">
          {error.awsErrorName}: {error.awsMessage}
        </Box>
      </SpaceBetween>
    </Alert>
  );
}
