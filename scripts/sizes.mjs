// The sizes of a release build's first load, each printed as `name value unit`, and CI's gate on
// them (scripts/test):
//
//   node scripts/sizes.mjs           the sizes
//   node scripts/sizes.mjs --check   the sizes, and exit 1 if the compressed total is over the budget
//                                    in perf-budget.json (bytes are deterministic)
//
// Sizes are of the first load: index.html, the JS loader, the wasm, the CSS and the shipped
// questionnaire in one language (the larger), as a host serves them: the build's precompressed
// `.gz` (zopfli) and `.br` (brotli 11) files; `bytes_total_gzip_on_the_fly` is what a host that
// compresses each response itself would send at best (zlib gzip -9).
// The whole questionnaire, fetched on a switch of language, is printed for reference.
// scripts/bench.mjs prints the same figures, from `sizes` here, before its timings.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'dist');

/** Prints one figure as `name value unit`, aligned: the bench's format too. */
export const print = (name, value, unit) => console.log(`${name.padEnd(44)} ${String(value).padStart(10)} ${unit}`);

/** Prints every size of the build in dist/; returns the first load's totals (raw, gzip, brotli, onTheFly). */
export function sizes() {
  const files = readdirSync(DIST);
  const pick = (test) => files.filter(test).map((f) => path.join(DIST, f));
  const kinds = {
    wasm: pick((f) => /^exporter-assessment-.*_bg\.wasm$/.test(f)),
    js: pick((f) => /^exporter-assessment-.*\.js$/.test(f)),
    // The stylesheet is inlined in index.html (Trunk.toml); a build that links it counts it.
    css: pick((f) => /^main-.*\.css$/.test(f)),
    html: pick((f) => f === 'index.html'),
  };
  // A part that matches no file would count as 0 B, and the budget would pass on nothing.
  for (const kind of ['wasm', 'js', 'html']) {
    if (kinds[kind].length === 0) throw new Error(`sizes: no ${kind} of the app in ${DIST}: is the build there, or were its files renamed?`);
  }
  // A file's size as a host serves it: the build's precompressed `.gz` / `.br` beside it
  // (scripts/post-build.mjs: zopfli and brotli 11; docs/hosting.md), else compressed here. A host
  // that compresses on the fly instead sends more: `onTheFly` is gzip -9 of node's zlib.
  const served = (file, ext, compress) => (existsSync(`${file}${ext}`)
    ? readFileSync(`${file}${ext}`).length : compress(readFileSync(file)));
  const onTheFly = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
  const gzip = (file) => served(file, '.gz', (b) => gzipSync(b, { level: 9 }).length);
  const brotli = (file) => served(file, '.br', (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
  // The shipped questionnaire comes in the person's language only (questionnaire/split/, fetched
  // beside the app): the larger of the languages counts.
  const split = path.join(DIST, 'split');
  const languages = readdirSync(split).filter((f) => /^digital-trade\.[A-Za-z-]+\.json$/.test(f));
  const largest = languages
    .map((f) => path.join(split, f))
    .sort((a, b) => gzip(b) - gzip(a))
    .slice(0, 1);
  kinds.questionnaire = largest;
  const total = { raw: 0, gzip: 0, brotli: 0, onTheFly: 0 };
  for (const [kind, paths] of Object.entries(kinds)) {
    const raw = paths.reduce((n, f) => n + statSync(f).size, 0);
    const g = paths.reduce((n, f) => n + gzip(f), 0);
    const br = paths.reduce((n, f) => n + brotli(f), 0);
    print(`bytes_${kind}_raw`, raw, 'B');
    print(`bytes_${kind}_gzip`, g, 'B');
    print(`bytes_${kind}_brotli`, br, 'B');
    total.raw += raw;
    total.gzip += g;
    total.brotli += br;
    total.onTheFly += paths.reduce((n, f) => n + onTheFly(f), 0);
  }
  // Fetched when a report is first shown, not in the first load: the report's worker
  // and its catalogue.
  for (const f of ['report_worker_bg.wasm', 'report_worker.js', 'obligations.json']) {
    print(`bytes_later_${f.replace(/[._]/g, '_')}_gzip`, gzip(path.join(DIST, f)), 'B');
  }
  // The cohort page for association staff (with its generated words): a page of its own, never a member's load.
  for (const f of ['cohort.html', 'cohort.js', 'cohort-words.js', 'cohort.css', 'cohort_worker.js', 'cohort_worker_bg.wasm']) {
    print(`bytes_cohort_page_${f.replace(/[._]/g, '_')}_gzip`, gzip(path.join(DIST, f)), 'B');
  }
  for (const f of [...languages, 'digital-trade.json']) {
    print(`bytes_${f === 'digital-trade.json' ? 'questionnaire_whole' : f.replace('digital-trade', 'questionnaire').replace('.json', '')}_gzip`, gzip(path.join(split, f)), 'B');
  }
  print('bytes_total_raw', total.raw, 'B');
  print('bytes_total_gzip', total.gzip, 'B');
  print('bytes_total_brotli', total.brotli, 'B');
  print('bytes_total_gzip_on_the_fly', total.onTheFly, 'B');
  return total;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const total = sizes();
  if (process.argv.includes('--check')) {
    const { total_gzip_bytes: budget } = JSON.parse(readFileSync(path.join(ROOT, 'perf-budget.json'), 'utf8'));
    print('budget_total_gzip', budget, 'B');
    if (total.gzip > budget) {
      console.error(`bundle over budget: ${total.gzip} B gzip > ${budget} B (perf-budget.json)`);
      process.exit(1);
    }
  }
}
