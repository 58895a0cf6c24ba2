import { expect, type Locator, type Page } from '@playwright/test';

/** The create form (`/mappings/new`) and the edit form (`/mappings/:uuid/edit`). */
export class MappingFormPage {
  readonly reviewButton: Locator;
  readonly reviewChangesButton: Locator;
  readonly createButton: Locator;
  readonly applyButton: Locator;
  readonly backButton: Locator;
  readonly addSourceAccessButton: Locator;
  readonly addFilterButton: Locator;
  readonly functionName: Locator;
  /** The request JSON on the review step. */
  readonly requestJson: Locator;
  /** The AWS CLI command on the review step. */
  readonly cliCommand: Locator;
  /** The old → new table on the edit review step. */
  readonly changes: Locator;

  constructor(readonly page: Page) {
    this.reviewButton = page.getByRole('button', { name: 'Review request' });
    this.reviewChangesButton = page.getByRole('button', { name: 'Review changes' });
    this.createButton = page.getByRole('button', { name: 'Create mapping' });
    this.applyButton = page.getByRole('button', { name: 'Apply changes' });
    this.backButton = page.getByRole('button', { name: 'Back to edit' });
    this.addSourceAccessButton = page.getByRole('button', { name: 'Add source access entry' });
    this.addFilterButton = page.getByRole('button', { name: 'Add filter pattern' });
    this.functionName = page.getByLabel('FunctionName', { exact: true });
    this.requestJson = page.getByRole('region', { name: 'Request JSON' });
    this.cliCommand = page.getByRole('region', { name: 'AWS CLI command' });
    this.changes = page.getByRole('table', { name: 'Changes' });
  }

  /** Opens the create form. */
  async gotoNew() {
    await this.page.goto('/mappings/new');
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Create mapping' }),
    ).toBeVisible();
  }

  /** Opens the edit form of a mapping. */
  async gotoEdit(uuid: string) {
    await this.page.goto(`/mappings/${encodeURIComponent(uuid)}/edit`);
    await expect(
      this.page.getByRole('heading', { level: 1, name: `Edit mapping ${uuid}` }),
    ).toBeVisible();
  }

  /** Picks a source-type tile by its label, e.g. `Amazon MQ (ActiveMQ)`. */
  async chooseSourceType(label: string) {
    await this.page.getByRole('radio', { name: new RegExp(`^${escape(label)}`) }).check();
  }

  /** A text field by its label (AWS's member name), e.g. `BatchSize`, `Queues`. */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** A StartingPosition choice. */
  startingPosition(value: 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP'): Locator {
    return this.page.getByRole('radio', { name: new RegExp(`^${value}`) });
  }

  /** The URI input of SourceAccessConfigurations row `index` (0-based). */
  sourceAccessUri(index: number): Locator {
    return this.page.getByLabel(`URI of entry ${index + 1}`, { exact: true });
  }

  /** Chooses the Type of SourceAccessConfigurations row `index` (0-based). */
  async chooseSourceAccessType(index: number, type: string) {
    await this.page.getByRole('button', { name: new RegExp(`Type of entry ${index + 1}`) }).click();
    await this.page.getByRole('option', { name: new RegExp(`^${type}`) }).click();
  }

  /** The text area of filter pattern `index` (0-based). */
  filterPattern(index: number): Locator {
    return this.page.getByRole('textbox', { name: /Pattern/ }).nth(index);
  }

  /** Adds a filter pattern row and types `pattern` into it. */
  async addFilter(pattern: string) {
    const count = await this.page.getByRole('textbox', { name: /Pattern/ }).count();
    await this.addFilterButton.click();
    await this.filterPattern(count).fill(pattern);
  }

  /** Types a function name into the picker (free text) and closes its suggestions. */
  async fillFunctionName(name: string) {
    await this.functionName.fill(name);
    await this.functionName.press('Escape');
  }

  /**
   * A checkbox by its text, e.g. `EventCount` (MetricsConfig.Metrics) or `ReportBatchItemFailures`
   * (its accessible name is the text followed by the field's label).
   */
  checkbox(text: string): Locator {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${escape(text)}( |$)`) });
  }

  /** The button of a select field labelled with AWS's path (its name: label, then the choice). */
  select(label: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${escape(label)} `) });
  }

  /**
   * Chooses an option of a select field labelled with AWS's path, e.g.
   * `chooseOption('LoggingConfig.SystemLogLevel', 'INFO')`; `Not set` picks the "not set" option.
   */
  async chooseOption(label: string, option: string) {
    await this.select(label).click();
    await this.page.getByRole('option', { name: new RegExp(`^${escape(option)}`) }).click();
  }

  /** The request JSON of the review step, parsed. */
  async requestBody(): Promise<Record<string, unknown>> {
    return JSON.parse((await this.requestJson.textContent()) ?? '') as Record<string, unknown>;
  }

  /** The row of the edit review's Changes table for one request member, e.g. `BatchSize`. */
  change(member: string): Locator {
    return this.changes.getByRole('row', { name: new RegExp(`^${escape(member)}\\b`) });
  }

  /** The Key input of tag row `index` (0-based). */
  tagKey(index: number): Locator {
    return this.page.getByLabel(`Key of tag ${index + 1}`, { exact: true });
  }

  /** The Value input of tag row `index` (0-based). */
  tagValue(index: number): Locator {
    return this.page.getByLabel(`Value of tag ${index + 1}`, { exact: true });
  }

  /** Adds a tag row and types `key` and `value` into it. */
  async addTag(key: string, value: string) {
    const count = await this.page.getByLabel(/^Key of tag \d+$/).count();
    await this.page.getByRole('button', { name: 'Add tag' }).click();
    await this.tagKey(count).fill(key);
    await this.tagValue(count).fill(value);
  }

  /** Removes tag row `index` (0-based) with its own Remove button. */
  async removeTag(index: number) {
    await this.page
      .getByRole('group')
      .filter({ has: this.tagKey(index) })
      .getByRole('button', { name: 'Remove' })
      .click();
  }

  /** Clicks "Review request" and waits for the review step. */
  async review() {
    await this.reviewButton.click();
    await expect(this.page.getByRole('heading', { name: 'Step 2 of 2: Review' })).toBeVisible();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
