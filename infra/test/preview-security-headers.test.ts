import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  buildContentSecurityPolicy,
  STATIC_SECURITY_HEADERS,
} from '../lib/content-security-policy.ts';
import {
  previewCacheControl,
  previewSecurityHeaders,
  resolvePreviewConfigFile,
} from '../lib/preview-security-headers.ts';
import { makeTempDir, removeTempDirs } from './temp-dirs.ts';

afterAll(removeTempDirs);

const EMULATOR_CONFIG = {
  region: 'us-east-1',
  identityPoolId: 'us-east-1:0f6e2b8a-7c1d-4e3f-9a5b-6c7d8e9f0a1b',
  lambdaEndpoint: 'http://127.0.0.1:4599',
  cognitoIdentityEndpoint: 'http://127.0.0.1:4599',
};

function tempDirs(): { outDir: string; publicDir: string; root: string } {
  const root = makeTempDir('esm-console-preview-');
  const outDir = join(root, 'dist');
  const publicDir = join(root, 'public');
  mkdirSync(outDir);
  mkdirSync(publicDir);
  return { root, outDir, publicDir };
}

describe('resolvePreviewConfigFile', () => {
  it('prefers ESM_CONSOLE_CONFIG, then dist/config.json, then public/config.json', () => {
    const { root, outDir, publicDir } = tempDirs();
    writeFileSync(join(publicDir, 'config.json'), '{}');
    expect(resolvePreviewConfigFile({ outDir, publicDir })).toBe(join(publicDir, 'config.json'));
    writeFileSync(join(outDir, 'config.json'), '{}');
    expect(resolvePreviewConfigFile({ outDir, publicDir })).toBe(join(outDir, 'config.json'));
    const override = join(root, 'e2e-config.json');
    writeFileSync(override, '{}');
    expect(resolvePreviewConfigFile({ configFile: override, outDir, publicDir })).toBe(override);
  });

  it('fails loudly instead of serving without a policy', () => {
    const { root, outDir, publicDir } = tempDirs();
    expect(() => resolvePreviewConfigFile({ outDir, publicDir })).toThrow(/ESM_CONSOLE_CSP=off/);
    expect(() =>
      resolvePreviewConfigFile({ configFile: join(root, 'missing.json'), outDir, publicDir }),
    ).toThrow(/ESM_CONSOLE_CONFIG file not found/);
  });
});

describe('previewCacheControl', () => {
  it('is no-store for pages and the runtime config only', () => {
    for (const path of ['/', '/index.html', '/mappings/abc/edit', '/config.json']) {
      expect(previewCacheControl(path), path).toBe('no-store');
    }
    for (const path of ['/assets/index-abc123.js', '/favicon.svg', '/assets/open-sans.woff2']) {
      expect(previewCacheControl(path), path).toBeUndefined();
    }
  });
});

describe('previewSecurityHeaders', () => {
  it("sends CloudFront's policy with the emulator added to connect-src", () => {
    const { outDir, publicDir } = tempDirs();
    writeFileSync(join(outDir, 'config.json'), JSON.stringify(EMULATOR_CONFIG));
    const headers = previewSecurityHeaders({ outDir, publicDir });
    expect(headers).toEqual({
      'Content-Security-Policy': buildContentSecurityPolicy({
        regions: ['us-east-1'],
        extraConnectSrc: ['http://127.0.0.1:4599'],
      }),
      ...STATIC_SECURITY_HEADERS,
    });
  });

  it('reads the file on every call, so a rewritten config takes effect', () => {
    const { outDir, publicDir } = tempDirs();
    const file = join(outDir, 'config.json');
    writeFileSync(file, JSON.stringify(EMULATOR_CONFIG));
    expect(previewSecurityHeaders({ outDir, publicDir })['Content-Security-Policy']).toContain(
      'http://127.0.0.1:4599',
    );
    writeFileSync(
      file,
      JSON.stringify({ ...EMULATOR_CONFIG, lambdaEndpoint: 'http://127.0.0.1:5000' }),
    );
    expect(previewSecurityHeaders({ outDir, publicDir })['Content-Security-Policy']).toContain(
      'http://127.0.0.1:5000',
    );
  });

  it('names the file when it is not JSON', () => {
    const { outDir, publicDir } = tempDirs();
    writeFileSync(join(outDir, 'config.json'), '{ region: us-east-1 }');
    expect(() => previewSecurityHeaders({ outDir, publicDir })).toThrow(
      /config\.json is not valid JSON/,
    );
  });
});

describe('vite preview with the project vite.config.ts', () => {
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  let server: PreviewServer | undefined;
  const savedEnv = { config: process.env.ESM_CONSOLE_CONFIG, csp: process.env.ESM_CONSOLE_CSP };

  afterEach(async () => {
    await server?.close();
    server = undefined;
    process.env.ESM_CONSOLE_CONFIG = savedEnv.config;
    process.env.ESM_CONSOLE_CSP = savedEnv.csp;
    if (savedEnv.config === undefined) delete process.env.ESM_CONSOLE_CONFIG;
    if (savedEnv.csp === undefined) delete process.env.ESM_CONSOLE_CSP;
  });

  async function startPreview(): Promise<string> {
    const { root, outDir } = tempDirs();
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>console</title>');
    mkdirSync(join(outDir, 'assets'));
    writeFileSync(join(outDir, 'assets', 'index-abc123.js'), 'export {};');
    const configFile = join(root, 'e2e-config.json');
    writeFileSync(configFile, JSON.stringify(EMULATOR_CONFIG));
    process.env.ESM_CONSOLE_CONFIG = configFile;
    server = await preview({
      root: repoRoot,
      configFile: join(repoRoot, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir },
      preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    });
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('vite preview did not report a URL');
    return url;
  }

  it('serves deep links and config.json under the CSP computed from ESM_CONSOLE_CONFIG', async () => {
    delete process.env.ESM_CONSOLE_CSP;
    const base = await startPreview();
    const expectedCsp = buildContentSecurityPolicy({
      regions: ['us-east-1'],
      extraConnectSrc: ['http://127.0.0.1:4599'],
    });
    for (const path of ['mappings/abc', 'config.json']) {
      const response = await fetch(new URL(path, base));
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy'), path).toBe(expectedCsp);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('sends Cache-Control: no-store for the pages and config.json, not for hashed assets', async () => {
    delete process.env.ESM_CONSOLE_CSP;
    const base = await startPreview();
    for (const path of ['', 'index.html', 'mappings/abc', 'config.json']) {
      const response = await fetch(new URL(path, base));
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
    const asset = await fetch(new URL('assets/index-abc123.js', base));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).not.toBe('no-store');
  });

  it('sends no CSP when ESM_CONSOLE_CSP=off', async () => {
    process.env.ESM_CONSOLE_CSP = 'off';
    const base = await startPreview();
    const response = await fetch(new URL('mappings/abc', base));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});
