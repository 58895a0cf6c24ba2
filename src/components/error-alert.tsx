import Alert, { type AlertProps } from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import { toAwsError } from '../api/errors.ts';

/** Props of {@link ErrorAlert}. */
export interface ErrorAlertProps {
  /** What failed, e.g. "Could not load mappings". */
  header: string;
  /** Anything thrown by an SDK call; shown as exception name and AWS message. */
  error: unknown;
  /** Shows a Retry button when given. */
  onRetry?: () => void;
  /** Disables Retry (e.g. while retrying). */
  retrying?: boolean;
  type?: AlertProps.Type;
}

/**
 * An inline alert for a failed request: header, the AWS exception name in bold, its message, the
 * request ID when there is one, and an optional Retry button. The page around it stays usable.
 */
export function ErrorAlert({ header, error, onRetry, retrying, type = 'error' }: ErrorAlertProps) {
  const { name, message, requestId } = toAwsError(error);
  return (
    <Alert
      type={type}
      header={header}
      action={
        onRetry ? (
          <Button onClick={onRetry} loading={retrying}>
            Retry
          </Button>
        ) : undefined
      }
    >
      <Box variant="strong">{name}</Box>: {message}
      {requestId ? (
        <Box variant="small" display="block" color="text-body-secondary">
          Request ID: {requestId}
        </Box>
      ) : null}
    </Alert>
  );
}
