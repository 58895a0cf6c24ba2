/**
 * How the e2e suite launches Debian's Chromium: headless without a sandbox or GPU, and with the
 * flags that stop it reaching the network on its own (background networking, component updates,
 * sync, first-run), which would stall it on this machine. `CHROMIUM_PATH` overrides the binary.
 */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
