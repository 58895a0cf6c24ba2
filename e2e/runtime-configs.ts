import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/**
 * The configuration `vite preview` serves in the e2e suite (`e2e/config.e2e.json`): guest mode,
 * regions us-east-1 and eu-west-1, the e2e emulator as Lambda, Cognito Identity and user pool.
 */
export const guestConfig = JSON.parse(
  readFileSync(new URL('./config.e2e.json', import.meta.url), 'utf8'),
) as { auth: Record<string, unknown> } & Record<string, unknown>;

/** The same configuration in `signed-in` mode (nothing without sign-in). */
export const signedInConfig = { ...guestConfig, auth: { ...guestConfig.auth, mode: 'signed-in' } };

/**
 * Makes the page load `config` as `/config.json` (the preview's CSP already allows the e2e
 * emulator, the only origin these configurations name).
 */
export async function serveConfig(page: Page, config: object) {
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }),
  );
}
