// Finishes a Trunk release build (a post_build hook, see Trunk.toml; or by hand:
// `node scripts/post-build.mjs DIR`):
//
// 0. The JavaScript that wasm-bindgen writes (the app's loader and each worker's) is minified by
//    Terser: it is generated, nobody reads it in the build, and it is on the first load's path
//    (the app's: 9.6 KB gzip as written). The hand-written files (embed.js, which an association
//    may want to read before it embeds, cohort.js) and Workbox's worker stay as they are.
//    Trunk's loader of each worker calls the glue with the wasm's address as a bare string, a form
//    wasm-bindgen deprecates (a console warning each time a worker starts): it is given as
//    `{ module_or_path }`. The stylesheets (index.html's inlined one and cohort.css) are minified
//    by esbuild, and index.html's inline scripts by Terser (their comments are for the readers of
//    index.html and Trunk.toml: about 1.5 KB of the first paint's gzip), before they are hashed.
// 0b. The first screens, the app's components rendered natively at build time (see below).
// 1. `csp.txt` and `csp-embed.txt`: the Content-Security-Policy to serve the app with, on its own
//    and when embedded (see docs/embedding.md). The inline scripts (Trunk's loader, the first
//    screen's language) and the inlined stylesheet are allowed by their SHA-256 hashes, which
//    change with every build; nothing else inline runs or applies.
// 1b. What each web server includes to send those two policies (docs/hosting/): `csp.nginx.conf`,
//    `csp.caddy` and `csp.apache.conf`. The policies' hashes change with every build, so a server's
//    configuration includes the build's own file rather than holding a copy; where the embedding
//    policy says ASSOCIATION-ORIGINS, each names a variable that the server's configuration sets.
// 2. `sw.js`: the service worker. Workbox lists every file of the build with a hash of its content,
//    so a new build is a new precache and the old one is removed once the new worker runs. Each
//    entry also carries the file's subresource integrity, which the browser checks as the worker
//    installs: a deploy caught half done (a new sw.js beside an old index.html, say) fails the
//    install, the running build and its precache stay, and the browser tries again on a later
//    visit. Without it, the old page would be kept under the new revision, its files gone from the
//    host once the deploy ends, and the app dead until the next build.
// 3. `*.gz` and `*.br` beside every text file and the wasm (gzip by zopfli, brotli 11), for hosts that
//    serve precompressed files (docs/hosting.md): the best compression once, at build time, rather
//    than a fast one on every request. They are not precached: the worker keeps files as served.
//
// (2.) The worker serves the app from the cache first, so it starts and runs with no network; it falls
// back to index.html for navigations (any ?query); it waits, without taking over, until the page
// posts SKIP_WAITING — the page asks the person first — so a page never mixes two builds. The
// first install takes control at once (clientsClaim): there is no older build to mix with.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { gzipAsync as zopfli } from '@gfx/zopfli';
import * as esbuild from 'esbuild';
import { minify } from 'terser';
import { generateSW } from 'workbox-build';

const ROOT = path.join(import.meta.dirname, '..');
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
if (process.env.TRUNK_PROFILE === 'debug') {
  // Development builds register no worker (see src/app.rs): nothing to generate.
  process.exit(0);
}

