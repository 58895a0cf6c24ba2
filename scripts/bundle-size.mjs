// What the browser downloads to show the first route (`/`, the mappings list) of a production
// build, gzip -9 per file:
//   - the files index.html names: the entry <script>, its <link rel="modulepreload"> (the static
//     imports) and <link rel="stylesheet">;
//   - the chunks loaded with import() before the first row is shown, when the build has a Vite
//     manifest (`vite build --manifest`, .vite/manifest.json): the route module of `/` and the
//     credential provider's Cognito client, each with its static imports and CSS.
//
//   node scripts/bundle-size.mjs [dist] [--start <module>]... [--json] [--by-package [N]]
//
// `--start` replaces the default list of start-up modules (manifest keys, or their ends).
// Without a manifest only index.html's files are counted, and the output says so.
// `--by-package` splits the first route's JS gzip by package (top N, default 15) from the
// build's module report: `ESM_CONSOLE_MODULE_REPORT=1 npx vite build --manifest --outDir <dir>`
// writes `.vite/modules.json` (vite.config.ts, moduleReport).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * Modules a visit to `/` loads with import() at start-up (ends of manifest keys): the list route
 * and the lazily imported Cognito Identity client of fromCognitoIdentityPool
 * (@aws-sdk/credential-providers → @aws-sdk/credential-provider-cognito-identity),
 * which the first credential fetch (before the first render) needs.
 */
export const DEFAULT_START_MODULES = [
  'src/app/routes/mappings.tsx',
  '@aws-sdk/credential-provider-cognito-identity/dist-es/loadCognitoIdentity.js',
];

const TAG = /<(script|link)\b[^>]*>/gi;
const attribute = (tag, name) =>
  new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(2)
    .find((value) => value !== undefined);

/**
 * The JS and CSS files index.html makes the browser fetch, as written in the tags.
 * @param html the contents of index.html.
 * @returns `{ js, css }`: URLs (e.g. `/assets/index-abc.js`) in document order.
 */
