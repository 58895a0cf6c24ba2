import { test as base, expect } from '@playwright/test';
import { Emulator } from './emulator.ts';
import { ConsoleHeader } from './pages/console-header.ts';
import { MappingFormPage } from './pages/mapping-form-page.ts';
import { MappingPage } from './pages/mapping-page.ts';
import { MappingsPage } from './pages/mappings-page.ts';
import { SignInForm } from './pages/sign-in-form.ts';
import { CONSOLE_PORT } from './ports.ts';

/** One Content-Security-Policy violation reported by the page (`securitypolicyviolation`). */
export interface CspViolation {
  documentURI: string;
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
}

interface Fixtures {
  /** The emulator, reset to the default seed before the test. */
  emulator: Emulator;
  mappingsPage: MappingsPage;
  mappingPage: MappingPage;
  /** The create and edit forms (`/mappings/new`, `/mappings/:uuid/edit`). */
  mappingForm: MappingFormPage;
  /** The console's top navigation: region, account, who is signed in. */
  header: ConsoleHeader;
  /** The local user pool's sign-in form (emulator pages). */
  signInForm: SignInForm;
  /**
   * Automatic: every CSP violation on the console's own pages is collected, and the test fails
   * if there was any. The production build runs under CloudFront's policy in `vite preview`.
   */
  cspViolations: CspViolation[];
}

const CONSOLE_ORIGIN = `http://127.0.0.1:${CONSOLE_PORT}`;

/** Playwright's `test` with the console's page objects and a freshly reset emulator. */
export const test = base.extend<Fixtures>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: CspViolation[] = [];
      // A binding survives navigations (to the user pool and back), unlike page globals.
      await page.exposeBinding('__reportCspViolation', (_source, violation: CspViolation) => {
        violations.push(violation);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as Record<string, (v: unknown) => void>)
            .__reportCspViolation;
          report?.({
            documentURI: event.documentURI,
            violatedDirective: event.violatedDirective,
            blockedURI: event.blockedURI,
            sourceFile: event.sourceFile,
            lineNumber: event.lineNumber,
          });
        });
      });
      await use(violations);
      // Only the console is under test: the emulator's own pages have no policy of ours.
      const ours = violations.filter((v) => v.documentURI.startsWith(CONSOLE_ORIGIN));
      expect(ours, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  // Playwright requires a destructuring pattern for a fixture's own dependencies, even when none.
  // eslint-disable-next-line no-empty-pattern
  emulator: async ({}, use) => {
    const emulator = new Emulator();
    await emulator.reset();
    await use(emulator);
    emulator.lambda.destroy();
  },
  // Every page test depends on `emulator`, so the store is reset before the page opens.
  mappingsPage: async ({ page, emulator: _emulator }, use) => {
    await use(new MappingsPage(page));
  },
  mappingPage: async ({ page, emulator: _emulator }, use) => {
    await use(new MappingPage(page));
  },
  mappingForm: async ({ page, emulator: _emulator }, use) => {
    await use(new MappingFormPage(page));
  },
  header: async ({ page, emulator: _emulator }, use) => {
    await use(new ConsoleHeader(page));
  },
  signInForm: async ({ page, emulator: _emulator }, use) => {
    await use(new SignInForm(page));
  },
});

export { expect } from '@playwright/test';
