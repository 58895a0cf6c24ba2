import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { memo, useMemo } from 'react';
import { MappingFilters } from '../components/mapping-filters.tsx';
import type { MappingListFilters } from '../queries.ts';
import { LIST_SHORTCUTS } from './use-list-keyboard.ts';

/** Props of {@link ServerFiltersModal}. */
export interface ServerFiltersModalProps {
  visible: boolean;
  /** The applied `ListEventSourceMappings.FunctionName` filter, if any. */
  functionName: string | undefined;
  /** The applied `ListEventSourceMappings.EventSourceArn` filter, if any. */
  eventSourceArn: string | undefined;
  onDismiss: () => void;
  /** Called with the new filters on Apply (empty strings mean "no filter"). */
  onApply: (filters: MappingListFilters) => void;
}

/**
 * The Lambda-side filters dialog of the mappings list. Memoised (a hidden Cloudscape modal still
 * renders its content): selecting a row does not re-render its form.
 */
export const ServerFiltersModal = memo(function ServerFiltersModal({
  visible,
  functionName,
  eventSourceArn,
  onDismiss,
  onApply,
}: ServerFiltersModalProps) {
  const value = useMemo(
    () => ({
      ...(functionName !== undefined ? { FunctionName: functionName } : {}),
      ...(eventSourceArn !== undefined ? { EventSourceArn: eventSourceArn } : {}),
    }),
    [functionName, eventSourceArn],
  );
  return (
    <Modal visible={visible} onDismiss={onDismiss} header="Lambda-side filters">
      <SpaceBetween size="m">
        <Box variant="p">
          Lambda&apos;s ListEventSourceMappings returns only the mappings of this function or event
          source; the property filter then works on those.
        </Box>
        <MappingFilters value={value} onApply={onApply} />
      </SpaceBetween>
    </Modal>
  );
});

const SHORTCUT_ITEMS = LIST_SHORTCUTS.map((s) => ({ label: s.keys, value: s.action }));

/** Props of {@link ShortcutsModal}. */
export interface ShortcutsModalProps {
  visible: boolean;
  onDismiss: () => void;
}

/** The list's keyboard shortcuts dialog (`?`), memoised like {@link ServerFiltersModal}. */
export const ShortcutsModal = memo(function ShortcutsModal({
  visible,
  onDismiss,
}: ShortcutsModalProps) {
  return (
    <Modal
      visible={visible}
      onDismiss={onDismiss}
      header="Keyboard shortcuts"
      footer={
        <Box float="right">
          <Button variant="primary" onClick={onDismiss}>
            Close
          </Button>
        </Box>
      }
    >
      <KeyValuePairs columns={1} items={SHORTCUT_ITEMS} />
    </Modal>
  );
});
