import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Serves `/config.json` from the file named by `ESM_CONSOLE_CONFIG` (dev server and preview),
 * so tests and `npm start` can point one build at any emulator port without rebuilding.
 * Without the variable, `public/config.json` (or the deployed file) is served as usual.
 */
function runtimeConfigOverride(): Plugin {
  const file = process.env.ESM_CONSOLE_CONFIG;
  const serve = (
    req: { url?: string },
    res: { setHeader: (k: string, v: string) => void; end: (b: string) => void },
    next: () => void,
  ) => {
    if (!file || req.url?.split('?')[0] !== '/config.json') return next();
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(readFileSync(file, 'utf8'));
  };
  return {
    name: 'runtime-config-override',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}

export default defineConfig({
  plugins: [react(), runtimeConfigOverride()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { chunkSizeWarningLimit: 2000 },
});