// 0. wasm-bindgen's glue is the JavaScript beside a `_bg.wasm` of the same name. The app's is an ES
// module (its exports, which tests call, keep their names); a worker's is a classic script whose
// one global, `wasm_bindgen`, its loader calls: top-level names are not mangled.
for (const name of readdirSync(dir).filter((n) => n.endsWith('_bg.wasm'))) {
  const glue = path.join(dir, name.replace(/_bg\.wasm$/, '.js'));
  const source = readFileSync(glue, 'utf8');
  const module = /^\s*export\b|\bimport\.meta\b/m.test(source);
  const { code } = await minify(source, { module, ecma: 2020, compress: { passes: 2 } });
  writeFileSync(glue, code);
  console.log(`minified: ${path.basename(glue)} ${source.length} -> ${code.length} B`);
}
for (const name of readdirSync(dir).filter((n) => n.endsWith('_loader.js'))) {
  const loader = path.join(dir, name);
  const source = readFileSync(loader, 'utf8');
  // Exactly what Trunk 0.21 writes, or this rewrite of it (a build finished twice): anything else
  // (a newer Trunk) is for a person to look at.
  const call = /^importScripts\("(\.\/[\w.-]+\.js)"\);wasm_bindgen\((?:\{module_or_path:)?("\.\/[\w.-]+_bg\.wasm")\}?\);$/.exec(source);
  if (!call) throw new Error(`${name} is not the worker loader Trunk 0.21 writes: ${source}`);
  writeFileSync(loader, `importScripts("${call[1]}");wasm_bindgen({module_or_path:${call[2]}});`);
}

// The most the tools read of an association's file (its questionnaire's limit, the largest of a
// config's, a questionnaire's and a catalogue's), from the core's limits (crates/assessment/src/
// limits.rs), the one source of those numbers.
const LIMITS = readFileSync(new URL('../crates/assessment/src/limits.rs', import.meta.url), 'utf8');
const limit = (name) => {
  const [, base, shift] = new RegExp(`pub const ${name}: u64 = (\\d+) << (\\d+);`).exec(LIMITS)
    ?? (() => { throw new Error(`post-build: ${name} not found in limits.rs`); })();
  return Number(base) * 2 ** Number(shift);
};
const MAX_KEPT = Math.max(...['MAX_QUESTIONNAIRE_BYTES', 'MAX_CONFIG_BYTES', 'MAX_CATALOGUE_BYTES'].map(limit));
// The worker passes an association's file on to the page and keeps a copy of it, from a second
// branch of the same download. Every reader in the app refuses such a file over its limit, and
// stops reading there; but a download ends only when both branches are done with it, and the
// page's "stop" takes a while to reach the worker through the response's pipe: from a server on
// the same machine, 40 to 50 MB of a 256 MB file arrived in that time. So the worker itself passes
// on no more than the largest limit and one piece more (enough for any reader to know that the
// file is over its own limit), then ends the response and cancels the download. A file over the
// limit is not kept. (Workbox writes these functions' source into sw.js, so they name the limit
// as a number.)
const keptWithin = {
  // eslint-disable-next-line no-new-func
  fetchDidSucceed: new Function('{ response }', `return (async () => {
    const max = ${MAX_KEPT};
    if (!response.body) return response;
    let size = 0;
    const cut = new TransformStream({
      transform(piece, out) {
        size += piece.length;
        out.enqueue(piece);
        if (size > max) out.terminate();
      },
    });
    return new Response(response.body.pipeThrough(cut), { status: response.status, statusText: response.statusText, headers: response.headers });
  })();`),
  // eslint-disable-next-line no-new-func
  cacheWillUpdate: new Function('{ response }', `return (async () => {
    const max = ${MAX_KEPT};
    if (!response || response.status !== 200) return null;
    if (Number(response.headers.get('content-length')) > max) {
      await response.body?.cancel();
      return null;
    }
    if (!response.body) return response;
    const reader = response.body.getReader();
    const parts = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > max) {
        await reader.cancel();
        return null;
      }
      parts.push(value);
    }
    return new Response(new Blob(parts), { status: response.status, statusText: response.statusText, headers: response.headers });
  })();`),
};

/** The base64 SHA-256 of `data`, as CSP hashes and subresource integrity write it. */
const sha256 = (data) => `sha256-${createHash('sha256').update(data).digest('base64')}`;

