import { expect, type Locator, type Page } from '@playwright/test';
import { EMULATOR_URL } from '../ports.ts';

/** The emulator's test user (its defaults; `npm start` prints them too). */
export const TEST_USER = { username: 'alice@example.com', password: 'Passw0rd!' } as const;

/**
 * Sign-in as the console shows it and as the local user pool serves it: the console's prompt
 * (`Sign in to continue`) and the user pool's form (labelled `Username`/`Password`, `Sign in`).
 */
export class SignInForm {
  /** The console's sign-in prompt (signed-in mode, nobody signed in). */
  readonly prompt: Locator;
  /** The prompt's button that opens the user pool. */
  readonly promptButton: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.prompt = page.getByRole('heading', { name: 'Sign in to continue' });
    this.promptButton = page.getByRole('button', { name: 'Sign in' });
    this.username = page.getByLabel('Username');
    this.password = page.getByLabel('Password');
    this.submit = page.getByRole('button', { name: 'Sign in' });
  }

  /** Waits for the user pool's form (on the emulator's origin). */
  async expectForm() {
    await expect(this.page).toHaveURL(new RegExp(`^${EMULATOR_URL}/oidc/interaction/`));
    await expect(this.username).toBeVisible();
  }

  /** Fills and submits the user pool's form. */
  async submitCredentials({ username, password } = TEST_USER) {
    await this.expectForm();
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** From the console's prompt: open the user pool and sign in as the test user. */
  async signInFromPrompt() {
    await this.promptButton.click();
    await this.submitCredentials();
  }
}
