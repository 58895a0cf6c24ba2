import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';

/** Props of {@link ConfirmFooter}. */
export interface ConfirmFooterProps {
  /** The primary button's text, the action's verb (`Disable`, `Delete`). */
  confirmText: string;
  onDismiss: () => void;
  onConfirm: () => void;
  /** When set, the primary button is disabled and says why (Cloudscape's `disabledReason`). */
  disabledReason?: string | undefined;
}

/**
 * A confirmation dialog's footer, as Cloudscape's modal pattern lays it out: Cancel (a link
 * button) and the action (primary), on the right.
 */
export function ConfirmFooter({
  confirmText,
  onDismiss,
  onConfirm,
  disabledReason,
}: ConfirmFooterProps) {
  return (
    <Box float="right">
      <SpaceBetween direction="horizontal" size="xs">
        <Button variant="link" onClick={onDismiss}>
          Cancel
        </Button>
        <Button
          variant="primary"
          onClick={onConfirm}
          disabled={disabledReason !== undefined}
          {...(disabledReason !== undefined ? { disabledReason } : {})}
        >
          {confirmText}
        </Button>
      </SpaceBetween>
    </Box>
  );
}
