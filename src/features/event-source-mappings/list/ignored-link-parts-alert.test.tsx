import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  IGNORED_FILTER_PARTS_HEADER,
  IGNORED_LINK_PARTS_HEADER,
  IgnoredLinkPartsAlert,
} from './ignored-link-parts-alert.tsx';
import { readListView } from './list-view-state.ts';
import { MAPPINGS_VIEW_RULES } from './mappings-view-rules.ts';

const ignoredOf = (search: string) =>
  readListView(new URLSearchParams(search), MAPPINGS_VIEW_RULES).ignored;

describe('IgnoredLinkPartsAlert', () => {
  it('shows nothing for a clean link', () => {
    const { container } = render(
      <IgnoredLinkPartsAlert
        ignored={ignoredOf('filter=State%3DDisabled&page=2')}
        onRemove={vi.fn()}
      />,
    );
    expect(container.textContent).toBe('');
  });

  it('is a warning listing each part and why; its button asks to remove them', () => {
    const onRemove = vi.fn();
    render(
      <IgnoredLinkPartsAlert ignored={ignoredOf('sort=-Nope&pageSize=33')} onRemove={onRemove} />,
    );
    expect(screen.getByText(IGNORED_LINK_PARTS_HEADER)).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Warning' })).toBeTruthy();
    const items = within(screen.getByRole('list', { name: 'Parts left out' })).getAllByRole(
      'listitem',
    );
    expect(items.map((item) => item.textContent)).toEqual([
      'sort=-Nope: sort column Nope does not exist',
      'pageSize=33: page size 33 is not one of 25, 50, 100 or 200',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove them from the link' }));
    expect(onRemove).toHaveBeenCalledTimes(1);
  });

  it('for the list’s own change (a typed token it cannot use), speaks of the filter, not of a link', () => {
    const onRemove = vi.fn();
    render(
      <IgnoredLinkPartsAlert
        ignored={ignoredOf('filter=BatchSize%3E%3Dabc')}
        onRemove={onRemove}
        ownChange
      />,
    );
    expect(screen.getByText(IGNORED_FILTER_PARTS_HEADER)).toBeTruthy();
    expect(screen.queryByText(IGNORED_LINK_PARTS_HEADER)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove them from the URL' }));
    expect(onRemove).toHaveBeenCalledTimes(1);
  });

  it('dismissed, it stays hidden for those parts and comes back for other ones', () => {
    const onRemove = vi.fn();
    const { rerender } = render(
      <IgnoredLinkPartsAlert ignored={ignoredOf('page=abc')} onRemove={onRemove} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(IGNORED_LINK_PARTS_HEADER)).toBeNull();
    // The same parts, parsed again (a new array): still dismissed.
    rerender(<IgnoredLinkPartsAlert ignored={ignoredOf('page=abc')} onRemove={onRemove} />);
    expect(screen.queryByText(IGNORED_LINK_PARTS_HEADER)).toBeNull();
    rerender(<IgnoredLinkPartsAlert ignored={ignoredOf('regions=x')} onRemove={onRemove} />);
    expect(screen.getByText(/regions takes only all/)).toBeTruthy();
    expect(onRemove).not.toHaveBeenCalled();
  });
});