// The comments of index.html are notes for its readers, not for a browser: they leave the build (about
// 400 B of the first load's gzip). Inline scripts and the stylesheet hold no `<!--`.
// The app's preload link (Trunk.toml's `pattern_preload`, which Trunk appends to the head) goes
// to its top, just after the charset, so that the JS is asked for as soon as the HTML's first
// bytes are read, and so that the first script, which reads the wasm's URL from it and decides
// when to ask for the wasm, finds it.
const PRELOAD = /<link rel="(?:module)?preload"[^>]*>/g;
const CHARSET = '<meta charset="utf-8">';
// The stylesheets are minified by esbuild (build time only): comments, spare white space, shorter
// forms of the same numbers and colours, adjacent rules of the same content merged (about 2.4 KB of
// the first paint's gzip). Its targets are the oldest browsers that run the app (WebAssembly, module
// scripts, 'wasm-unsafe-eval'), so that it writes no newer syntax than the source's (media ranges,
// say); non-ASCII text stays as written. tests/e2e/build.test.mjs checks that the browser reads
// the result as it reads styles/main.css, rule by rule.
const minifyCss = async (css) => (await esbuild.transform(css, {
  loader: 'css', minify: true, charset: 'utf8', target: ['chrome97', 'firefox102', 'safari16'],
})).code.trim();
// The first screens (src/first_paint.rs): the app's own components rendered natively at build
// time by crates/prerender (Yew's server-side rendering), in every language, from the shipped
// questionnaire's files of this build, put where index.html marks them. The inline stylesheet and
// scripts are hashed below, after this.
const FIRST_PAINT = '<!-- first-paint -->';
const shell = readFileSync(path.join(dir, 'index.html'), 'utf8');
let screens = '';
if (shell.includes(FIRST_PAINT)) {
  // A native build: the release's flags for the wasm (scripts/release) are not for it.
  const { CARGO_ENCODED_RUSTFLAGS: _wasmFlags, ...nativeEnv } = process.env;
  screens = execFileSync('cargo', ['run', '--quiet', '--offline', '--locked', '-p', 'prerender', '--',
    path.join(dir, 'split')], { cwd: ROOT, env: nativeEnv, encoding: 'utf8', maxBuffer: 64 << 20 }).trim();
  if (!screens.includes('<main')) throw new Error('crates/prerender rendered no main');
  console.log(`first paint: ${screens.length} B of prerendered screens`);
} else if (!/<div [^>]*class="shell"/.test(shell)) {
  // (A build finished twice has its screens already.)
  throw new Error(`index.html has no ${FIRST_PAINT} mark`);
}
const written = shell.replace(FIRST_PAINT, () => screens).replace(/<!--[\s\S]*?-->\n?/g, '');
const STYLE = /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/;
const [, open, css, close] = STYLE.exec(written) ?? [];
if (!css) throw new Error('index.html has no inline stylesheet');
const minified = await minifyCss(css);
const read = written.replace(STYLE, () => open + minified + close);
if (!read.includes(CHARSET)) throw new Error(`index.html has no ${CHARSET}`);
const preloads = read.match(PRELOAD) ?? [];
const built = read.replace(PRELOAD, '').replace(CHARSET, [CHARSET, ...preloads].join('\n'));
if (!/<link rel="modulepreload"[^>]* data-wasm="[^"]+_bg\.wasm"/.test(built.slice(0, built.indexOf('<script')))) {
  // Else the wasm would be asked for only by the loader, once the whole page is parsed.
  throw new Error('index.html has no link naming the wasm (data-wasm) before its first script');
}
// The inline scripts, minified: a module script (Trunk's loader) as a module, the others as
// classic scripts, whose top-level names are kept (none is declared: each is one arrow function
// run at once) and whose globals (`window.questionnaireText`, say) are properties, never renamed.
const SCRIPT = /(<script\b([^>]*)>)([\s\S]*?)(<\/script>)/g;
const scripts = await Promise.all([...built.matchAll(SCRIPT)].map(async ([, , attributes, body]) => (body.trim() === ''
  ? body : (await minify(body, { module: /type="module"/.test(attributes), ecma: 2020, compress: { passes: 2 } })).code)));
