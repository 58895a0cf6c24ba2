import Button from '@cloudscape-design/components/button';
import type { WriteAccess } from '../../../lib/write-access.ts';
import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { useNavigate } from 'react-router';
import { paths } from '../../../config/paths.ts';
import { isTransitionalState } from '../mapping-state.ts';

/** Props of {@link EditMappingButton}. */
export interface EditMappingButtonProps {
  mapping: EventSourceMappingConfiguration;
  writeAccess: WriteAccess;
  /** Button text (default `Edit`). */
  label?: string;
}

/**
 * A link to the mapping's edit page, disabled with the reason while the mapping is transitional
 * (Lambda answers ResourceInUseException to UpdateEventSourceMapping then) or when writes are not
 * allowed. A disabled link has no role, so without href it is a disabled button with its reason.
 */
export function EditMappingButton({
  mapping,
  writeAccess,
  label = 'Edit',
}: EditMappingButtonProps) {
  const navigate = useNavigate();
  const uuid = mapping.UUID ?? '';
  const transitional = isTransitionalState(mapping.State);
  const disabled = transitional || !writeAccess.allowed || !uuid;
  return (
    <Button
      href={disabled ? undefined : paths.editMapping.getHref(uuid)}
      onFollow={(event) => {
        event.preventDefault();
        void navigate(paths.editMapping.getHref(uuid));
      }}
      disabled={disabled}
      disabledReason={
        !writeAccess.allowed
          ? writeAccess.reason
          : transitional
            ? `The mapping is ${mapping.State}. Wait until it is Enabled or Disabled.`
            : undefined
      }
    >
      {label}
    </Button>
  );
}
