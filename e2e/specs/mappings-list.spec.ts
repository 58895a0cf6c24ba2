import { readFile } from 'node:fs/promises';
import { expect, test } from '../fixtures.ts';
import { MappingsPage } from '../pages/mappings-page.ts';

test.describe('mappings list', () => {
  test('loads the whole seed in the background; one page of 50 rows; the count equals the emulator’s', async ({
    mappingsPage,
    emulator,
    page,
  }) => {
    const { mappings: total } = await emulator.stats();
    expect(total).toBeGreaterThan(1000);

    await mappingsPage.goto();
    await mappingsPage.expectLoaded();
    await mappingsPage.expectAllLoaded(total);
    await expect(mappingsPage.heading).toContainText(`(${total.toLocaleString('en-US')})`);
    await expect(mappingsPage.rows).toHaveCount(50);
    // The README's screenshot: the list with seed data, everything loaded.
    await page.screenshot({ path: 'docs/screenshot-mappings.png' });
  });

  test('at 1280×720 the default columns fit without sideways scrolling, 10+ rows are visible and no text is cut without an ellipsis', async ({
    mappingsPage,
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    // Worst first: the long labels and PROBLEM texts are on the first page.
    await mappingsPage.goto('?sort=Health');
    await mappingsPage.expectAllLoaded();
    await expect(mappingsPage.rows.filter({ hasText: 'PROBLEM:' }).first()).toBeVisible();
    const layout = await mappingsPage.table.evaluate((table) => {
      let overflow = 0;
      for (let el = table.parentElement; el; el = el.parentElement) {
        const scrolls =
          el === document.documentElement || /auto|scroll/.test(getComputedStyle(el).overflowX);
        if (scrolls) overflow = Math.max(overflow, el.scrollWidth - el.clientWidth);
      }
      const visible = [...table.querySelectorAll('tbody tr')].filter((row) => {
        const box = row.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }).length;
      // Text cut at a cell's edge with no ellipsis. Inline text ends in the cell's own ellipsis,
      // but a box laid out past the cell's content edge (an inline-block, as a status indicator
      // is) is clipped where it meets the edge, unless it truncates itself with an ellipsis.
      const cut: string[] = [];
      const check = (el: Element, edge: number) => {
        const style = getComputedStyle(el);
        if (style.display !== 'inline' && el.getBoundingClientRect().right > edge + 1) {
          cut.push(el.textContent ?? '');
          return;
        }
        // An inline-block that fits and truncates itself: its text ends in its own ellipsis.
        const truncates = style.textOverflow === 'ellipsis' && style.overflowX === 'hidden';
        if (truncates && style.display === 'inline-block') return;
        for (const child of el.children) check(child, edge);
      };
      for (const cell of table.querySelectorAll('tbody td')) {
        const edge =
          cell.getBoundingClientRect().right - parseFloat(getComputedStyle(cell).paddingRight);
        for (const child of cell.children) check(child, edge);
      }
      return { overflow, visible, cut };
    });
    expect(layout.overflow).toBeLessThanOrEqual(1);
    expect(layout.visible).toBeGreaterThanOrEqual(10);
    expect(layout.cut).toEqual([]);
  });

  test('with Wrap lines on, cell text wraps between words, never inside a word that fits its cell', async ({
    mappingsPage,
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.addInitScript(() =>
      window.localStorage.setItem(
        'esm-console:mappings-table-preferences',
        JSON.stringify({ wrapLines: true }),
      ),
    );
    await mappingsPage.goto('?sort=Health');
    await mappingsPage.expectAllLoaded();
    await expect(mappingsPage.rows.filter({ hasText: 'PROBLEM:' }).first()).toBeVisible();
    const broken = await mappingsPage.table.evaluate((table) => {
      const found: string[] = [];
      const rectOf = (node: Text, i: number) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect();
      };
      // The width a line of the text has: its nearest box that is not inline, less padding.
      const roomOf = (node: Text) => {
        let box = node.parentElement;
        while (box && getComputedStyle(box).display === 'inline') box = box.parentElement;
        if (!box) return Infinity;
        const style = getComputedStyle(box);
        return box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      };
      for (const cell of table.querySelectorAll('tbody td')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (
          let node = walker.nextNode() as Text | null;
          node;
          node = walker.nextNode() as Text | null
        ) {
          const text = node.data;
          for (let i = 1; i < text.length; i += 1) {
            if (!/\w/.test(text[i - 1] ?? '') || !/\w/.test(text[i] ?? '')) continue;
            if (rectOf(node, i).top <= rectOf(node, i - 1).top + 2) continue;
            // A line break inside a word: a fault unless the word alone is wider than the cell.
            let start = i - 1;
            let end = i;
            while (start > 0 && /\w/.test(text[start - 1] ?? '')) start -= 1;
            while (end < text.length - 1 && /\w/.test(text[end + 1] ?? '')) end += 1;
            let width = 0;
            for (let k = start; k <= end; k += 1) width += rectOf(node, k).width;
            if (width <= roomOf(node))
              found.push(`${text.slice(start, i)}|${text.slice(i, end + 1)}`);
          }
        }
      }
      return found;
    });
    expect(broken).toEqual([]);
  });

  test('a health count filters to the broken mappings; sort and page; the copied URL opens the same view in another browser', async ({
    mappingsPage,
    page,
    browser,
  }) => {
    await mappingsPage.goto();
    await mappingsPage.expectSettled();
    const problems = mappingsPage.healthCount('Problem');
    const count = await mappingsPage.healthCountValue('Problem');
    expect(count).toBeGreaterThan(50);
    await problems.click();
    await expect(mappingsPage.matchesText(count).first()).toBeVisible();
    await expect(mappingsPage.rows.first()).toContainText('Problem');

    // The column header's sort control, by keyboard (the sticky page header can lie over it).
    await mappingsPage.sortBy('Function');
    await mappingsPage.page.getByRole('button', { name: /^Page 2/ }).click();
    await expect(page).toHaveURL(/filter=Health%3Dproblem/);
    await expect(page).toHaveURL(/sort=FunctionName/);
    await expect(page).toHaveURL(/page=2/);
    await expect(mappingsPage.rows).toHaveCount(Math.min(50, count - 50));
    const shown = await mappingsPage.rows.getByRole('link').allTextContents();
    const functions = await mappingsPage.rows.locator('td:nth-child(3)').allTextContents();
    expect([...functions].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))).toEqual(
      functions,
    );

    const other = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const second = await other.newPage();
      await second.goto(page.url());
      const secondList = new MappingsPage(second);
      await secondList.expectSettled();
      const rows = secondList.rows;
      await expect(rows).toHaveCount(shown.length);
      expect(await rows.getByRole('link').allTextContents()).toEqual(shown);
    } finally {
      await other.close();
    }
  });

  test('bulk-disables 50 mappings while Lambda throttles 30 % of requests, then Undo enables them again', async ({
    mappingsPage,
    emulator,
    page,
  }) => {
    test.setTimeout(240_000);
    await emulator.updateSettings({ guestAccess: 'read-write' });
    await mappingsPage.goto('?filter=State%3DEnabled&filter=Health%3Dhealthy&sort=UUID');
    await mappingsPage.expectAllLoaded();
    await expect(mappingsPage.rows).toHaveCount(50);
    const uuids = await mappingsPage.rows.getByRole('link').allTextContents();
    // By keyboard: once the page scrolls, the sticky page header's copy lies over the table's own
    // header row and takes the pointer (Playwright retried that click for minutes).
    await mappingsPage.table
      .getByRole('checkbox', { name: 'Select all mappings on this page' })
      .focus();
    await page.keyboard.press('Space');
    await expect(page.getByText('50 selected')).toBeVisible();

    await emulator.injectFault({
      status: 429,
      errorType: 'TooManyRequestsException',
      pathPattern: '/event-source-mappings',
      rate: 0.3,
    });
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Disable' }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toContainText('Disable 50 mappings?');
    await confirm.getByRole('button', { name: 'Disable' }).click();

    const progress = page
      .getByRole('status')
      .filter({ hasText: /Disabling 50 mappings: \d+ of 50 done/ });
    await expect(progress.first()).toBeVisible();
    await expect(page.getByText('Disable finished: 50 of 50 done')).toBeVisible({
      timeout: 150_000,
    });
    await expect(page.getByText(/50 succeeded, 0 failed/).first()).toBeVisible();
    await emulator.clearFaults();
    const after = new Map((await emulator.allMappings()).map((m) => [m.UUID, m.State]));
    for (const uuid of uuids) expect(after.get(uuid)).toBe('Disabled');

    await emulator.injectFault({
      status: 429,
      errorType: 'TooManyRequestsException',
      pathPattern: '/event-source-mappings',
      rate: 0.3,
    });
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /^Undo/ }).click();
    await expect(page.getByText('Undo finished: 50 of 50 done')).toBeVisible({ timeout: 150_000 });
    await emulator.clearFaults();
    const restored = new Map((await emulator.allMappings()).map((m) => [m.UUID, m.State]));
    for (const uuid of uuids) expect(restored.get(uuid)).toBe('Enabled');
  });

  test('exports the view as CSV: its rows are the view’s, in its order', async ({
    mappingsPage,
    page,
  }) => {
    await mappingsPage.goto('?filter=Health%3Dproblem&sort=-BatchSize');
    await mappingsPage.expectSettled();
    const matches = await mappingsPage.matchesShown();
    const firstPage = await mappingsPage.rows.getByRole('link').allTextContents();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: /^CSV/ }).click();
    const file = await (await download).path();
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'UUID,Function,Event source,State,Health,BatchSize,LastProcessingResult,StateTransitionReason',
    );
    expect(lines).toHaveLength(matches + 1);
    expect(lines.slice(1, firstPage.length + 1).map((line) => line.split(',')[0])).toEqual(
      firstPage,
    );
    const sizes = lines.slice(1).map((line) => Number(line.split(',')[5]));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  test('the all-regions view lists both seeded regions, with a Region column and token', async ({
    mappingsPage,
    emulator,
    page,
  }) => {
    const east = (await emulator.stats('us-east-1')).mappings;
    const west = (await emulator.stats('eu-west-1')).mappings;
    await mappingsPage.goto();
    await mappingsPage.expectLoaded();
    await page.getByRole('button', { name: /^All regions/ }).click();
    await expect(page).toHaveURL(/regions=all/);
    await expect(
      page.getByText(`us-east-1: All ${east.toLocaleString('en-US')} mappings loaded`),
    ).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(`eu-west-1: All ${west} mappings loaded`)).toBeVisible();
    await expect(mappingsPage.heading).toContainText(`(${(east + west).toLocaleString('en-US')})`);
    await expect(mappingsPage.table.getByRole('columnheader', { name: /^Region/ })).toBeVisible();

    await mappingsPage.addToken('Region = eu-west-1');
    await expect(mappingsPage.rows).toHaveCount(west);
    await expect(mappingsPage.rows.first()).toContainText('eu-west-1');
    // A eu-west-1 mapping opens in its region.
    const uuid = (await mappingsPage.rows.first().getByRole('link').textContent()) ?? '';
    await mappingsPage.link(uuid).click();
    await expect(page).toHaveURL(`/mappings/${uuid}?region=eu-west-1`);
    await expect(page.getByRole('heading', { name: uuid })).toBeVisible();
  });

  // Once skipped: in two fresh-clone CI runs the focus was lost after the first `j` (a re-render
  // replaced the focused row's link). Rows are now keyed by position (551d998), so a data update
  // keeps the row elements; passed 7 of 7 here, 3 of them with two CPU hogs running.
  test('keyboard only: / filters, j moves, x selects, Enter opens', async ({
    mappingsPage,
    page,
  }) => {
    await mappingsPage.goto();
    await mappingsPage.expectSettled();
    await page.keyboard.press('/');
    await expect(mappingsPage.propertyFilter).toBeFocused();
    // Esc closes the suggestions, a second Esc leaves the filter with what was typed kept.
    await page.keyboard.type('catal');
    await page.keyboard.press('Escape');
    await expect(mappingsPage.propertyFilter).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(mappingsPage.propertyFilter).not.toBeFocused();
    await expect(mappingsPage.propertyFilter).toHaveValue('catal');
    await page.keyboard.press('/');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('State = Disabled');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/filter=State%3DDisabled/);
    await page.keyboard.press('Escape');
    await expect(mappingsPage.propertyFilter).not.toBeFocused();

    await page.keyboard.press('j');
    const first = mappingsPage.rows.nth(0).getByRole('link');
    await expect(first).toBeFocused();
    await page.keyboard.press('j');
    const second = mappingsPage.rows.nth(1).getByRole('link');
    await expect(second).toBeFocused();
    await page.keyboard.press('x');
    await expect(mappingsPage.rows.nth(1).getByRole('checkbox')).toBeChecked();
    await expect(page.getByText('1 selected')).toBeVisible();
    await page.keyboard.press('k');
    await expect(first).toBeFocused();
    // The focused rows' UUIDs stay in line with the others (their truncated cells not scrolled).
    const xOf = async (n: number) =>
      (await mappingsPage.rows.nth(n).getByRole('link').boundingBox())?.x;
    expect(await xOf(0)).toBe(await xOf(2));
    expect(await xOf(1)).toBe(await xOf(2));
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(first).toBeFocused();
    const uuid = (await first.textContent()) ?? '';
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/mappings/${uuid}`);
    await expect(page.getByRole('heading', { name: uuid })).toBeVisible();
  });

  test('a filter typo is said, never silently widens or empties the view', async ({
    mappingsPage,
    page,
  }) => {
    await mappingsPage.goto();
    await mappingsPage.expectLoaded();
    await page.keyboard.press('/');
    await page.keyboard.type('BatchSize >= abc');
    await page.keyboard.press('Enter');
    await expect(
      page.getByText('Not applied: BatchSize >= abc: BatchSize is a number; abc is not.'),
    ).toBeVisible();
    expect(new URL(page.url()).searchParams.getAll('filter')).toEqual([]);
    await page.keyboard.type('Health = orphan');
    await page.keyboard.press('Enter');
    await expect(page.getByText('No loaded mapping has Health = orphan.')).toBeVisible();
    await page.getByRole('button', { name: 'Filter by Health = orphaned instead' }).click();
    await expect(page).toHaveURL(/filter=Health%3Dorphaned/);
    await expect(page.getByText(/No loaded mapping has/)).toHaveCount(0);
  });

  test('dark mode, once chosen, persists across a reload', async ({ mappingsPage, page }) => {
    await mappingsPage.goto();
    await mappingsPage.expectLoaded();
    const preferences = page
      .locator('#top-nav')
      .getByRole('button', { name: 'Appearance: theme and density' });
    await preferences.click();
    await page.getByRole('menuitemcheckbox', { name: 'Dark' }).click();
    await expect(page.locator('body')).toHaveClass(/awsui-dark-mode/);
    await page.reload();
    await mappingsPage.expectLoaded();
    await expect(page.locator('body')).toHaveClass(/awsui-dark-mode/);
    await preferences.click();
    await expect(page.getByRole('menuitemcheckbox', { name: 'Dark' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
  });

  test('filters by function in Lambda and keeps the filter in the URL', async ({
    mappingsPage,
    emulator,
    page,
  }) => {
    const [first] = await emulator.firstMappings();
    const expected = await emulator.firstMappings({ FunctionName: first!.FunctionArn! });

    await mappingsPage.goto();
    await mappingsPage.expectLoaded();
    await mappingsPage.filter({ FunctionName: first!.FunctionArn! });
    await expect(page).toHaveURL(/\?FunctionName=/);
    await expect(mappingsPage.rows).toHaveCount(expected.length);
    for (const mapping of expected) await expect(mappingsPage.link(mapping.UUID!)).toBeVisible();

    await page.reload();
    await expect(
      page.getByText(`Lambda lists only FunctionName = ${first!.FunctionArn!}`),
    ).toBeVisible();
    await expect(mappingsPage.rows).toHaveCount(expected.length);
  });

  test('shows "No matches" for a Lambda-side filter nothing matches, and clears it', async ({
    mappingsPage,
    page,
  }) => {
    await mappingsPage.goto(
      '?EventSourceArn=arn%3Aaws%3Asqs%3Aus-east-1%3A123456789012%3Anothing-here',
    );
    await expect(page.getByText('No matches')).toBeVisible();
    await mappingsPage.table
      .getByRole('button', { name: 'Clear Lambda-side filters' })
      .last()
      .click();
    await mappingsPage.expectLoaded();
    await expect(page).toHaveURL(/\/\??$/);
  });

  test('shows "No mappings" for an empty region', async ({ mappingsPage, emulator, page }) => {
    await emulator.reset({ seed: 'none' });
    await mappingsPage.goto();
    await expect(page.getByText('No mappings', { exact: true })).toBeVisible();
  });

  test('a 500 from Lambda shows the exception with Retry, and Retry recovers', async ({
    mappingsPage,
    emulator,
    page,
  }) => {
    // The console's client makes 8 attempts per read (LAMBDA_MAX_ATTEMPTS), and a 500 is not
    // retried again by the query: fail all of them.
    await emulator.injectFault({
      method: 'GET',
      pathPattern: 'event-source-mappings',
      status: 500,
      errorType: 'ServiceException',
      count: 8,
    });
    await mappingsPage.goto();
    // Cloudscape's Alert is a labelled group (its text is announced through a live region).
    const alert = page.getByRole('group').filter({ hasText: 'Could not load mappings' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('ServiceException: An internal error occurred');
    await mappingsPage.retryButton.click();
    await mappingsPage.expectLoaded();
    await expect(alert).toBeHidden();
    await mappingsPage.expectAllLoaded();
  });
});