export function filesOfIndexHtml(html) {
  const js = [];
  const css = [];
  for (const [tag, name] of html.matchAll(TAG)) {
    if (name.toLowerCase() === 'script') {
      const src = attribute(tag, 'src');
      if (src) js.push(src);
      continue;
    }
    const rel = attribute(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = attribute(tag, 'href');
    if (!href) continue;
    if (rel.includes('modulepreload')) js.push(href);
    else if (rel.includes('stylesheet')) css.push(href);
  }
  return { js, css };
}

/** A URL of index.html (`/assets/x.js`, `./assets/x.js`, `/base/assets/x.js`) as a dist path. */
function distPath(dir, url) {
  const path = url.split(/[?#]/)[0].replace(/^(\.?\/)+/, '');
  const segments = path.split('/');
  // A non-root base (`/console/assets/x.js`): drop leading segments until the file exists.
  for (let i = 0; i < segments.length; i += 1) {
    const candidate = join(dir, ...segments.slice(i));
    if (existsSync(candidate)) return relative(dir, candidate);
  }
  throw new Error(`index.html names ${url}, which is not in ${dir}`);
}

function readManifest(dir) {
  const file = join(dir, '.vite', 'manifest.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/**
 * Adds a manifest chunk's file, its static imports (transitively) and their CSS.
 * @param manifest Vite's manifest.
 * @param key a manifest key.
 * @param files `{ js: Set, css: Set }` of dist paths, extended in place.
 */
function addChunk(manifest, key, files, seen = new Set()) {
  if (seen.has(key)) return;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) return;
  if (chunk.file.endsWith('.js')) files.js.add(chunk.file);
  for (const css of chunk.css ?? []) files.css.add(css);
  for (const imported of chunk.imports ?? []) addChunk(manifest, imported, files, seen);
}

function measure(dir, paths) {
  const list = [...paths].map((path) => {
    const bytes = readFileSync(join(dir, path));
    return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return {
    raw: list.reduce((sum, file) => sum + file.raw, 0),
    gzip: list.reduce((sum, file) => sum + file.gzip, 0),
    files: list,
  };
}

/**
 * Sizes of what the browser downloads for the first route of a build.
 * @param dir the build directory (with index.html; `.vite/manifest.json` for lazy chunks).
 * @param options.startModules modules loaded with import() at start-up, as manifest keys or
 *   their ends (default {@link DEFAULT_START_MODULES}); ignored without a manifest.
 * @returns `{ js, css, html, manifest, startModules }`: `js` and `css` are `{ raw, gzip, files }`
 *   in bytes (gzip -9 of each file, summed) for everything loaded for `/`; `html` the same for
 *   index.html's files only; `manifest` whether a manifest was found; `startModules` the
 *   manifest keys found for the start-up modules (an eager module has none: it is in the entry).
 * @throws Error when index.html is missing or names a file that is not in `dir`.
 */
export function firstRouteSize(dir, { startModules = DEFAULT_START_MODULES } = {}) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const tags = filesOfIndexHtml(html);
  const htmlFiles = {
    js: new Set(tags.js.map((url) => distPath(dir, url))),
    css: new Set(tags.css.map((url) => distPath(dir, url))),
  };
  const files = { js: new Set(htmlFiles.js), css: new Set(htmlFiles.css) };
  const manifest = readManifest(dir);
  const found = [];
  if (manifest) {
    const keys = Object.keys(manifest);
    for (const module of startModules) {
      const key = keys.find((k) => k === module || k.endsWith(`/${module}`));
      if (!key) continue;
      found.push(key);
      addChunk(manifest, key, files);
    }
  }
  return {
    js: measure(dir, files.js),
    css: measure(dir, files.css),
    html: { js: measure(dir, htmlFiles.js), css: measure(dir, htmlFiles.css) },
    manifest: Boolean(manifest),
    startModules: found,
  };
}

/**
 * The package (`react-dom`, `@aws-sdk/core`; a Cloudscape component as
 * `@cloudscape-design/components/<component>`) or project directory of a module report name.
 * @param name a key of `.vite/modules.json`, e.g. `node_modules/react-dom/cjs/x.js` or `src/lib/x.ts`.
 */
export function packageOf(name) {
  const inPackage = /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/([^/]+))?/.exec(name);
  if (!inPackage) return name.split('/').slice(0, 3).join('/');
  const [, pkg, first] = inPackage;
  return pkg === '@cloudscape-design/components' && first ? `${pkg}/${first}` : pkg;
}

/**
 * The first route's JS gzip by package: each file's gzip split among its modules in proportion to
 * their own gzip size (an estimate: gzip of a whole file is less than the sum of its parts).
 * @param dir the build directory, with `.vite/modules.json` (see the command line above).
 * @param files the first route's JS files (dist paths, `firstRouteSize(dir).js.files`).
 * @returns `[package, bytes]` pairs, largest first.
 * @throws Error when the build has no module report.
 */
export function gzipByPackage(dir, files) {
  const reportFile = join(dir, '.vite', 'modules.json');
  if (!existsSync(reportFile)) {
    throw new Error(`${reportFile} is missing: build with ESM_CONSOLE_MODULE_REPORT=1`);
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const totals = new Map();
  for (const { path, gzip } of files) {
    const modules = Object.entries(report[path] ?? {});
    const sum = modules.reduce((total, [, size]) => total + size.gzip, 0);
    for (const [name, size] of modules) {
      const pkg = packageOf(name);
      totals.set(pkg, (totals.get(pkg) ?? 0) + (sum ? (size.gzip / sum) * gzip : 0));
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** Prints {@link firstRouteSize} of a build directory (the command line above). */
function main(argv) {
  const args = [...argv];
  const json = args.includes('--json');
  const startModules = [];
  const positional = [];
  let byPackage = 0;
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--json') continue;
    if (args[i] === '--start') startModules.push(args[(i += 1)]);
    else if (args[i] === '--by-package') {
      byPackage = /^\d+$/.test(args[i + 1] ?? '') ? Number(args[(i += 1)]) : 15;
    } else positional.push(args[i]);
  }
  const dir = resolve(positional[0] ?? 'dist');
  const size = firstRouteSize(dir, startModules.length ? { startModules } : undefined);
  if (json) {
    console.log(JSON.stringify(size, null, 2));
    return;
  }
  const what = startModules.length ? `entry + ${startModules.join(' + ')}` : 'first route (/)';
  console.log(`${what} of ${relative(process.cwd(), dir) || '.'}:`);
  console.log(
    `  JS:  ${kB(size.js.gzip)} gzip (${kB(size.js.raw)} raw), ${size.js.files.length} files`,
  );
  console.log(
    `  CSS: ${kB(size.css.gzip)} gzip (${kB(size.css.raw)} raw), ${size.css.files.length} files`,
  );
  console.log(
    `  of which index.html's: JS ${kB(size.html.js.gzip)} gzip, CSS ${kB(size.html.css.gzip)} gzip`,
  );
  if (!size.manifest) {
    console.log(
      '  (no .vite/manifest.json: chunks imported at start-up are not counted; build with --manifest)',
    );
  } else {
    console.log(`  loaded at start-up with import(): ${size.startModules.join(', ') || 'none'}`);
  }
  for (const file of [...size.js.files, ...size.css.files].sort((a, b) => b.gzip - a.gzip)) {
    console.log(`    ${kB(file.gzip).padStart(9)}  ${file.path}`);
  }
  if (byPackage) {
    console.log(`  JS gzip by package (estimated, top ${byPackage}):`);
    for (const [pkg, bytes] of gzipByPackage(dir, size.js.files).slice(0, byPackage)) {
      console.log(`    ${kB(bytes).padStart(9)}  ${pkg}`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
