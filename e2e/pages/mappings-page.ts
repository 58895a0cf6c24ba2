import { expect, type Locator, type Page } from '@playwright/test';

/** The mappings list (`/`). */
export class MappingsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly loadAllButton: Locator;
  readonly loadMoreButton: Locator;
  readonly retryButton: Locator;
  readonly functionFilter: Locator;
  readonly eventSourceArnFilter: Locator;
  readonly applyFiltersButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /Event source mappings/ });
    this.table = page.getByRole('table', { name: /Event source mappings/ });
    this.loadAllButton = page.getByRole('button', { name: 'Load all' });
    this.loadMoreButton = page.getByRole('button', { name: 'Load more mappings' });
    this.retryButton = page.getByRole('button', { name: 'Retry' });
    this.functionFilter = page.getByRole('searchbox', { name: 'Function' });
    this.eventSourceArnFilter = page.getByRole('searchbox', { name: 'Event source ARN' });
    this.applyFiltersButton = page.getByRole('button', { name: 'Apply filters' });
  }

  /** Opens the list, optionally with URL filters. */
  async goto(search = '') {
    await this.page.goto(`/${search}`);
  }

  /** Data rows (the header row excluded). */
  get rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link') });
  }

  /** The link to a mapping's detail page. */
  link(uuid: string): Locator {
    return this.table.getByRole('link', { name: uuid, exact: true });
  }

  /** Waits until the first page is on screen. */
  async expectLoaded() {
    await expect(this.rows.first()).toBeVisible();
  }

  /** Applies server-side filters through the form. */
  async filter({ FunctionName = '', EventSourceArn = '' }) {
    await this.functionFilter.fill(FunctionName);
    await this.eventSourceArnFilter.fill(EventSourceArn);
    await this.applyFiltersButton.click();
  }
}
