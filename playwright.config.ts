import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './e2e/chromium.ts';
import { CONSOLE_PORT, E2E_TRANSITION_MS, EMULATOR_PORT } from './e2e/ports.ts';
import { e2eConfigFile } from './e2e/runtime-configs.ts';

// The specs drive the emulator with the SDK's Node build, which warns on Node 20 (stack-notes §7).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export default defineConfig({
  testDir: 'e2e/specs',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${CONSOLE_PORT}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      // Sign-in redirects back to this suite's console port (the emulator's defaults cover 4183).
      command: `npm run --silent emulator -- --port ${EMULATOR_PORT} --host 127.0.0.1 --seed default --transition-ms ${E2E_TRANSITION_MS} --oidc-redirect-uri http://127.0.0.1:${CONSOLE_PORT}/auth/callback --oidc-post-logout-redirect-uri http://127.0.0.1:${CONSOLE_PORT}/`,
      url: `http://127.0.0.1:${EMULATOR_PORT}/_emulator/health`,
      reuseExistingServer: false,
      stdout: 'pipe',
      timeout: 60_000,
    },
    {
      // E2E_DIST_DIR: a build elsewhere than dist/ (two suites on one machine, each with its own build).
      command: `npx vite preview --port ${CONSOLE_PORT} --strictPort --host 127.0.0.1 --outDir ${process.env.E2E_DIST_DIR ?? 'dist'}`,
      url: `http://127.0.0.1:${CONSOLE_PORT}/`,
      env: { ESM_CONSOLE_CONFIG: e2eConfigFile() },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
