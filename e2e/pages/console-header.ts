import type { Locator, Page } from '@playwright/test';

/** The console's top navigation (every page): region selector, account, user menu. */
export class ConsoleHeader {
  readonly regionMenu: Locator;
  readonly account: Locator;
  /** The user menu when signed in (`Signed in as <email>`). */
  readonly userMenu: Locator;
  /** The user menu of a guest. */
  readonly guestMenu: Locator;

  constructor(readonly page: Page) {
    this.regionMenu = page.getByRole('button', { name: /^Region: / });
    this.account = page.getByRole('button', { name: /^Account: \d{12}$/ });
    this.userMenu = page.getByRole('button', { name: /^Signed in as / });
    this.guestMenu = page.getByRole('button', { name: 'Guest (not signed in)' });
  }

  /** Chooses a region in the region selector. */
  async switchRegion(region: string) {
    await this.regionMenu.click();
    await this.page.getByRole('menuitem', { name: region, exact: true }).click();
  }

  /** Signs out from the user menu. */
  async signOut() {
    await this.userMenu.click();
    await this.page.getByRole('menuitem', { name: 'Sign out' }).click();
  }

  /** A guest starts signing in from the user menu. */
  async signInAsGuest() {
    await this.guestMenu.click();
    await this.page.getByRole('menuitem', { name: 'Sign in' }).click();
  }
}
