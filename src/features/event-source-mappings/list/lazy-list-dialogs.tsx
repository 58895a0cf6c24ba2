import { memo, useEffect } from 'react';
import { LazyLoadErrorModal } from '../../../components/lazy-load-error.tsx';
import { lazyExport, preloadLazyExport, useLazyExportState } from '../../../lib/lazy-export.ts';
import type { ServerFiltersModalProps, ShortcutsModalProps } from './list-dialogs.tsx';

/**
 * Milliseconds after the list mounts before its dialogs' code is downloaded (as the Flashbar's
 * and the column preferences' preloads), so that `?` opens the shortcuts at once.
 */
export const LIST_DIALOGS_PRELOAD_MS = 3000;

const LIST_DIALOGS = lazyExport(
  () => import('./list-dialogs.tsx'),
  (module) => module,
);

/**
 * Starts downloading the list's dialogs (e.g. when the button that opens one is hovered or
 * focused); a failure is shown when a dialog is opened.
 */
export function preloadListDialogs(): void {
  preloadLazyExport(LIST_DIALOGS);
}

/** The dialogs module once loaded (wanted while `visible`), preloaded after {@link LIST_DIALOGS_PRELOAD_MS}. */
function useListDialogs(visible: boolean) {
  useEffect(() => {
    const timer = setTimeout(preloadListDialogs, LIST_DIALOGS_PRELOAD_MS);
    return () => clearTimeout(timer);
  }, []);
  return useLazyExportState(LIST_DIALOGS, visible);
}

/**
 * {@link ServerFiltersModalProps | ServerFiltersModal}, downloaded when first opened (or preloaded):
 * the form and its inputs stay out of the list's first load. Until it is loaded nothing is
 * rendered (the dialog is hidden then anyway); once loaded it stays mounted, hidden or shown, as
 * before. A failed download opens a dialog with the error and Retry.
 */
export const LazyServerFiltersModal = memo(function LazyServerFiltersModal(
  props: ServerFiltersModalProps,
) {
  const dialogs = useListDialogs(props.visible);
  const Dialog = dialogs.value?.ServerFiltersModal;
  if (Dialog) return <Dialog {...props} />;
  return props.visible && dialogs.failed ? (
    <LazyLoadErrorModal
      header="Lambda-side filters"
      error={dialogs.error}
      onRetry={dialogs.retry}
      onDismiss={props.onDismiss}
    />
  ) : null;
});

/** {@link ShortcutsModalProps | ShortcutsModal}, downloaded as {@link LazyServerFiltersModal}. */
export const LazyShortcutsModal = memo(function LazyShortcutsModal(props: ShortcutsModalProps) {
  const dialogs = useListDialogs(props.visible);
  const Dialog = dialogs.value?.ShortcutsModal;
  if (Dialog) return <Dialog {...props} />;
  return props.visible && dialogs.failed ? (
    <LazyLoadErrorModal
      header="Keyboard shortcuts"
      error={dialogs.error}
      onRetry={dialogs.retry}
      onDismiss={props.onDismiss}
    />
  ) : null;
});
