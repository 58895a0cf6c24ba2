import { useEffect, useRef, type RefObject } from 'react';
import { usePageVisible } from '../../../lib/page-visibility.ts';

/** The list's keyboard shortcuts, as the help dialog lists them. */
export const LIST_SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: '/', action: 'Focus the filter (Esc leaves it)' },
  { keys: 'j or ↓', action: 'Next mapping' },
  { keys: 'k or ↑', action: 'Previous mapping' },
  { keys: 'x or Space', action: 'Select or deselect the focused mapping' },
  { keys: 'Enter', action: 'Open the focused mapping' },
  { keys: '?', action: 'Show these shortcuts' },
  { keys: 'Esc', action: 'Close this dialog' },
];

/** The attribute that marks a row's detail link with the row's key. */
export const ROW_LINK_ATTRIBUTE = 'data-mapping-link';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** What {@link useListKeyboard} needs from the page. */
export interface ListKeyboardOptions {
  /** The table (rows' links carry {@link ROW_LINK_ATTRIBUTE}). */
  table: RefObject<HTMLElement | null>;
  /** The filter; `/` focuses its first text input. */
  filter: RefObject<HTMLElement | null>;
  /** Toggles the selection of the row with this key. */
  onToggleSelection: (rowKey: string) => void;
  /** `?` pressed. */
  onHelp: () => void;
  /** Shortcuts are off (e.g. while a dialog is open). */
  disabled?: boolean;
}

/**
 * Keyboard use of the mappings list: `/` focuses the filter and Escape leaves it (the first press
 * closes its suggestions if open; what was typed stays); `j`/`k` or the arrow keys move the
 * focus between the rows' detail links (the first press focuses the first row); `x` or Space
 * toggles the focused row's selection; Enter follows the focused link (the browser's own
 * behaviour); `?` asks for help. Keys typed into inputs, or with Ctrl/Alt/Meta, are left alone,
 * and arrows only move between rows once a row link has the focus (elsewhere they scroll); while
 * the list is not rendered (kept hidden behind another page) no key is handled.
 * Destructive actions are never bound to a key.
 */
export function useListKeyboard(options: ListKeyboardOptions): void {
  const visible = usePageVisible();
  const current = useRef({ ...options, visible });
  const lastRow = useRef<string | null>(null);
  useEffect(() => {
    current.current = { ...options, visible };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { table, filter, onToggleSelection, onHelp, disabled, visible } = current.current;
      if (disabled || event.ctrlKey || event.metaKey || event.altKey) return;
      // A list kept mounted while another page is open (src/app/routes/root.tsx, PageOutlet):
      // its keys belong to that page.
      if (!visible() || table.current?.closest('[inert]')) return;
      if (isTyping(event.target)) return;
      if (event.defaultPrevented) return;
      const links = (): HTMLElement[] =>
        Array.from(table.current?.querySelectorAll<HTMLElement>(`[${ROW_LINK_ATTRIBUTE}]`) ?? []);
      const active = document.activeElement;
      const onRow = active instanceof HTMLElement && active.hasAttribute(ROW_LINK_ATTRIBUTE);
      const move = (step: 1 | -1) => {
        const all = links();
        if (all.length === 0) return;
        // By row key, not element: a re-render may have replaced the focused link's element (the
        // focus then falls back to the page; the next key goes on from the row it was on).
        const key = onRow
          ? active.getAttribute(ROW_LINK_ATTRIBUTE)
          : active === document.body
            ? lastRow.current
            : null;
        const index =
          key === null ? -1 : all.findIndex((l) => l.getAttribute(ROW_LINK_ATTRIBUTE) === key);
        const next =
          index === -1
            ? step === 1
              ? all[0]
              : all[all.length - 1]
            : all[Math.min(all.length - 1, Math.max(0, index + step))];
        event.preventDefault();
        // Scrolled by its row: focusing or scrolling the link itself would scroll its truncated
        // cell sideways, leaving the UUID out of line with the others.
        next?.focus({ preventScroll: true });
        (next?.closest('tr') ?? next)?.scrollIntoView({ block: 'nearest' });
        lastRow.current = next?.getAttribute(ROW_LINK_ATTRIBUTE) ?? null;
      };
      switch (event.key) {
        case '/': {
          const input = filter.current?.querySelector<HTMLElement>('input');
          if (input) {
            event.preventDefault();
            input.focus();
          }
          return;
        }
        case '?':
          event.preventDefault();
          onHelp();
          return;
        case 'j':
          move(1);
          return;
        case 'k':
          move(-1);
          return;
        case 'ArrowDown':
          if (onRow) move(1);
          return;
        case 'ArrowUp':
          if (onRow) move(-1);
          return;
        case 'x':
        case ' ': {
          if (!onRow) return;
          const key = active.getAttribute(ROW_LINK_ATTRIBUTE);
          if (key) {
            event.preventDefault();
            onToggleSelection(key);
          }
          return;
        }
      }
    };
    // Escape in the filter, before the filter sees it (capture): with its suggestions open, the
    // filter closes them; with them closed, the filter would empty its input (Cloudscape's
    // autosuggest) and only a third press left it. Instead the second press leaves the filter and
    // keeps what was typed, so j/k work again.
    const onEscapeCapture = (event: KeyboardEvent) => {
      const { filter, disabled, visible } = current.current;
      const target = event.target;
      if (event.key !== 'Escape' || disabled || !visible()) return;
      if (!(target instanceof HTMLInputElement) || !filter.current?.contains(target)) return;
      if (target.getAttribute('aria-expanded') === 'true') return;
      event.preventDefault();
      event.stopPropagation();
      target.blur();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('keydown', onEscapeCapture, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('keydown', onEscapeCapture, true);
    };
  }, []);
}
