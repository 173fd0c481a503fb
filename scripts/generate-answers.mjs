#!/usr/bin/env node
// Writes N realistic, random answers files for a questionnaire, the same for the same seed: for
// testing and measuring the cohort tools (docs/cohort.md) without any member's data.
//
//   node scripts/generate-answers.mjs --count 200 --seed 1 --out DIR        answers-00001.json …
//   node scripts/generate-answers.mjs --count 1000000 --seed 1 --jsonl FILE one answers file a line
//   [--questionnaire questionnaire/digital-trade.json]
//
// Each firm has a latent maturity (higher on average for larger firms and in the east) that its
// item levels scatter around; it answers the questions that apply to it in the questionnaire's
// order (applicability read from the questionnaire's own `applies_when`); about 8% stop part way
// (partial results) and about 3% leave the region unanswered.
import fs from 'node:fs';
import path from 'node:path';

const ANSWERS_FORMAT = 'exporter-assessment/answers@1';

function parseArgs(argv) {
  const args = { count: 200, seed: 1, questionnaire: 'questionnaire/digital-trade.json' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--count') args.count = Number(value());
    else if (a === '--seed') args.seed = Number(value());
    else if (a === '--out') args.out = value();
    else if (a === '--jsonl') args.jsonl = value();
    else if (a === '--questionnaire') args.questionnaire = value();
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(args.count) || args.count < 0) throw new Error('--count takes a whole number');
  if (!Number.isInteger(args.seed)) throw new Error('--seed takes a whole number');
  if (!args.out === !args.jsonl) throw new Error('give --out DIR or --jsonl FILE');
  return args;
}

/** mulberry32: small, fast and the same on every platform. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An option id by weight: `weights` maps ids to relative weights; ids not in it weigh 1. */
function pick(random, options, weights = {}) {
  const w = options.map((o) => weights[o.id] ?? 1);
  let r = random() * w.reduce((s, x) => s + x, 0);
  for (let i = 0; i < options.length; i++) {
    r -= w[i];
    if (r < 0) return options[i].id;
  }
  return options[options.length - 1].id;
}

// How firms spread over the profile's coarse codes (a plausible membership, not a statistic).
const WEIGHTS = {
  'P.region': { east: 10, central: 5, west: 4, northeast: 1.5 },
  'P.sector': { textiles: 4, machinery: 3, electronics: 3, other_manufacturing: 3, trading: 3, agrifood: 2 },
  'P.employees': { lt20: 5, e20_99: 6, e100_299: 3, e300_999: 1.2, e1000_plus: 0.4 },
  'P.offer': { goods: 6, both: 2, services: 1.5 },
  'P.data.sends_pi': { yes: 4, no: 4, unsure: 2 },
  'P.data.important_abroad': { no: 9, yes: 1 },
  'P.data.ciio': { no: 19, yes: 1 },
};
const SIZE_MATURITY = { lt20: -0.12, e20_99: -0.04, e100_299: 0.05, e300_999: 0.12, e1000_plus: 0.18 };
const REGION_MATURITY = { east: 0.06, central: -0.02, west: -0.06, northeast: -0.04 };

/** The questionnaire's condition language, three-valued: true, false or null (not known yet). */
function evaluate(condition, state) {
  if (!condition) return true;
  const [kind, arg] = Object.entries(condition)[0];
  const answered = (q) => state.get(q); // undefined: pending; null: not applicable; else options
  switch (kind) {
    case 'all': {
      let result = true;
      for (const c of arg) {
        const v = evaluate(c, state);
        if (v === false) return false;
        if (v === null) result = null;
      }
      return result;
    }
    case 'any': {
      let result = false;
      for (const c of arg) {
        const v = evaluate(c, state);
        if (v === true) return true;
        if (v === null) result = null;
      }
      return result;
    }
    case 'not': {
      const v = evaluate(arg, state);
      return v === null ? null : !v;
    }
    case 'answer_in':
    case 'answer_only_in': {
      const chosen = answered(arg.question);
      if (chosen === undefined) return null;
      if (chosen === null) return false;
      return kind === 'answer_in'
        ? chosen.some((o) => arg.options.includes(o))
        : chosen.every((o) => arg.options.includes(o));
    }
    default:
      throw new Error(`the generator does not read "${kind}" in applies_when`);
  }
}

function generate(q, random) {
  const questions = [
    ...q.profile.map((p) => ({ ...p, profile: true })),
    ...q.dimensions.flatMap((d) => d.items.map((i) => ({ ...i, profile: false }))),
  ];
  const stopAt = random() < 0.08 ? Math.floor(3 + random() * (questions.length - 3)) : Infinity;
  const skipRegion = random() < 0.03;
  let maturity = (random() + random() + random()) / 3;
  const state = new Map();
  const answers = {};
  questions.forEach((question, index) => {
    const applies = evaluate(question.applies_when, state);
    if (applies === false) {
      state.set(question.id, null);
      return;
    }
    if (applies === null || index >= stopAt || (skipRegion && question.id === 'P.region')) return;
    let chosen;
    if (question.multiple) {
      const exclusive = question.options.filter((o) => o.exclusive);
      const others = question.options.filter((o) => !o.exclusive);
      if (exclusive.length && random() < 0.2) chosen = [exclusive[0].id];
      else {
        chosen = others.filter(() => random() < 0.3).map((o) => o.id);
        if (!chosen.length) chosen = [pick(random, others)];
      }
    } else if (question.profile) {
      chosen = [pick(random, question.options, WEIGHTS[question.id])];
    } else {
      const level = Math.max(0, Math.min(4, Math.round(maturity * 4 + (random() - 0.5) * 2.2)));
      const at = question.options.filter((o) => o.level === level);
      chosen = [(at.length ? at : question.options)[Math.floor(random() * (at.length || question.options.length))].id];
    }
    if (question.id === 'P.employees') maturity += SIZE_MATURITY[chosen[0]] ?? 0;
    if (question.id === 'P.region') maturity += REGION_MATURITY[chosen[0]] ?? 0;
    maturity = Math.max(0, Math.min(1, maturity));
    state.set(question.id, chosen);
    answers[question.id] = question.multiple ? chosen : chosen[0];
  });
  return { format: ANSWERS_FORMAT, questionnaire: { id: q.id, version: q.version }, answers };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const q = JSON.parse(fs.readFileSync(args.questionnaire, 'utf8'));
  const random = rng(args.seed);
  if (args.out) {
    fs.mkdirSync(args.out, { recursive: true });
    const width = Math.max(5, String(args.count).length);
    for (let i = 1; i <= args.count; i++) {
      const name = `answers-${String(i).padStart(width, '0')}.json`;
      fs.writeFileSync(path.join(args.out, name), JSON.stringify(generate(q, random), null, 2) + '\n');
    }
  } else {
    const fd = fs.openSync(args.jsonl, 'w');
    let buffer = [];
    const flush = () => {
      fs.writeSync(fd, buffer.join(''));
      buffer = [];
    };
    for (let i = 0; i < args.count; i++) {
      buffer.push(JSON.stringify(generate(q, random)) + '\n');
      if (buffer.length === 10000) flush();
    }
    flush();
    fs.closeSync(fd);
  }
}

try {
  main();
} catch (e) {
  console.error(`generate-answers: ${e.message}`);
  process.exit(1);
}
