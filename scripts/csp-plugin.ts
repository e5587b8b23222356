/**
 * The studio's Content-Security-Policy, and the Vite plugin that applies it in dev, preview and the
 * built site.
 *
 * - Pages get PAGE_POLICY: scripts only from the page's own origin, no inline script and no eval;
 *   `'wasm-unsafe-eval'` only because the wasm backend compiles WebAssembly; workers from self.
 * - Worker scripts get WORKER_POLICY, which adds `blob:` for scripts and workers: tfjs's threaded
 *   wasm backend starts its pthread workers from blob URLs it builds from its own bundled code, and
 *   those workers load the module the same way. A worker's policy comes from its own response, so
 *   the page's policy stays without `blob:`.
 * - Dev and preview send both as headers (chosen by the request's `Sec-Fetch-Dest`). The built
 *   site also carries PAGE_POLICY as a `<meta>` tag, for static hosts that send no headers
 *   (`frame-ancestors` cannot be set by a meta tag and is left to the header).
 * - In dev, the inline module script that React's fast refresh injects into index.html is served
 *   as a file instead, so dev runs under the same no-inline-script policy as the built site.
 *
 * Styles allow `'unsafe-inline'`: React and d3 set style attributes, Vite's dev server injects CSS
 * as `<style>` elements, and chart exports inline computed styles.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';

/** The directives every policy shares. */
const COMMON: readonly string[] = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
];

/** The policy of the studio's pages (as a header and as the built site's meta tag). */
export const PAGE_POLICY = [
  ...COMMON,
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
].join('; ');

/** The policy of the studio's worker scripts: the page's, plus blob: for tfjs's pthread workers. */
export const WORKER_POLICY = [
  ...COMMON,
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
].join('; ');

/** Header-only directives (a meta tag ignores them, with a console warning). */
const HEADER_ONLY = "; frame-ancestors 'self'";

/** Where dev serves the inline scripts it lifted out of index.html. */
const LIFTED_PREFIX = '/@nas-studio/inline-script-';

/** The policy for a request, by the destination the browser declares. */
export function policyFor(fetchDest: string | undefined): string {
  const worker = fetchDest === 'worker' || fetchDest === 'sharedworker';
  return (worker ? WORKER_POLICY : PAGE_POLICY) + HEADER_ONLY;
}

/** Connect middleware that sets the policy header on every response. */
function policyHeaders(): Connect.NextHandleFunction {
  return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    const dest = req.headers['sec-fetch-dest'];
    res.setHeader('Content-Security-Policy', policyFor(typeof dest === 'string' ? dest : undefined));
    next();
  };
}

/**
 * `html` with its inline module scripts moved to `src` files, each script's text appended to
 * `scripts` (an identical script keeps its first index).
 */
export function liftInlineScripts(html: string, scripts: string[]): string {
  const out = html.replace(/<script type="module">([\s\S]*?)<\/script>/g, (_whole, body: string) => {
    let index = scripts.indexOf(body);
    if (index < 0) index = scripts.push(body) - 1;
    return `<script type="module" src="${LIFTED_PREFIX}${index}.js"></script>`;
  });
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(out))
    throw new Error('index.html has an inline script the Content-Security-Policy would block.');
  return out;
}

/** The plugin: headers in dev and preview, the meta tag in the build, no inline script in dev. */
export function contentSecurityPolicy(): Plugin {
  const lifted: string[] = [];
  return {
    name: 'nas-studio:csp',
    configureServer(server) {
      server.middlewares.use(policyHeaders());
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '';
        if (!url.startsWith(LIFTED_PREFIX)) return next();
        const index = Number.parseInt(url.slice(LIFTED_PREFIX.length), 10);
        const body = lifted[index];
        if (body === undefined) return next();
        res.setHeader('Content-Type', 'text/javascript');
        res.end(body);
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use(policyHeaders());
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server !== undefined) return liftInlineScripts(html, lifted);
        return {
          html,
          tags: [
            {
              tag: 'meta',
              attrs: { 'http-equiv': 'Content-Security-Policy', content: PAGE_POLICY },
              injectTo: 'head-prepend',
            },
          ],
        };
      },
    },
  };
}
