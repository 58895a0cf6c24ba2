import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { EMULATOR_PORT, EMULATOR_URL } from './ports.ts';

const DEFAULT_CONFIG_FILE = 'e2e/config.e2e.json';

/**
 * The configuration `vite preview` serves in the e2e suite (`e2e/config.e2e.json`): guest mode,
 * regions us-east-1 and eu-west-1, the e2e emulator as Lambda, Cognito Identity and user pool
 * (at {@link EMULATOR_URL}, whatever port it runs on).
 */
export const guestConfig = (() => {
  const file = JSON.parse(readFileSync(new URL('./config.e2e.json', import.meta.url), 'utf8')) as {
    auth: Record<string, unknown>;
  } & Record<string, unknown>;
  return {
    ...file,
    auth: { ...file.auth, authority: `${EMULATOR_URL}/oidc` },
    lambdaEndpoint: EMULATOR_URL,
    cognitoIdentityEndpoint: EMULATOR_URL,
  };
})();

/** The same configuration in `signed-in` mode (nothing without sign-in). */
export const signedInConfig = { ...guestConfig, auth: { ...guestConfig.auth, mode: 'signed-in' } };

/**
 * The file `vite preview` serves as `/config.json` (`ESM_CONSOLE_CONFIG`): `e2e/config.e2e.json`
 * on the default emulator port, else a copy of {@link guestConfig} in the temp directory.
 * @returns a path.
 */
export function e2eConfigFile(): string {
  if (EMULATOR_PORT === 4610) return DEFAULT_CONFIG_FILE;
  const file = join(tmpdir(), `esm-console-e2e-config-${EMULATOR_PORT}.json`);
  writeFileSync(file, JSON.stringify(guestConfig, null, 2));
  return file;
}

/**
 * Makes the page load `config` as `/config.json` (the preview's CSP already allows the e2e
 * emulator, the only origin these configurations name).
 */
export async function serveConfig(page: Page, config: object) {
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }),
  );
}
