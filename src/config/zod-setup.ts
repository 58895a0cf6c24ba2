import { z } from 'zod/mini';

// Zod 4 compiles object schemas with `new Function` when it can, and probes for that ability by
// calling `new Function("")` — a `script-src` violation under the console's Content-Security-Policy
// (no 'unsafe-eval', infra/lib/content-security-policy.ts). Jitless parsing never evaluates code.
// Imported first by src/main.tsx, before any schema parses.
z.config({ jitless: true });
