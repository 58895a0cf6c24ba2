/**
 * Offers text as a file download (a Blob behind a temporary object URL, no server round trip).
 * @param fileName e.g. `event-source-mappings-us-east-1-view-20260504-101112Z.csv`
 *   (`exportFileName` in `features/event-source-mappings/export-file-name.ts`).
 * @param text the file's content.
 * @param type its media type, e.g. `text/csv`.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the download has started by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
