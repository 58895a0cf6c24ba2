import { test as base } from '@playwright/test';
import { Emulator } from './emulator.ts';
import { MappingPage } from './pages/mapping-page.ts';
import { MappingsPage } from './pages/mappings-page.ts';

interface Fixtures {
  /** The emulator, reset to the default seed before the test. */
  emulator: Emulator;
  mappingsPage: MappingsPage;
  mappingPage: MappingPage;
}

/** Playwright's `test` with the console's page objects and a freshly reset emulator. */
export const test = base.extend<Fixtures>({
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
});

export { expect } from '@playwright/test';
