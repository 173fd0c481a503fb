// Finishes a Trunk release build (a post_build hook, see Trunk.toml; or by hand:
// `node scripts/post-build.mjs DIR`):
//
// 1. `csp.txt`: the Content-Security-Policy to serve the app with. Trunk's loader is an inline
//    script, so the policy allows it by its SHA-256 hash, which changes with every build; nothing
//    else inline runs. Deployers add `frame-ancestors` (see docs/embedding.md).
// 2. `sw.js`: the service worker. Workbox lists every file of the build with a hash of its content,
//    so a new build is a new precache and the old one is removed once the new worker runs. Each
//    entry also carries the file's subresource integrity, which the browser checks as the worker
//    installs: a deploy caught half done (a new sw.js beside an old index.html, say) fails the
//    install, the running build and its precache stay, and the browser tries again on a later
//    visit. Without it, the old page would be kept under the new revision, its files gone from the
//    host once the deploy ends, and the app dead until the next build.
//
// The worker serves the app from the cache first, so it starts and runs with no network; it falls
// back to index.html for navigations (any ?query); it waits, without taking over, until the page
// posts SKIP_WAITING — the page asks the person first — so a page never mixes two builds. The
// first install takes control at once (clientsClaim): there is no older build to mix with.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSW } from 'workbox-build';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
if (process.env.TRUNK_PROFILE === 'debug') {
  // Development builds register no worker (see src/app.rs): nothing to generate.
  process.exit(0);
}

/** The base64 SHA-256 of `data`, as CSP hashes and subresource integrity write it. */
const sha256 = (data) => `sha256-${createHash('sha256').update(data).digest('base64')}`;

const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter(([, body]) => body.trim() !== '')
  .map(([, body]) => `'${sha256(body)}'`);
const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  // An association's logo, config file and questionnaire come from its own https site.
  "img-src 'self' https:",
  "connect-src 'self' https:",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
writeFileSync(path.join(dir, 'csp.txt'), `${policy}\n`);
console.log(`csp: ${hashes.length} inline script(s) allowed by hash`);

const { count, size, warnings } = await generateSW({
  globDirectory: dir,
  globPatterns: ['**/*'],
  // The worker itself is never precached; a kiosk's config file changes without a build.
  globIgnores: ['sw.js', 'csp.txt', '*.map', 'kiosk*.json'],
  swDest: `${dir}/sw.js`,
  mode: 'production',
  sourcemap: false,
  // One self-contained file: nothing is fetched from a CDN.
  inlineWorkboxRuntime: true,
  navigateFallback: 'index.html',
  cleanupOutdatedCaches: true,
  skipWaiting: false,
  // The first install takes the open page at once (there is no old build to mix with).
  clientsClaim: true,
  // Trunk's hashed names change with their content: no cache-busting query needed.
  dontCacheBustURLsMatching: /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/,
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  // The content each file must have (see 2. above). Workbox also uses it to repair an entry missing
  // from the cache with a checked copy from the network.
  manifestTransforms: [
    async (entries) => ({
      manifest: entries.map((entry) => ({
        ...entry,
        integrity: sha256(readFileSync(path.join(dir, entry.url))),
      })),
      warnings: [],
    }),
  ],
  // A kiosk's config file: fresh from the network when there is one, else the last copy seen.
  runtimeCaching: [
    {
      urlPattern: ({ url }) => /\/kiosk[^/]*\.json$/.test(url.pathname),
      handler: 'NetworkFirst',
      options: { cacheName: 'kiosk-config' },
    },
  ],
});
for (const warning of warnings) console.warn(`precache: ${warning}`);
console.log(`precache: ${count} files, ${size} bytes`);
