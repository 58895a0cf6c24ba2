import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { HealthClass } from '../mapping-health.ts';
import { HealthCounts } from './health-counts.tsx';

const NONE: Record<HealthClass, number> = {
  orphaned: 0,
  'disabled-by-lambda': 0,
  stuck: 0,
  problem: 0,
  transitional: 0,
  'disabled-by-user': 0,
  healthy: 0,
};

describe('HealthCounts', () => {
  it('is a group of filter toggles named with the counts as shown', () => {
    const onSelect = vi.fn();
    render(
      <HealthCounts
        counts={{ ...NONE, healthy: 8004, stuck: 1 }}
        active={undefined}
        onSelect={onSelect}
      />,
    );
    expect(screen.queryByRole('navigation')).toBeNull();
    const group = screen.getByRole('group', { name: 'Filter by health' });
    const healthy = within(group).getByRole('button', { name: 'Healthy: 8,004 mappings' });
    expect(healthy.textContent).toContain('Healthy 8,004');
    expect(healthy.getAttribute('aria-pressed')).toBe('false');
    const stuck = within(group).getByRole('button', { name: 'Stuck: 1 mapping' });
    // Classes without mappings are left out.
    expect(within(group).getAllByRole('button')).toHaveLength(2);
    fireEvent.click(stuck);
    expect(onSelect).toHaveBeenLastCalledWith('stuck');
  });

  it('does not filter while the filter matches any token, but the pressed count still clears', () => {
    const onSelect = vi.fn();
    render(
      <HealthCounts
        counts={{ ...NONE, healthy: 5, problem: 2 }}
        active="stuck"
        onSelect={onSelect}
        cannotFilterReason="The filter matches any of its tokens."
      />,
    );
    const group = screen.getByRole('group', { name: 'Filter by health' });
    const problem = within(group).getByRole('button', { name: 'Problem: 2 mappings' });
    expect(problem.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(problem);
    expect(onSelect).not.toHaveBeenCalled();
    const stuck = within(group).getByRole('button', { name: 'Stuck: 0 mappings' });
    expect(stuck.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(stuck);
    expect(onSelect).toHaveBeenLastCalledWith(undefined);
  });

  it('keeps the pressed class when it has no mapping left, reading 0, so it can be cleared', () => {
    const onSelect = vi.fn();
    render(<HealthCounts counts={{ ...NONE, healthy: 3 }} active="stuck" onSelect={onSelect} />);
    const stuck = screen.getByRole('button', { name: 'Stuck: 0 mappings' });
    expect(stuck.getAttribute('aria-pressed')).toBe('true');
    expect(stuck.textContent).toContain('Stuck 0');
    fireEvent.click(stuck);
    expect(onSelect).toHaveBeenLastCalledWith(undefined);
  });

  it('shows Orphaned first while the orphan check runs, even at 0, as still counting', () => {
    const onSelect = vi.fn();
    const { rerender } = render(
      <HealthCounts
        counts={{ ...NONE, healthy: 10, problem: 2 }}
        active={undefined}
        onSelect={onSelect}
        orphansChecking
      />,
    );
    const names = () => screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'));
    expect(names()).toEqual([
      'Orphaned: 0 mappings so far, still checking',
      'Problem: 2 mappings',
      'Healthy: 10 mappings',
    ]);
    expect(screen.getAllByRole('button')[0]?.textContent).toContain('Orphaned 0 (checking)');
    // The check ends with none found: the count goes, the others stay in order.
    rerender(
      <HealthCounts
        counts={{ ...NONE, healthy: 10, problem: 2 }}
        active={undefined}
        onSelect={onSelect}
      />,
    );
    expect(names()).toEqual(['Problem: 2 mappings', 'Healthy: 10 mappings']);
  });

  it('says when its counts are of the mappings a filter matches', () => {
    const { rerender } = render(
      <HealthCounts
        counts={{ ...NONE, healthy: 1 }}
        active={undefined}
        onSelect={vi.fn()}
        filtered
      />,
    );
    const group = screen.getByRole('group', { name: 'Filter by health' });
    expect(group.getAttribute('aria-description')).toBe(
      'Counts of the mappings matching the filter',
    );
    // Under a filter, a class it matches none of is left out, Healthy too.
    rerender(<HealthCounts counts={NONE} active={undefined} onSelect={vi.fn()} filtered />);
    expect(screen.queryByRole('button', { name: /^Healthy/ })).toBeNull();
    rerender(<HealthCounts counts={NONE} active={undefined} onSelect={vi.fn()} />);
    screen.getByRole('button', { name: 'Healthy: 0 mappings' });
    rerender(
      <HealthCounts counts={{ ...NONE, healthy: 1 }} active={undefined} onSelect={vi.fn()} />,
    );
    expect(group.getAttribute('aria-description')).toBeNull();
  });
});
