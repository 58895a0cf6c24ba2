import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import { useState } from 'react';
import type { IgnoredListViewParam } from './list-view-state.ts';

/** The alert's header (also what a test or a reader looks for). */
export const IGNORED_LINK_PARTS_HEADER = 'Parts of this link were not understood and were left out';

/** Its header when the parts came from the user's own change of the view (a typed filter token). */
export const IGNORED_FILTER_PARTS_HEADER =
  'Parts of the filter could not be used and were left out';

/**
 * Says, above the mappings list, which parts of the link it was opened with could not be read and
 * were left out of the view (each as `param=value` and why, e.g. `sort=-Nope` "sort column Nope
 * does not exist"), so whoever follows a colleague's link knows the view differs from the one
 * meant. A warning, dismissible; "Remove them from the link" calls `onRemove` (the route rewrites
 * the URL without them). Nothing is rendered when `ignored` is empty. Dismissing hides this list
 * of parts only: a link with other ignored parts shows the alert again.
 * @param props.ignored the ignored params (`readListView(…).ignored`).
 * @param props.onRemove removes them from the URL (replacing the history entry).
 * @param props.ownChange the URL is the list's own (the user typed a token the view cannot use,
 *   such as `BatchSize >= abc`): it says so, instead of blaming a link.
 */
export function IgnoredLinkPartsAlert({
  ignored,
  onRemove,
  ownChange = false,
}: {
  ignored: readonly IgnoredListViewParam[];
  onRemove: () => void;
  ownChange?: boolean;
}) {
  const signature = JSON.stringify(ignored);
  const [dismissed, setDismissed] = useState<string>();
  if (ignored.length === 0 || dismissed === signature) return null;
  return (
    <Box margin={{ bottom: 'm' }}>
      <Alert
        type="warning"
        header={ownChange ? IGNORED_FILTER_PARTS_HEADER : IGNORED_LINK_PARTS_HEADER}
        dismissible
        onDismiss={() => setDismissed(signature)}
        i18nStrings={{ dismissAriaLabel: 'Dismiss', warningIconAriaLabel: 'Warning' }}
        action={
          <Button onClick={onRemove}>
            {ownChange ? 'Remove them from the URL' : 'Remove them from the link'}
          </Button>
        }
      >
        The list shows the view without them:
        <ul aria-label="Parts left out">
          {ignored.map((part, index) => (
            // The same param and value may be given twice: the position keeps keys unique.
            <li key={`${index}:${part.param}=${part.value}`}>
              <Box variant="code">
                {part.param}={part.value}
              </Box>
              : {part.reason}
            </li>
          ))}
        </ul>
      </Alert>
    </Box>
  );
}
