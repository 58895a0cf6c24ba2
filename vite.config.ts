import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { gzipSync } from 'node:zlib';
import { join, posix, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rollup } from 'vite';
import {
  previewCacheControl,
  previewSecurityHeaders,
} from './infra/lib/preview-security-headers.ts';

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

/**
 * `vite preview` sends the deployed site's security headers: the Content-Security-Policy that
 * CloudFront sends (infra/lib/content-security-policy.ts), with connect-src computed from the
 * runtime config being served (`ESM_CONSOLE_CONFIG`, else dist/ or public/ config.json), so the
 * e2e suite runs under production's policy. `ESM_CONSOLE_CSP=off` turns it off. If the policy
 * cannot be computed, every response is a 500 naming the problem (never a silent no-CSP). Pages
 * and config.json are sent with `Cache-Control: no-store` like the deployed site
 * (`previewCacheControl`), whatever `ESM_CONSOLE_CSP` says.
 */
function previewSecurityHeadersPlugin(): Plugin {
  return {
    name: 'preview-security-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const cacheControl = previewCacheControl(req.url?.split('?')[0] ?? '/');
        if (cacheControl) {
          res.setHeader('Cache-Control', cacheControl);
          // Vite's HTML sender sets its own `no-cache` later; this response keeps ours.
          const setHeader = res.setHeader.bind(res);
          res.setHeader = (name, value) =>
            name.toLowerCase() === 'cache-control' ? res : setHeader(name, value);
        }
        next();
      });
      if (process.env.ESM_CONSOLE_CSP === 'off') return;
      const location = {
        configFile: process.env.ESM_CONSOLE_CONFIG,
        outDir: resolve(server.config.root, server.config.build.outDir),
        publicDir: server.config.publicDir,
      };
      server.middlewares.use((_req, res, next) => {
        let headers: Record<string, string>;
        try {
          headers = previewSecurityHeaders(location);
        } catch (error) {
          res.statusCode = 500;
          res.end(`preview-security-headers: ${error instanceof Error ? error.message : error}`);
          return;
        }
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        next();
      });
    },
  };
}

/**
 * Cloudscape's `AppLayout` chooses one of three layouts at render time
 * (`app-layout/internal.js`): classic (only without visual refresh), visual refresh, and the
 * "toolbar" layout (visual refresh plus the global flag `appLayoutWidget`/`appLayoutToolbar`,
 * which only AWS's own consoles set). This package build always renders visual refresh
 * (`internal/environment.js`: `ALWAYS_VISUAL_REFRESH = true`) and the console sets no global
 * flags, so the classic and toolbar layouts (~170 kB of JS before minification, with their CSS)
 * never render; a runtime branch cannot be tree-shaken, so in production builds this plugin
 * replaces `internal.js` with the branch that runs. The build fails if either assumption no
 * longer holds (a Cloudscape upgrade that changes them), rather than rendering another layout.
 */
function cloudscapeVisualRefreshAppLayout(): Plugin {
  const internal = /[\\/]@cloudscape-design[\\/]components[\\/]app-layout[\\/]internal\.js$/;
  const expected = [
    "import ClassicAppLayout from './classic';",
    "import ToolbarAppLayout from './visual-refresh-toolbar';",
    "import RefreshedAppLayout from './visual-refresh';",
    'if (isRefresh) {',
    'if (isToolbar) {',
  ];
  return {
    name: 'cloudscape-visual-refresh-app-layout',
    apply: 'build',
    transform: {
      filter: { id: internal },
      handler(code, id) {
        const environment = readFileSync(resolve(id, '../../internal/environment.js'), 'utf8');
        const missing = expected.filter((line) => !code.includes(line));
        if (!/ALWAYS_VISUAL_REFRESH = true;/.test(environment) || missing.length > 0) {
          this.error(
            `${id} is not the AppLayout switch this plugin was written for (Cloudscape ` +
              `upgraded?): ${missing.length > 0 ? `missing ${missing.join(' ')}` : 'visual refresh is not always on'}`,
          );
        }
        return {
          code: [
            "import React from 'react';",
            "import RefreshedAppLayout from './visual-refresh';",
            'export const AppLayoutInternal = React.forwardRef((props, ref) =>',
            '  React.createElement(RefreshedAppLayout, { ref, ...props }),',
            ');',
          ].join('\n'),
          map: null,
        };
      },
    },
  };
}

/**
 * Weights and styles of Open Sans that the first page renders (read from `document.fonts` on `/`
 * and `/mappings/new`: body text, bold headings and labels, italic placeholders); index.html
 * preloads these so text does not wait for its font.
 */
const PRELOADED_FONT_FACES = ['400-normal', '700-normal', '400-italic'];

