import { expect, test } from '../fixtures.ts';

test.describe('mappings list', () => {
  test('pages through the whole default seed; the row count equals the emulator’s', async ({
    mappingsPage,
    emulator,
    page,
  }) => {
    const { mappings: total } = await emulator.stats();
    expect(total).toBeGreaterThan(100);

    await mappingsPage.goto();
    await mappingsPage.expectLoaded();
    await expect(mappingsPage.heading).toContainText('(50+)');
    await expect(mappingsPage.rows).toHaveCount(50);

    // The README's screenshot: the list with seed data, first page.
    await page.screenshot({ path: 'docs/screenshot-mappings.png' });

    await mappingsPage.loadAllButton.click();
    await expect(
      page.getByRole('status').filter({ hasText: /Loading all mappings: \d+ loaded/ }),
    ).toBeVisible();
    await expect(page.getByText(`All ${total} mappings loaded`)).toBeVisible({ timeout: 60_000 });
    await expect(mappingsPage.heading).toContainText(`(${total})`);
    await expect(mappingsPage.rows).toHaveCount(total);
  });

  test('after "Load all" the table fits a 1440 px window: no sideways scroll, selection column in view', async ({
    mappingsPage,
    page,
  }) => {
    await mappingsPage.goto();
    await mappingsPage.expectLoaded();
    await mappingsPage.loadAllButton.click();
    await expect(page.getByText(/^All \d+ mappings loaded$/)).toBeVisible({ timeout: 60_000 });
    const layout = await mappingsPage.table.evaluate((table) => {
      let overflow = 0;
      // Only containers that scroll sideways (overflow-x auto/scroll, or the page itself).
      for (let el = table.parentElement; el; el = el.parentElement) {
        const scrolls =
          el === document.documentElement || /auto|scroll/.test(getComputedStyle(el).overflowX);
        if (scrolls) overflow = Math.max(overflow, el.scrollWidth - el.clientWidth);
      }
      const first = table.querySelector('th')?.getBoundingClientRect();
      return { overflow, firstLeft: first?.left ?? -1, windowWidth: window.innerWidth };
    });
    expect(layout.windowWidth).toBe(1440);
    expect(layout.overflow).toBeLessThanOrEqual(1);
    expect(layout.firstLeft).toBeGreaterThanOrEqual(0);
  });

  test('"Load more" fetches the next page', async ({ mappingsPage, page }) => {
    // Scrolling the button into view would also trigger infinite scroll; switch that off so the
    // click alone is measured (the button is the path for browsers without IntersectionObserver).
    await page.addInitScript(() => {
      Reflect.deleteProperty(window, 'IntersectionObserver');
    });
    await mappingsPage.goto();
    await mappingsPage.expectLoaded();
    await mappingsPage.loadMoreButton.click();
    await expect(mappingsPage.rows).toHaveCount(100);
    await expect(mappingsPage.heading).toContainText('(100+)');
  });

  test('scrolling to the end of the table loads the next page', async ({ mappingsPage }) => {
    await mappingsPage.goto();
    await mappingsPage.expectLoaded();
    await expect(mappingsPage.rows).toHaveCount(50);
    await mappingsPage.loadMoreButton.scrollIntoViewIfNeeded();
    await expect(mappingsPage.rows).toHaveCount(100);
  });

  test('filters by function on the server and keeps the filter in the URL', async ({
    mappingsPage,
    emulator,
    page,
  }) => {
    const [first] = await emulator.firstMappings();
    const functionName = first?.FunctionArn?.split(':function:')[1]?.split(':')[0];
    expect(functionName).toBeTruthy();
    const expected = await emulator.firstMappings({ FunctionName: first!.FunctionArn! });

    await mappingsPage.goto();
    await mappingsPage.expectLoaded();
    await mappingsPage.filter({ FunctionName: first!.FunctionArn! });
    await expect(page).toHaveURL(/\?FunctionName=/);
    await expect(mappingsPage.rows).toHaveCount(expected.length);
    for (const mapping of expected) await expect(mappingsPage.link(mapping.UUID!)).toBeVisible();

    await page.reload();
    await expect(mappingsPage.functionFilter).toHaveValue(first!.FunctionArn!);
    await expect(mappingsPage.rows).toHaveCount(expected.length);
  });

  test('shows "No matches" for a filter nothing matches, and clears it', async ({
    mappingsPage,
    page,
  }) => {
    await mappingsPage.goto(
      '?EventSourceArn=arn%3Aaws%3Asqs%3Aus-east-1%3A123456789012%3Anothing-here',
    );
    await expect(page.getByText('No matches')).toBeVisible();
    await mappingsPage.table.getByRole('button', { name: 'Clear filters' }).click();
    await mappingsPage.expectLoaded();
    await expect(page).toHaveURL(/\/$/);
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
    // The console's client makes 3 attempts per call (LAMBDA_MAX_ATTEMPTS): fail all of them.
    await emulator.injectFault({
      method: 'GET',
      pathPattern: 'event-source-mappings',
      status: 500,
      errorType: 'ServiceException',
      count: 3,
    });
    await mappingsPage.goto();
    // Cloudscape's Alert is a labelled group (its text is announced through a live region).
    const alert = page.getByRole('group').filter({ hasText: 'Could not load mappings' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('ServiceException: An internal error occurred');
    await expect(mappingsPage.heading).not.toContainText('(');
    await mappingsPage.retryButton.click();
    await mappingsPage.expectLoaded();
    await expect(alert).toBeHidden();
    await expect(mappingsPage.heading).toContainText('(50+)');
  });
});
