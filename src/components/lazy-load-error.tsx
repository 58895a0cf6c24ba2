import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import StatusIndicator from '@cloudscape-design/components/status-indicator';

/** Props of {@link LazyLoadErrorAlert}. */
export interface LazyLoadErrorAlertProps {
  /** What could not be shown, e.g. "Could not download the bulk operation’s progress table". */
  header: string;
  /**
   * What the dynamic import threw: Chrome's `TypeError: Failed to fetch dynamically imported
   * module`, Firefox's "error loading dynamically imported module", Safari's "Importing a module
   * script failed".
   */
  error: unknown;
  /** Downloads it again. */
  onRetry: () => void;
}

/**
 * An inline alert for a part of a page whose code could not be downloaded (offline, or a deploy
 * replaced the chunk since the page was opened): the browser's message and Retry. Not
 * `ErrorAlert`, whose words are for a failed AWS request.
 */
export function LazyLoadErrorAlert({ header, error, onRetry }: LazyLoadErrorAlertProps) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert type="error" header={header} action={<Button onClick={onRetry}>Retry</Button>}>
      {message}
      <Box variant="small" display="block" color="text-body-secondary">
        Check the network connection and retry. If the console was updated since this page was
        opened, reload the page.
      </Box>
    </Alert>
  );
}

/** Props of {@link LazyLoadErrorModal}. */
export interface LazyLoadErrorModalProps {
  /** The dialog's own header, e.g. "Lambda-side filters". */
  header: string;
  /** What the dynamic import threw (see {@link LazyLoadErrorAlertProps.error}). */
  error: unknown;
  /** Downloads the dialog again. */
  onRetry: () => void;
  /** Closes it, as the dialog itself would. */
  onDismiss: () => void;
}

/**
 * Shown in place of a dialog whose code could not be downloaded: the dialog's header and a
 * {@link LazyLoadErrorAlert}, so a failed download is never a click that does nothing. Focus moves
 * into it and back to the control that opened it, as with the dialog.
 */
export function LazyLoadErrorModal({ header, error, onRetry, onDismiss }: LazyLoadErrorModalProps) {
  return (
    <Modal
      visible
      onDismiss={onDismiss}
      header={header}
      footer={
        <Box float="right">
          <Button variant="link" onClick={onDismiss}>
            Close
          </Button>
        </Box>
      }
    >
      <LazyLoadErrorAlert
        header="This dialog could not be downloaded"
        error={error}
        onRetry={onRetry}
      />
    </Modal>
  );
}

/** Props of {@link LazyLoadingModal}. */
export interface LazyLoadingModalProps {
  /** The dialog's own header, e.g. "Delete". */
  header: string;
  /** Closes it, as the dialog itself would (the download goes on). */
  onDismiss: () => void;
}

/**
 * Shown in place of a dialog whose code is still downloading (normally it was preloaded and this
 * is never seen; on a slow network it is): the dialog's header and "Loading", so the click that
 * opened it answers at once.
 */
export function LazyLoadingModal({ header, onDismiss }: LazyLoadingModalProps) {
  return (
    <Modal visible onDismiss={onDismiss} header={header}>
      <StatusIndicator type="loading">Loading</StatusIndicator>
    </Modal>
  );
}
