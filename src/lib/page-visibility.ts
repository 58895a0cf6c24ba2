import { createContext, useContext } from 'react';

/**
 * Whether the page this is rendered in is the one on screen, asked at the moment it matters
 * (a key press): false for a page the console keeps mounted, hidden, while another is open (the
 * mappings list behind a mapping's page: `PageOutlet` in src/app/routes/root.tsx). A function,
 * not a value, so that hiding and showing the page re-render nothing in it. Default: always true
 * (a page rendered on its own).
 */
export const PageVisibleContext = createContext<() => boolean>(() => true);

/** {@link PageVisibleContext}'s function for the calling component (stable for its page). */
export function usePageVisible(): () => boolean {
  return useContext(PageVisibleContext);
}
