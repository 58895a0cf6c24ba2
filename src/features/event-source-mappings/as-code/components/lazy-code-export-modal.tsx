import { Suspense, lazy } from 'react';
import type { CodeExportModalProps } from './code-export-modal.tsx';

const CodeExportModal = lazy(() =>
  import('./code-export-modal.tsx').then((m) => ({ default: m.CodeExportModal })),
);

/**
 * {@link CodeExportModalProps | CodeExportModal}, loaded when first opened: the exports and the
 * YAML library stay out of the list's and the detail page's first load.
 */
export function LazyCodeExportModal(props: CodeExportModalProps) {
  return (
    <Suspense fallback={null}>
      <CodeExportModal {...props} />
    </Suspense>
  );
}