const html = built.replace(SCRIPT, (_, open, _attributes, _body, close) => open + scripts.shift() + close);
writeFileSync(path.join(dir, 'index.html'), html);
// The cohort page's stylesheet, a file of its own.
const cohortCss = path.join(dir, 'cohort.css');
writeFileSync(cohortCss, await minifyCss(readFileSync(cohortCss, 'utf8')));
const inline = (tag) => [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)<\\/${tag}>`, 'g'))]
  .filter(([, body]) => body.trim() !== '')
  .map(([, body]) => `'${sha256(body)}'`);
const hashes = inline('script');
// The stylesheet is inlined in index.html (one round trip fewer before the first paint on a slow
// network) and allowed by its hash; no other inline style applies.
const styles = inline('style');
// Two policies. `csp.txt` for the app on its own (a person's visit, a kiosk): it loads and talks to
// nothing but its own files, and no page may frame it (clickjacking). `csp-embed.txt` for the app
// framed by associations (requests with `?embed=`): the same, but the associations' origins may
// frame it and serve its config file, questionnaire and logo. The deployer writes those origins
// where it says ASSOCIATION-ORIGINS; left as it is, a browser ignores the placeholder, and the
// policy falls back to the app's own files and no framing at all.
const PLACEHOLDER = 'ASSOCIATION-ORIGINS';
const policy = ({ embed }) => [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  `style-src 'self' ${styles.join(' ')}`,
  embed ? `img-src 'self' ${PLACEHOLDER}` : "img-src 'self'",
  embed ? `connect-src 'self' ${PLACEHOLDER}` : "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  embed ? `frame-ancestors ${PLACEHOLDER}` : "frame-ancestors 'none'",
].join('; ');
writeFileSync(path.join(dir, 'csp.txt'), `${policy({ embed: false })}\n`);
writeFileSync(path.join(dir, 'csp-embed.txt'), `${policy({ embed: true })}\n`);

// 1b. The two policies as nginx, Caddy and Apache include them (docs/hosting/ has the configurations
// that include these, and docs/hosting.md says how). A request is embedded when its query has an
// `embed=` parameter, as embed.js writes it and the report's worker repeats it. Where the policy
// says ASSOCIATION-ORIGINS, each names the variable its configuration sets (a `set` for nginx,
// `vars` for Caddy, `Define` for Apache), so that a new build needs no edit by the host.
const standalone = policy({ embed: false });
const embedded = policy({ embed: true });
// Hashes are base64 and the rest is fixed text: nothing a configuration's quoting could mistake.
for (const line of [standalone, embedded]) {
  if (/["\\$`{}\n]/.test(line)) throw new Error(`a policy holds a character the servers' quoting cannot take: ${line}`);
}
const EMBED_QUERY = '(^|&)embed=';
const GENERATED = 'Written by scripts/post-build.mjs with this build (its csp.txt and csp-embed.txt): do not edit; a new build writes it anew.';
writeFileSync(path.join(dir, 'csp.nginx.conf'), `# ${GENERATED}
# For docs/hosting/nginx.conf, at the http level; it reads $association_origins, set in the server block.
map $args $assessment_csp {
    "~${EMBED_QUERY}" "${embedded.replaceAll(PLACEHOLDER, '$association_origins')}";
    default "${standalone}";
}
`);
writeFileSync(path.join(dir, 'csp.caddy'), `# ${GENERATED}
# For docs/hosting/Caddyfile, imported in the site block; it reads {vars.association_origins}.
@assessment_embedded query embed=*
@assessment_standalone not query embed=*
header @assessment_embedded Content-Security-Policy "${embedded.replaceAll(PLACEHOLDER, '{vars.association_origins}')}"
header @assessment_standalone Content-Security-Policy "${standalone}"
`);
writeFileSync(path.join(dir, 'csp.apache.conf'), `# ${GENERATED}
# For docs/hosting/apache.conf, included in the virtual host; it reads \${ASSOCIATION_ORIGINS}.
Header always set Content-Security-Policy "${embedded.replaceAll(PLACEHOLDER, '${ASSOCIATION_ORIGINS}')}" "expr=%{QUERY_STRING} =~ /${EMBED_QUERY}/"
Header always set Content-Security-Policy "${standalone}" "expr=%{QUERY_STRING} !~ /${EMBED_QUERY}/"
`);
console.log(`csp: ${hashes.length} inline script(s) and ${styles.length} stylesheet(s) allowed by hash`);

