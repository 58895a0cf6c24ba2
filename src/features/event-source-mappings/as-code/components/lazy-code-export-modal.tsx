import { lazyExport, useLazyExport } from '../../../../lib/lazy-export.ts';
import type { CodeExportModalProps } from './code-export-modal.tsx';

const CODE_EXPORT_MODAL = lazyExport(
  () => import('./code-export-modal.tsx'),
  (module) => module.CodeExportModal,
);

/**
 * {@link CodeExportModalProps | CodeExportModal}, downloaded when first opened: the exports and the
 * YAML library stay out of the list's and the detail page's first load. Rendered by a state update
 * once loaded (`useLazyExport`), not a Suspense boundary, whose retry React puts behind the list's
 * updates; a failed download is tried again on the next open.
 */
export function LazyCodeExportModal(props: CodeExportModalProps) {
  const Modal = useLazyExport(CODE_EXPORT_MODAL, true, props.mappings);
  // The component is the module's export, the same on every render (loaded once).
  // eslint-disable-next-line react-hooks/static-components
  return Modal ? <Modal {...props} /> : null;
}