/**
 * Cloudscape's global styles embed Open Sans as eight base64 `data:` woff2 fonts (about 140 kB of
 * the stylesheet's gzip), which every visitor downloads with the CSS, used or not. In production
 * builds this plugin writes each one out as an asset (`assets/open-sans-<weight>-<style>-<hash>.woff2`,
 * cached like the other hashed assets), points the `@font-face` at it, and preloads
 * {@link PRELOADED_FONT_FACES} from index.html, so the browser fetches the three faces the
 * console shows in parallel with the scripts and the others only if a page uses them. Same fonts,
 * same CSS otherwise; CSP `font-src 'self'` covers them (infra/lib/content-security-policy.ts).
 */
function cloudscapeFontFiles(): Plugin {
  const FONT_FACE = /@font-face\s*\{[^}]*\}/g;
  const DATA_WOFF2 = /url\((['"]?)data:font\/woff2;base64,([A-Za-z0-9+/=]+)\1\)/;
  let base = '/';
  const preload: string[] = [];
  // Before `</head>`, indented like it.
  const withPreloads = (html: string) =>
    html.replace(/([ \t]*)<\/head>/, (end, indent: string) => {
      const links = preload.map(
        (file) =>
          `${indent}  <link rel="preload" href="${base}${file}" as="font" type="font/woff2" crossorigin>\n`,
      );
      return `${links.join('')}${end}`;
    });
  return {
    name: 'cloudscape-font-files',
    apply: 'build',
    configResolved: (config) => void (base = config.base),
    generateBundle(_options, bundle) {
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !asset.fileName.endsWith('.css')) continue;
        const css = asset.source.toString();
        if (!css.includes('data:font/woff2')) continue;
        asset.source = css.replace(FONT_FACE, (face) => {
          const data = DATA_WOFF2.exec(face);
          if (!data) return face;
          const weight = /font-weight:\s*(\d+)/.exec(face)?.[1] ?? 'normal';
          const style = /font-style:\s*(\w+)/.exec(face)?.[1] ?? 'normal';
          const fileName = this.getFileName(
            this.emitFile({
              type: 'asset',
              name: `open-sans-${weight}-${style}.woff2`,
              source: Buffer.from(data[2] ?? '', 'base64'),
            }),
          );
          if (PRELOADED_FONT_FACES.includes(`${weight}-${style}`)) preload.push(fileName);
          return face.replace(
            data[0],
            `url(${posix.relative(posix.dirname(asset.fileName), fileName)})`,
          );
        });
      }
      // index.html is written after this hook (vite:build-html); if it is already there, patch it.
      const html = bundle['index.html'];
      if (html?.type === 'asset') {
        html.source = withPreloads(html.source.toString());
        preload.length = 0;
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler: withPreloads,
    },
  };
}

/**
 * The Lambda client's browser defaults build an event-stream marshaller when the client is
 * created (`runtimeConfig.browser.js`: `eventStreamSerdeProvider`), which puts Smithy's
 * event-stream codec in the start-up download, although only InvokeWithResponseStream uses it
 * and the console never calls it. Without a marshaller in the config, the SDK's schema-based
 * protocol imports `@smithy/core/event-streams` itself the first time a response is an event
 * stream (`HttpProtocol.loadEventStreamCapability` → `resolveEventStreamMarshaller`), so in
 * production builds this plugin makes the default provider return none: event streams still
 * work, loaded on demand (checked with a stubbed InvokeWithResponseStream response). The client
 * (`LambdaClient.js`) also imports `resolveEventStreamSerdeConfig` through that module's index,
 * which puts every file the index re-exports in the start-up graph (and, with the `app` chunk
 * group below, in the start-up chunk); this plugin imports it from its own file instead. The
 * build fails if the SDK's files no longer have the lines it replaces.
 */
function lambdaClientLazyEventStreams(): Plugin {
  const runtimeConfig =
    /[\\/]@aws-sdk[\\/]client-lambda[\\/]dist-es[\\/]runtimeConfig\.browser\.js$/;
  const client = /[\\/]@aws-sdk[\\/]client-lambda[\\/]dist-es[\\/]LambdaClient\.js$/;
  const importLine = 'import { eventStreamSerdeProvider } from "@smithy/core/event-streams";';
  const defaultLine = 'config?.eventStreamSerdeProvider ?? eventStreamSerdeProvider';
  const resolverImport =
    'import { resolveEventStreamSerdeConfig, } from "@smithy/core/event-streams";';
  const resolverExport =
    'export { resolveEventStreamSerdeConfig } from "./eventstream-serde-config-resolver/EventStreamSerdeConfig";';
  return {
    name: 'lambda-client-lazy-event-streams',
    apply: 'build',
    transform: {
      filter: { id: [runtimeConfig, client] },
      async handler(code, id) {
        if (client.test(id)) {
          // The client's one static use of the event-stream module, its config resolver, is
          // imported from its own file: through the module's index, the whole codec was part of
          // the start-up chunk (everything the index re-exports is in the static graph).
          const index = await this.resolve('@smithy/core/event-streams', id);
          const file =
            index &&
            resolve(index.id, '../eventstream-serde-config-resolver/EventStreamSerdeConfig.js');
          if (
            !code.includes(resolverImport) ||
            !index ||
            !file ||
            !existsSync(file) ||
            !readFileSync(index.id, 'utf8').includes(resolverExport)
          ) {
            this.error(
              `${id} does not import resolveEventStreamSerdeConfig as this plugin expects`,
            );
          }
          return {
            code: code.replace(
              resolverImport,
              `import { resolveEventStreamSerdeConfig } from ${JSON.stringify(file)};`,
            ),
            map: null,
          };
        }
        if (!code.includes(importLine) || !code.includes(defaultLine)) {
          this.error(`${id} does not have the event-stream default this plugin replaces`);
        }
        return {
          code: code
            .replace(importLine, '')
            .replace(defaultLine, 'config?.eventStreamSerdeProvider ?? (() => undefined)'),
          map: null,
        };
      },
    },
  };
}

/**
 * Cloudscape's English messages (`i18n/messages/all.en`, given to the I18nProvider in
 * src/app/provider.tsx) hold the strings of every Cloudscape component, about half of them for
 * components the console never renders (charts, code editor, file upload, wizard…). In
 * production builds this plugin keeps the namespaces that the bundled Cloudscape modules ask
 * for (`useInternalI18n('<component>')` in their code, lazy pages included), so every string a
 * rendered component looks up is still there. If a module asks with a computed name, all
 * messages are kept. The subset replaces a placeholder when the chunks are rendered, after the
 * module graph is complete.
 */
function cloudscapeMessagesSubset(): Plugin {
  const messagesModule =
    /[\\/]@cloudscape-design[\\/]components[\\/]i18n[\\/]messages[\\/]all\.en\.js$/;
  const placeholder = '__CLOUDSCAPE_EN_MESSAGES_SUBSET__';
  const lookup = /useInternalI18n\(([^)]*)\)/g;
  let messagesFile: string | undefined;
  return {
    name: 'cloudscape-messages-subset',
    apply: 'build',
    transform: {
      filter: { id: messagesModule },
      handler(_code, id) {
        messagesFile = id.replace(/\.js$/, '.json');
        return { code: `export default JSON.parse(${JSON.stringify(placeholder)});`, map: null };
      },
    },
    renderChunk(code) {
      if (!code.includes(placeholder) || !messagesFile) return null;
      const namespaces = new Set<string>();
      let computed = false;
      for (const id of this.getModuleIds()) {
        if (!/[\\/]@cloudscape-design[\\/]components[\\/]/.test(id)) continue;
        if (/[\\/]i18n[\\/]context\.js$/.test(id)) continue; // the hook's own definition
        for (const [, argument = ''] of this.getModuleInfo(id)?.code?.matchAll(lookup) ?? []) {
          const literal = /^\s*(['"])([^'"]+)\1\s*$/.exec(argument);
          if (literal?.[2]) namespaces.add(literal[2]);
          else computed = true;
        }
      }
      const all = JSON.parse(readFileSync(messagesFile, 'utf8')) as Record<
        string,
        Record<string, Record<string, unknown>>
      >;
      const subset = computed
        ? all
        : Object.fromEntries(
            Object.entries(all).map(([pkg, locales]) => [
              pkg,
              Object.fromEntries(
                Object.entries(locales).map(([locale, components]) => [
                  locale,
                  Object.fromEntries(
                    Object.entries(components).filter(([name]) => namespaces.has(name)),
                  ),
                ]),
              ),
            ]),
          );
      const literal = new RegExp(`(["'\`])${placeholder}\\1`);
      if (!literal.test(code)) this.error(`the ${placeholder} string is not intact in the chunk`);
      return {
        code: code.replace(literal, () => JSON.stringify(JSON.stringify(subset))),
        map: null,
      };
    },
  };
}

/** The `.js`, `.ts` and `.tsx` files under a directory, recursively (`node_modules` skipped). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(js|mjs|ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Cloudscape's icon set (`icon/generated/icons.js`, 143 SVGs as React elements) is one object, kept
 * whole by any Icon, although a component names its icon with a string literal (`iconName="refresh"`,
 * `typeToIcon = { error: 'status-negative', … }`). In production builds this plugin keeps the icons
 * whose name is written as a string literal somewhere in Cloudscape's packages (every component,
 * bundled or not) or in the console's `src/` (about 60): every name that can reach an Icon. Names
 * built at run time (a template) would be missed: neither Cloudscape 3.0 nor the console does
 * that (checked when this was written); a name not kept renders no icon. The build fails if the
 * file no longer has the shape this plugin parses.
 */
function cloudscapeIconsSubset(): Plugin {
  const iconsModule =
    /[\\/]@cloudscape-design[\\/]components[\\/]icon[\\/]generated[\\/]icons\.js$/;
  let root = '';
  return {
    name: 'cloudscape-icons-subset',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transform: {
      filter: { id: iconsModule },
      handler(code, id) {
        const head = 'const icons = {\n';
        const tail = '\n};\nexport default icons;';
        const start = code.indexOf(head);
        const end = code.lastIndexOf(tail);
        if (start === -1 || end === -1) this.error(`${id} does not hold \`const icons = {…}\``);
        // One entry per icon: `    "name": React.createElement("svg", …),` over one or more lines.
        const entries = code.slice(start + head.length, end).split(/\n(?= {4}"[a-z0-9-]+": )/);
        const named = entries.map((entry) => ({
          entry,
          name: /^ {4}"([a-z0-9-]+)": /.exec(entry)?.[1],
        }));
        if (named.some((e) => !e.name) || named.length < 100) {
          this.error(`${id} does not list its icons as this plugin expects`);
        }
        const packages = resolve(id, '../../../..');
        const text = [...sourceFiles(packages), ...sourceFiles(join(root, 'src'))]
          .filter((file) => !iconsModule.test(file))
          .map((file) => readFileSync(file, 'utf8'))
          .join('\n');
        const literals = new Set([...text.matchAll(/["'`]([a-z0-9-]+)["'`]/g)].map((m) => m[1]));
        const kept = named
          .filter((e) => e.name && literals.has(e.name))
          .map((e) => e.entry.replace(/,\s*$/, ''));
        return {
          code: `${code.slice(0, start + head.length)}${kept.join(',\n')}${code.slice(end)}`,
          map: null,
        };
      },
    },
  };
}

/**
 * The AWS SDK's browser runtime configs import their whole `package.json` for one field, the
 * version in the User-Agent (`packageInfo.version`, the only member the SDK's `dist-es` code
 * reads). In production builds this plugin reduces each `@aws-sdk/*` package.json that is
 * bundled to `{ "version" }`, leaving out its scripts, dependencies and file lists.
 */
function awsSdkPackageVersionOnly(): Plugin {
  return {
    name: 'aws-sdk-package-version-only',
    apply: 'build',
    enforce: 'pre',
    transform: {
      filter: { id: /[\\/]node_modules[\\/]@aws-sdk[\\/][^\\/]+[\\/]package\.json$/ },
      handler(code, id) {
        const { version } = JSON.parse(code) as { version?: unknown };
        if (typeof version !== 'string') this.error(`${id} has no version`);
        return { code: JSON.stringify({ version }), map: null };
      },
    },
  };
}

/**
 * Milliseconds after a Cloudscape module is loaded before the part of it made lazy by
 * {@link lazyComponentCode} is fetched (see {@link cloudscapeLazyContentDisplay},
 * {@link cloudscapeLazyTokenEditor}, {@link cloudscapeLazyPropertyEditor}); as the root route's
 * preload of the other pages.
 */
const CLOUDSCAPE_LAZY_PRELOAD_MS = 3000;

/**
 * Code that defines `name` as a component rendering the export `pick` of `specifier`, imported
 * dynamically: fetched {@link CLOUDSCAPE_LAZY_PRELOAD_MS} after the module that holds this code is
 * evaluated, or when the component first renders, whichever is first. Until it has arrived the
 * component renders nothing and then the export, by a state update of its own (not Suspense, whose
 * retry React puts behind the list's updates while it loads, up to seconds). A failed download is
 * thrown to the error boundary when it renders (a failed preload is tried again on render). The
 * module must import React as its default import.
 * @param name the identifier the module's code uses for the component.
 * @param specifier the module's own import specifier, e.g. `'./content-display'`.
 * @param pick the export, e.g. `default`.
 */
function lazyComponentCode(name: string, specifier: string, pick: string): string {
  const loaded = `Loaded${name}`;
  const loading = `loading${name}`;
  const load = `load${name}`;
  return [
    `let ${loaded};`,
    `let ${loading};`,
    `const ${load} = () =>`,
    `  (${loading} ??= import(${JSON.stringify(specifier)}).then(`,
    `    (module) => (${loaded} = module.${pick}),`,
    `    (error) => { ${loading} = undefined; throw error; }));`,
    `setTimeout(() => ${load}().catch(() => undefined), ${CLOUDSCAPE_LAZY_PRELOAD_MS});`,
    `function ${name}(props) {`,
    `  const [Component, setComponent] = React.useState(() => ${loaded});`,
    '  React.useEffect(() => {',
    '    if (Component) return;',
    `    ${load}().then(`,
    '      (loaded) => setComponent(() => loaded),',
    '      (error) => setComponent(() => () => { throw error; }),',
    '    );',
    '  }, [Component]);',
    '  return Component ? React.createElement(Component, props) : null;',
    '}',
  ].join('\n');
}

/**
 * Cloudscape's CollectionPreferences renders its "Content display" preference (the column list
 * with drag-and-drop reordering: `collection-preferences/content-display`, the sortable area and
 * @dnd-kit, about 20 kB gzip) only inside its modal, which opens on the gear button. In
 * production builds this plugin makes that import a dynamic one ({@link lazyComponentCode}): the
 * table's first paint does not download it, and it is fetched {@link CLOUDSCAPE_LAZY_PRELOAD_MS}
 * after the preferences module loads, so the modal renders it at once as before. Opened before
 * then, the modal shows the other preferences at once and the column list when its code arrives.
 * The build fails if the file no longer has the import it replaces (a Cloudscape upgrade).
 */
function cloudscapeLazyContentDisplay(): Plugin {
  const preferences =
    /[\\/]@cloudscape-design[\\/]components[\\/]collection-preferences[\\/]index\.js$/;
  const importLine = "import ContentDisplayPreference from './content-display';";
  return {
    name: 'cloudscape-lazy-content-display',
    apply: 'build',
    transform: {
      filter: { id: preferences },
      handler(code, id) {
        if (!code.includes(importLine) || !/^import React\b/m.test(code)) {
          this.error(`${id} does not import ./content-display as this plugin expects`);
        }
        const lazy = lazyComponentCode('ContentDisplayPreference', './content-display', 'default');
        return { code: code.replace(importLine, lazy), map: null };
      },
    },
  };
}

/**
 * Cloudscape's PropertyFilter renders a token's editor (`property-filter/token-editor`: the
 * property, operator and value inputs, with Autosuggest, Multiselect and TokenGroup, about 5 kB
 * gzip) only in the popover that opens when the token is clicked. In production builds this
 * plugin makes token.js's import of it a dynamic one ({@link lazyComponentCode}): the list's
 * first paint does not download it, and it is fetched {@link CLOUDSCAPE_LAZY_PRELOAD_MS} after the
 * property filter's module loads, before a token can be clicked in practice. A popover opened
 * before then shows its header and the editor when its code arrives. The build fails if token.js
 * no longer has the import it replaces (a Cloudscape upgrade).
 */
function cloudscapeLazyTokenEditor(): Plugin {
  const token = /[\\/]@cloudscape-design[\\/]components[\\/]property-filter[\\/]token\.js$/;
  const importLine = "import { TokenEditor } from './token-editor';";
  return {
    name: 'cloudscape-lazy-token-editor',
    apply: 'build',
    transform: {
      filter: { id: token },
      handler(code, id) {
        if (!code.includes(importLine) || !/^import React\b/m.test(code)) {
          this.error(`${id} does not import ./token-editor as this plugin expects`);
        }
        const lazy = lazyComponentCode('TokenEditor', './token-editor', 'TokenEditor');
        return { code: code.replace(importLine, lazy), map: null };
      },
    },
  };
}

/**
 * Cloudscape's PropertyFilter shows its property editor (`property-filter/property-editor`: the
 * value list of an `enum` token type or a property's custom form, with an embedded Multiselect,
 * about 2 kB gzip) in the filter's dropdown only for a property whose operator has such a form or
 * token type; the console's properties have neither (`MAPPING_FILTERING_PROPERTIES`). In
 * production builds this plugin makes internal.js's import of its three parts a dynamic one
 * ({@link lazyComponentCode}), fetched {@link CLOUDSCAPE_LAZY_PRELOAD_MS} after the property
 * filter's module loads. The build fails if internal.js no longer has the import it replaces.
 */
function cloudscapeLazyPropertyEditor(): Plugin {
  const internal = /[\\/]@cloudscape-design[\\/]components[\\/]property-filter[\\/]internal\.js$/;
  const parts = [
    'PropertyEditorContentCustom',
    'PropertyEditorContentEnum',
    'PropertyEditorFooter',
  ];
  const importLine = `import { ${parts.join(', ')} } from './property-editor';`;
  return {
    name: 'cloudscape-lazy-property-editor',
    apply: 'build',
    transform: {
      filter: { id: internal },
      handler(code, id) {
        if (!code.includes(importLine) || !/^import React\b/m.test(code)) {
          this.error(`${id} does not import ./property-editor as this plugin expects`);
        }
        const lazy = parts.map((part) => lazyComponentCode(part, './property-editor', part));
        return { code: code.replace(importLine, lazy.join('\n')), map: null };
      },
    },
  };
}

/**
 * React Router 7 ships a production build (`dist/production`, without its development warnings:
 * `ENABLE_DEV_WARNINGS = false`, the only difference) but its package exports name only
 * `dist/development`, whatever the mode. In production builds this plugin resolves `react-router`
 * and `react-router/dom` to the production files next to the development ones; the build fails if
 * they are missing.
 */
function reactRouterProductionBuild(): Plugin {
  const development = /[\\/]react-router[\\/]dist[\\/]development[\\/]/;
  return {
    name: 'react-router-production-build',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source !== 'react-router' && source !== 'react-router/dom') return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !development.test(resolved.id)) return resolved;
      const production = resolved.id.replace(development, (match) =>
        match.replace('development', 'production'),
      );
      if (!existsSync(production)) this.error(`${production} (for ${source}) does not exist`);
      return { ...resolved, id: production };
    },
  };
}

/**
 * With `ESM_CONSOLE_MODULE_REPORT=1`, a production build also writes `.vite/modules.json`: for each
 * JS chunk, the modules in it (paths relative to the project, `node_modules/...` for packages) with
 * their code's size in bytes, raw and gzip -9 each, as rolldown rendered them before minification.
 * `scripts/bundle-size.mjs --by-package` reads it to split the first route's gzip by package.
 * Without the variable nothing is written (the deployed dist/ has no such file).
 */
function moduleReport(): Plugin {
  let root = '';
  return {
    name: 'module-report',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      if (process.env.ESM_CONSOLE_MODULE_REPORT !== '1') return;
      const report: Record<string, Record<string, { raw: number; gzip: number }>> = {};
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        report[file] = Object.fromEntries(
          Object.entries(chunk.modules).map(([id, module]) => {
            const code = module.code ?? '';
            const name = id.includes('/node_modules/')
              ? `node_modules/${id.split('/node_modules/').at(-1)}`
              : posix.relative(root, id.replace(/\\/g, '/'));
            return [name, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length }];
          }),
        );
      }
      this.emitFile({
        type: 'asset',
        fileName: '.vite/modules.json',
        source: `${JSON.stringify(report, null, 1)}\n`,
      });
    },
  };
}

