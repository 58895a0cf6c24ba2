import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        plugins: [react()],
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test-setup.ts'],
          css: false,
          restoreMocks: true,
        },
      },
      {
        test: {
          name: 'emulator',
          environment: 'node',
          include: ['emulator/test/**/*.test.ts'],
          env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
          testTimeout: 20_000,
        },
      },
      {
        test: {
          // The exports of the "as code" panel checked against real consumers: the AWS CLI against
          // the emulator, the CDK's synth, a YAML parser. Imports both src/ and emulator/, which
          // only tests outside both may do.
          name: 'as-code',
          environment: 'node',
          include: ['test/as-code/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'infra',
          environment: 'node',
          include: ['infra/test/**/*.test.ts'],
          // Synthesising the stack (assets, cdk-nag) takes seconds on 2 cores, also in beforeAll.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
