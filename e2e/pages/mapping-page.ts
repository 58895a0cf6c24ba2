import type { Locator, Page } from '@playwright/test';

/** One mapping (`/mappings/:uuid`). */
export class MappingPage {
  readonly transitions: Locator;
  readonly stateSection: Locator;
  readonly refreshButton: Locator;
  readonly disableButton: Locator;
  readonly enableButton: Locator;

  constructor(readonly page: Page) {
    this.transitions = page.getByRole('table', { name: /State transitions/ });
    this.stateSection = page.getByRole('list', { name: 'State' });
    this.refreshButton = page.getByRole('button', { name: 'Refresh mapping' });
    this.disableButton = page.getByRole('button', { name: 'Disable', exact: true });
    this.enableButton = page.getByRole('button', { name: 'Enable', exact: true });
  }

  /** Disable, then Disable again in the dialog that asks first. */
  async disable() {
    await this.disableButton.click();
    await this.page
      .getByRole('dialog', { name: 'Disable this mapping?' })
      .getByRole('button', { name: 'Disable', exact: true })
      .click();
  }

  /** Opens the page of one mapping. */
  async goto(uuid: string) {
    await this.page.goto(`/mappings/${encodeURIComponent(uuid)}`);
  }

  /** The page heading, which names the mapping. */
  heading(uuid: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Mapping ${uuid}` });
  }

  /** The pairs of a detail group, by its title, e.g. `Provisioned mode`, `Monitoring`. */
  pairs(group: string): Locator {
    return this.page.getByLabel(group, { exact: true });
  }

  /** The value shown for `label` (AWS's member or path) in the detail group `group`. */
  value(group: string, label: string): Locator {
    return this.pairs(group)
      .getByRole('term')
      .filter({ has: this.page.getByText(label, { exact: true }) })
      .locator('xpath=following-sibling::dd[1]');
  }

  /** State column of the "State transitions" table, one cell per state seen. */
  get transitionStates(): Locator {
    return this.transitions.getByRole('row').locator('td:nth-child(2)');
  }
}