/**
 * How the list route (`src/app/routes/mappings.tsx`, the first route) is split into chunks. By
 * default rolldown gives each set of importers its own chunk, so the modules the route imports
 * statically (outside the app chunk) were spread over twenty-odd files for `/`, each compressed on
 * its own and with its own stylesheet. This plugin sorts them into three sets, one chunk each:
 * - `shared` (`list-shared`): what another page or the frame can also load (a mapping's page, the
 *   code-export dialog, the Flashbar…): Table, Modal, the queries…;
 * - `formsShared` (`list-forms-shared`): what only the create and edit forms load too (Select,
 *   Autosuggest…), so that a mapping's page does not download it;
 * - `list`: the rest, the route's own (with what it shares only with its own lazy parts, such as
 *   the bulk-operation panel).
 * `/` then loads the app chunk and these three: 7.7 kB less JS and 4.8 kB less CSS gzip than the
 * same code in pieces. A mapping's page opened first loads 1.4 kB less JS than before, a form
 * 6 kB more (what `list-shared` holds that it does not use). The not-found page's few modules stay in
 * rolldown's own chunks. The sets are computed once the module graph is complete (`buildEnd`),
 * before chunks are made; the build fails if the list route is not loaded with import() any more.
 */
function firstRouteModules(): {
  plugin: Plugin;
  shared: ReadonlySet<string>;
  formsShared: ReadonlySet<string>;
  list: ReadonlySet<string>;
} {
  const listRoute = /[\\/]src[\\/]app[\\/]routes[\\/]mappings\.tsx$/;
  const notFoundRoute = /[\\/]src[\\/]app[\\/]routes[\\/]not-found\.tsx$/;
  const formRoute = /[\\/]src[\\/]app[\\/]routes[\\/]mapping-(new|edit)\.tsx$/;
  const shared = new Set<string>();
  const formsShared = new Set<string>();
  const list = new Set<string>();
  const plugin: Plugin = {
    name: 'first-route-modules',
    apply: 'build',
    buildEnd(error) {
      if (error) return;
      shared.clear();
      formsShared.clear();
      list.clear();
      const info = (id: string) => this.getModuleInfo(id);
      /** Modules reachable from `roots` by static imports, not entering `skip`. */
      const closure = (roots: Iterable<string>, skip: ReadonlySet<string> = new Set()) => {
        const seen = new Set<string>();
        const queue = [...roots].filter((id) => !skip.has(id));
        for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
          if (seen.has(id)) continue;
          seen.add(id);
          for (const next of info(id)?.importedIds ?? []) {
            if (!seen.has(next) && !skip.has(next)) queue.push(next);
          }
        }
        return seen;
      };
      const ids = [...this.getModuleIds()];
      const initial = closure(ids.filter((id) => info(id)?.isEntry));
      const route = ids
        .flatMap((id) => info(id)?.dynamicallyImportedIds ?? [])
        .find((id) => listRoute.test(id));
      if (!route) this.error('src/app/routes/mappings.tsx is not loaded with import() any more');
      /** What can load from `roots` (static imports, then their import()s…), without the list. */
      const loadable = (roots: readonly string[]) => {
        const found = new Set<string>();
        let next = roots.filter((id) => id !== route && !initial.has(id));
        while (next.length > 0) {
          const added = [...closure(next, initial)].filter((id) => !found.has(id));
          for (const id of added) found.add(id);
          next = added
            .flatMap((id) => info(id)?.dynamicallyImportedIds ?? [])
            .filter((id) => id !== route && !found.has(id) && !initial.has(id));
        }
        return found;
      };
      const lazyOfApp = [...initial].flatMap((id) => info(id)?.dynamicallyImportedIds ?? []);
      // What another page or the frame can load (a mapping's page, the Flashbar…), and what only
      // the create and edit forms load (Select, Autosuggest…: a mapping's page need not fetch it).
      const pages = loadable(lazyOfApp.filter((id) => !formRoute.test(id)));
      const forms = loadable(lazyOfApp.filter((id) => formRoute.test(id)));
      // The not-found page's few modules (RouterLink) stay in rolldown's own small chunks, so that
      // it does not load a shared chunk for them.
      const notFound = loadable(lazyOfApp.filter((id) => notFoundRoute.test(id)));
      for (const id of closure([route], initial)) {
        if (notFound.has(id)) continue;
        (pages.has(id) ? shared : forms.has(id) ? formsShared : list).add(id);
      }
    },
  };
  return { plugin, shared, formsShared, list };
}