const { count, size, warnings } = await generateSW({
  globDirectory: dir,
  globPatterns: ['**/*'],
  // The worker itself is never precached; a kiosk's config file changes without a build.
  globIgnores: ['sw.js', 'csp.txt', 'csp-embed.txt', 'csp.nginx.conf', 'csp.caddy', 'csp.apache.conf', '*.map', 'kiosk*.json', '**/*.gz', '**/*.br'],
  swDest: `${dir}/sw.js`,
  mode: 'production',
  sourcemap: false,
  // One self-contained file: nothing is fetched from a CDN.
  inlineWorkboxRuntime: true,
  navigateFallback: 'index.html',
  // A page is its file whatever its query (`cohort.html?lang=en` is `cohort.html`; the app's
  // `?kiosk…` is `index.html` either way): no file of the build is told apart by a query.
  ignoreURLParametersMatching: [/./],
  cleanupOutdatedCaches: true,
  skipWaiting: false,
  // The first install takes the open page at once (there is no old build to mix with).
  clientsClaim: true,
  // Trunk's hashed names change with their content: no cache-busting query needed.
  // Trunk writes its hash as hex without leading zeros, so it can be shorter than 16 digits.
  dontCacheBustURLsMatching: /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/,
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
  // So too an association's files, which no build knows (its config, questionnaire and
  // obligations catalogue, `docs/embedding.md`): read by the page or the report's worker, each
  // kept when first read, so that an embedded kiosk keeps its questionnaire and its section on
  // markets and goods offline. Files of the build never get here (the precache answers first).
  runtimeCaching: [
    {
      urlPattern: ({ url }) => /\/kiosk[^/]*\.json$/.test(url.pathname),
      handler: 'NetworkFirst',
      options: { cacheName: 'kiosk-config', plugins: [keptWithin] },
    },
    {
      urlPattern: ({ request, url }) => request.destination === '' && url.pathname.endsWith('.json'),
      handler: 'NetworkFirst',
      options: { cacheName: 'association-files', cacheableResponse: { statuses: [200] }, plugins: [keptWithin] },
    },
  ],
});
for (const warning of warnings) console.warn(`precache: ${warning}`);
console.log(`precache: ${count} files, ${size} bytes`);

// 3. Precompressed copies, the worker included.
const COMPRESSIBLE = /\.(html|js|mjs|wasm|css|json|svg|webmanifest|txt)$/;
const files = (at) => readdirSync(at).flatMap((name) => {
  const full = path.join(at, name);
  return statSync(full).isDirectory() ? files(full) : [full];
});
let compressed = 0;
for (const file of files(dir).filter((f) => COMPRESSIBLE.test(f))) {
  const data = readFileSync(file);
  // Zopfli writes ordinary gzip that any browser reads, about 5% smaller than zlib's level 9 (the
  // app's wasm: 311 against 327 KB) for a few seconds of build: worth it on a phone's link.
  writeFileSync(`${file}.gz`, await zopfli(data, { numiterations: 5 }));
  writeFileSync(`${file}.br`, brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }));
  compressed += 1;
}
console.log(`precompressed: ${compressed} files, .gz and .br beside each`);
