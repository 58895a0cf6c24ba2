import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A count as the console shows it (`en-US` grouping: `1,234`, `1,234,567`) read back as a number:
 * every comma goes, not only the first.
 * @param text the formatted count, e.g. `1,234,567`.
 * @throws Error when `text` is not a formatted count.
 */
export function parseShownCount(text: string): number {
  if (!/^\d{1,3}(,\d{3})*$/.test(text)) throw new Error(`Not a count as shown: ${text}`);
  return Number(text.replaceAll(',', ''));
}

/** The mappings list (`/`). */
export class MappingsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly retryButton: Locator;
  /** The property filter's text input. */
  readonly propertyFilter: Locator;
  /** Opens the "Lambda-side filters" dialog (ListEventSourceMappings' FunctionName and EventSourceArn). */
  readonly serverFiltersToggle: Locator;
  readonly functionFilter: Locator;
  readonly eventSourceArnFilter: Locator;
  readonly applyFiltersButton: Locator;
  /** Health counts (one-click filters). */
  readonly healthCounts: Locator;
  readonly pagination: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /Event source mappings/ });
    this.table = page.getByRole('table', { name: /Event source mappings/ });
    this.retryButton = page.getByRole('button', { name: 'Retry' });
    this.propertyFilter = page.getByRole('combobox', { name: 'Filter mappings' });
    this.serverFiltersToggle = page.getByRole('button', { name: /^Lambda-side filters/ });
    this.functionFilter = page.getByRole('searchbox', { name: 'Function' });
    this.eventSourceArnFilter = page.getByRole('searchbox', { name: 'Event source ARN' });
    this.applyFiltersButton = page.getByRole('button', { name: 'Apply filters' });
    this.healthCounts = page.getByRole('group', { name: 'Filter by health' });
    this.pagination = page.getByRole('navigation', { name: /pagination|Pages/i });
  }

  /** Opens the list, optionally with a query string. */
  async goto(search = '') {
    await this.page.goto(`/${search}`);
  }

  /** Data rows of the current page (the header row excluded). */
  get rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link') });
  }

  /** The link to a mapping's detail page. */
  link(uuid: string): Locator {
    return this.table.getByRole('link', { name: uuid, exact: true });
  }

  /** The row of a mapping (on the current page). */
  row(uuid: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: uuid, exact: true }) });
  }

  /** The load status at the top of the table (e.g. "All 1,600 mappings loaded in 2.1 s"). */
  loadStatus(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }

  /** Waits until the first page is on screen. */
  async expectLoaded() {
    await expect(this.rows.first()).toBeVisible();
  }

  /** Waits until every page of the region is loaded. */
  async expectAllLoaded(total?: number) {
    await expect(
      this.page
        .getByText(
          total === undefined
            ? /All [\d,]+ mappings loaded/
            : new RegExp(`All ${total.toLocaleString('en-US')} mappings loaded`),
        )
        .first(),
    ).toBeVisible({ timeout: 60_000 });
  }

  /** Waits until every page is loaded and the orphan check (ListFunctions…) has answered. */
  async expectSettled(total?: number) {
    await this.expectAllLoaded(total);
    await expect(
      this.page.getByText('Checking which functions, versions and aliases still exist'),
    ).toHaveCount(0, { timeout: 60_000 });
  }

  /** A health count button, e.g. `Problem`. */
  healthCount(label: string): Locator {
    return this.healthCounts.getByRole('button', { name: new RegExp(`^${label}: `) });
  }

  /**
   * The number a health count button shows, from its accessible name (`Problem: 1,234 mappings`
   * is 1234).
   * @throws Error when the name does not read `<label>: <count> mapping(s)`.
   */
  async healthCountValue(label: string): Promise<number> {
    const name = (await this.healthCount(label).getAttribute('aria-label')) ?? '';
    const shown = new RegExp(`^${label}: ([\\d,]+) mappings?$`).exec(name)?.[1];
    if (shown === undefined) throw new Error(`Health count ${label} reads "${name}"`);
    return parseShownCount(shown);
  }

  /**
   * The property filter's count, `N matches of M loaded`, for `count` matches as shown (`1,234
   * matches of`; `1 match of`): the whole number, so that 234 does not find `1,234 matches`.
   */
  matchesText(count: number): Locator {
    const noun = count === 1 ? 'match' : 'matches';
    return this.page.getByText(new RegExp(`^${count.toLocaleString('en-US')} ${noun} of `));
  }

  /** How many mappings match the filter, read from `N matches of M loaded` (`1,234` is 1234). */
  async matchesShown(): Promise<number> {
    const text =
      (await this.page
        .getByText(/^[\d,]+ match(es)? of /)
        .first()
        .textContent()) ?? '';
    const shown = /^([\d,]+) match/.exec(text)?.[1];
    if (shown === undefined) throw new Error(`The filter's count reads "${text}"`);
    return parseShownCount(shown);
  }

  /** Opens the Lambda-side filters dialog (if it is not open). */
  async openServerFilters() {
    if (!(await this.functionFilter.isVisible())) await this.serverFiltersToggle.click();
    await expect(this.functionFilter).toBeVisible();
  }

  /** Applies server-side filters through the form. */
  async filter({ FunctionName = '', EventSourceArn = '' }) {
    await this.openServerFilters();
    await this.functionFilter.fill(FunctionName);
    await this.eventSourceArnFilter.fill(EventSourceArn);
    await this.applyFiltersButton.click();
  }

  /** Sorts by a column (its header's sort control, with the keyboard), e.g. `Function`. */
  async sortBy(header: string) {
    const control = this.table
      .getByRole('columnheader', { name: new RegExp(`^${header}`) })
      .getByRole('button')
      .first();
    await control.focus();
    await control.press('Enter');
  }

  /** Adds a free-text or `Property = value` token with the keyboard. */
  async addToken(text: string) {
    await this.propertyFilter.fill(text);
    await this.propertyFilter.press('Enter');
  }
}