const firstRoute = firstRouteModules();

/**
 * Fails a production build in which any module imports a Node built-in. Vite swaps `node:fs`,
 * `child_process`… for an empty browser stub and only warns; such an import means a Node entry
 * of a package (such as @aws-sdk/credential-providers' barrel) slipped into the console, where it
 * would throw at run time or, tree-shaken, still hide a wrong entry point.
 */
function noNodeBuiltins(): Plugin {
  const builtins = new Set(builtinModules);
  return {
    name: 'no-node-builtins',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      const name = source.startsWith('node:') ? source.slice(5) : source;
      if (source.startsWith('node:') || builtins.has(name.split('/')[0] ?? name)) {
        this.error(`${importer ?? 'the entry'} imports the Node built-in "${source}"`);
      }
      return null;
    },
  };
}

/** Modules that `fromCognitoIdentityPool` (@aws-sdk/credential-providers) loads with import(). */
const COGNITO_CLIENT_MODULES = [
  /[\\/]@aws-sdk[\\/]credential-provider-cognito-identity[\\/]dist-es[\\/]index\.js$/,
  /[\\/]@aws-sdk[\\/]credential-provider-cognito-identity[\\/]dist-es[\\/]loadCognitoIdentity\.js$/,
];

/** The list page's route module, loaded with import() by the router. */
const LIST_ROUTE_MODULE = /[\\/]src[\\/]app[\\/]routes[\\/]mappings\.tsx$/;

