/**
 * Port of the emulator the e2e suite starts (not 4599, so `npm start` can keep running);
 * `E2E_EMULATOR_PORT` overrides it (two suites at once on one machine).
 */
export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4610);
/** Port of the `vite preview` server the e2e suite starts; `E2E_CONSOLE_PORT` overrides it. */
export const CONSOLE_PORT = Number(process.env.E2E_CONSOLE_PORT ?? 4183);
/**
 * Base URL of the e2e emulator. `e2e/config.e2e.json` names the default port; for another port
 * playwright.config.ts serves a copy pointing here (`e2eConfigFile`).
 */
export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;
/** Delay of each emulator state transition in the e2e suite, in milliseconds (reset restores it). */
export const E2E_TRANSITION_MS = 1000;
