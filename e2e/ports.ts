/** Port of the emulator the e2e suite starts (not 4599, so `npm start` can keep running). */
export const EMULATOR_PORT = 4610;
/** Port of the `vite preview` server the e2e suite starts. */
export const CONSOLE_PORT = 4183;
/** Base URL of the e2e emulator; must match `e2e/config.e2e.json`. */
export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;
/** Delay of each emulator state transition in the e2e suite, in milliseconds (reset restores it). */
export const E2E_TRANSITION_MS = 1000;