/**
 * What start-up requests only once the app chunk has been evaluated (about 200 ms of a 2-core
 * machine's main thread after it arrived), listed in index.html so that the browser fetches it
 * in parallel with the app chunk instead:
 *
 * - `config.json` (`<link rel="preload" as="fetch" crossorigin>`, which `loadRuntimeConfig`'s
 *   fetch then takes: same URL, CORS mode and credentials);
 * - the Cognito Identity client, which `fromCognitoIdentityPool` loads with import() when
 *   credentials are first fetched, in two chunks one after the other; every page needs it;
 * - the list page's chunks and stylesheets: the page most visits start on (`/`), and the one the
 *   others preload 3 s after start-up anyway. The stylesheets are linked, not preloaded: a preload
 *   not used within seconds makes Chromium warn on every other page, and Vite's helper takes a
 *   linked one for loaded (their class names are the list's own, so other pages are unaffected).
 *
 * Measured at 0 ms latency before this (production build, emulator, Chromium): config.json and
 * the list's chunks were requested about 330 ms after navigation, the Cognito client's chunks at
 * 500 and 540 ms, and GetId at 590 ms. The build fails if the SDK no longer loads the client
 * that way or the list route is no longer a chunk of its own.
 */
function startupPreloads(): Plugin {
  let base = '/';
  return {
    name: 'startup-preloads',
    apply: 'build',
    configResolved: (config) => void (base = config.base),
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const cognito = chunks.filter(
          (chunk) =>
            chunk.isDynamicEntry &&
            COGNITO_CLIENT_MODULES.some((module) => module.test(chunk.facadeModuleId ?? '')),
        );
        if (cognito.length !== COGNITO_CLIENT_MODULES.length) {
          throw new Error(
            `startup-preloads: expected ${COGNITO_CLIENT_MODULES.length} chunks loaded with import() for the Cognito Identity client, found ${cognito.length}`,
          );
        }
        const listRoute = chunks.find(
          (chunk) => chunk.isDynamicEntry && LIST_ROUTE_MODULE.test(chunk.facadeModuleId ?? ''),
        );
        if (!listRoute)
          throw new Error('startup-preloads: no chunk for src/app/routes/mappings.tsx');
        // What the entry loads already, and the list route's chunks with their static imports.
        const loaded = new Set<string>();
        for (const chunk of chunks.filter((c) => c.isEntry)) {
          loaded.add(chunk.fileName);
          for (const file of chunk.imports) loaded.add(file);
        }
        const list: Rollup.OutputChunk[] = [];
        const queue = [listRoute.fileName];
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
          const chunk = byFile.get(file);
          if (!chunk || loaded.has(file) || list.includes(chunk)) continue;
          list.push(chunk);
          queue.push(...chunk.imports);
        }
        const styles = [
          ...new Set(list.flatMap((chunk) => [...(chunk.viteMetadata?.importedCss ?? [])])),
        ];
        return {
          html,
          tags: [
            {
              tag: 'link',
              attrs: { rel: 'preload', href: `${base}config.json`, as: 'fetch', crossorigin: true },
            },
            ...[...cognito, ...list].map((chunk) => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${chunk.fileName}` },
            })),
            ...styles.map((file) => ({
              tag: 'link',
              attrs: { rel: 'stylesheet', crossorigin: true, href: `${base}${file}` },
            })),
          ].map((tag) => ({ ...tag, injectTo: 'head' as const })),
        };
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    noNodeBuiltins(),
    cloudscapeVisualRefreshAppLayout(),
    cloudscapeFontFiles(),
    lambdaClientLazyEventStreams(),
    cloudscapeMessagesSubset(),
    cloudscapeIconsSubset(),
    cloudscapeLazyContentDisplay(),
    cloudscapeLazyTokenEditor(),
    cloudscapeLazyPropertyEditor(),
    reactRouterProductionBuild(),
    moduleReport(),
    firstRoute.plugin,
    startupPreloads(),
    awsSdkPackageVersionOnly(),
    previewSecurityHeadersPlugin(),
    runtimeConfigOverride(),
  ],
  resolve: {
    alias: [
      // Cloudscape's I18nProvider gets only pre-compiled messages (the AST of
      // i18n/messages/all.en, src/app/provider.tsx), so intl-messageformat never parses a string
      // and its ICU parser can go: FormatJS's documented "no-parser" alias (formatjs.github.io
      // docs/guides/advanced-usage). A string message would throw instead of being formatted.
      {
        find: /^@formatjs\/icu-messageformat-parser$/,
        replacement: '@formatjs/icu-messageformat-parser/lib/no-parser.js',
      },
      // The design names @aws-sdk/credential-providers for `fromCognitoIdentityPool`. Its package
      // entry is the Node barrel (fromIni, fromProcess, fromSSO… pull node:fs and node:child_process);
      // its own `browser` map points at dist-es/index.browser.js, which this alias picks for the
      // bundle. A build that bundles a Node built-in fails (noNodeBuiltins).
      {
        find: /^@aws-sdk\/credential-providers$/,
        replacement: '@aws-sdk/credential-providers/dist-es/index.browser.js',
      },
    ],
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Every module that index.html's entry imports statically (rolldown's `$initial` tag:
          // React, the router, the frame, the SDK client, Cloudscape's shared internals…) is
          // downloaded on every visit anyway; by default rolldown spreads them over a dozen
          // chunks by which lazy pages also use them. One chunk (and one stylesheet) compresses
          // better and is one request. The pages' own code stays in their lazy chunks.
          // src/main.tsx (and index.html, which imports it) stays out of it, in the entry chunk:
          // its top-level await waits for chunks loaded with import() (the Cognito Identity
          // client), which import this one; with main.tsx inside, such an import would wait for
          // main.tsx to finish, forever (checked: the console then hangs on "Starting").
          groups: [
            {
              name: 'app',
              tags: ['$initial'],
              priority: 2,
              test: (id) => !/[\\/]src[\\/]main\.tsx$|\.html$/.test(id),
            },
            // The list route in three chunks (firstRouteModules). Without their dependencies: a
            // module of the entry's graph that the app chunk leaves out because the entry only
            // re-exports it from a barrel (react-query's useInfiniteQuery) would otherwise go into
            // `list` with the list's module that uses it, and the forms, which use it too, would
            // load `list`; rolldown gives it a chunk of its own. Each set holds the static imports
            // of its modules (but the app's), so these chunks cannot import each other in a cycle.
            {
              name: 'list-shared',
              priority: 1,
              test: (id) => firstRoute.shared.has(id),
              includeDependenciesRecursively: false,
            },
            {
              name: 'list-forms-shared',
              priority: 1,
              test: (id) => firstRoute.formsShared.has(id),
              includeDependenciesRecursively: false,
            },
            {
              name: 'list',
              test: (id) => firstRoute.list.has(id),
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
});
