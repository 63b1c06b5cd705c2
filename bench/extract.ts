// bench:extract — words per second of the whole article pipeline on a generated 100,000-word analysis, one core,
// against a baseline that only tokenises and splits sentences (the floor any pipeline pays); the general actor
// dictionary's load and the gazetteer's build are timed apart, before the pipeline runs.
import { createHash } from 'node:crypto';
import { extractArticle, knowledgeGazetteer, codebookGazetteer, splitSentences, findReferences, type ArticleInput } from '../src/extract/index.js';
import { tokenize } from '../src/extract/tokens.js';
import { builtinRegionDir, readRegionDir } from '../src/ingest/curated/index.js';
import { actorDictionary } from '../src/extract/actor-dictionary.js';

const WORDS = Number(process.env.BENCH_WORDS ?? 100_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const GOAL = 20_000;

// Seeded generator (mulberry32), so every run reads the same text.
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTORS = ['Armenia', 'Azerbaijan', 'Georgia', 'Russia', 'Türkiye', 'Iran', 'the Kremlin', 'Baku', 'Yerevan', 'the European Union', 'the United States', 'France', 'India', 'the Armenian government', 'Russian officials', 'the opposition in Georgia', 'China', 'Kazakhstan'];
const CLAUSES = [
  (a: string, b: string) => `${a} met ${b} in Geneva on 12 March 2024`,
  (a: string, b: string) => `${a} accused ${b} of violating the ceasefire`,
  (a: string, b: string) => `${a} signed a trade agreement with ${b} at the end of 2023`,
  (a: string, b: string) => `the talks between ${a} and ${b} stalled last month`,
  (a: string, b: string) => `${a} said that ${b} would not be allowed to expand its presence`,
  (a: string, b: string) => `${a} imposed sanctions on ${b} after the incident`,
  (a: string, b: string) => `officials described the situation as uncertain while markets waited for ${a} and ${b}`,
  (a: string, b: string) => `the claims were denied by ${a}, which urged ${b} to show restraint`,
  (a: string) => `economic growth in ${a} slowed for the third quarter in a row`,
  () => 'analysts noted that the broader picture remains fragile and that energy prices matter more than rhetoric',
];

function generate(words: number): string {
  const r = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const paragraphs: string[] = [];
  let count = 0;
  let note = 0;
  while (count < words) {
    const sentences: string[] = [];
    for (let k = 0; k < 5 && count < words; k++) {
      const a = pick(ACTORS);
      let b = pick(ACTORS);
      if (b === a) b = 'Russia';
      const clause = pick(CLAUSES)(a, b);
      const s = `${clause[0].toUpperCase()}${clause.slice(1)}${r() < 0.2 ? `.[${++note}]` : '.'}`;
      sentences.push(s);
      count += s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    }
    paragraphs.push(sentences.join(' '));
  }
  const notes = Array.from({ length: note }, (_, i) => `[${i + 1}] “Report ${i + 1}”, Example Daily, https://example.org/news/${i + 1}, (Access Date: 11.07.2025).`);
  return `${paragraphs.join('\n\n')}\n\nReferences\n${notes.join('\n')}\n`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function timed(fn: () => void): number {
  fn(); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

const text = generate(WORDS);
const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
const input: ArticleInput = { kind: 'article-input', file: '(generated)', format: 'text', sha256: createHash('sha256').update(text).digest('hex'), text, title: null, published: null };
const tDict = performance.now();
const dict = actorDictionary();
const dictMs = performance.now() - tDict;
const region = readRegionDir(builtinRegionDir());
const tGaz = performance.now();
const gazetteer = region.ok ? knowledgeGazetteer(region.kb.actors, [region.kb.region]) : codebookGazetteer();
const gazMs = performance.now() - tGaz;

const baseMs = timed(() => {
  const refs = findReferences(text);
  for (const s of splitSentences(text, 0, refs.bodyEnd, refs.noteSpans)) tokenize(s.text, s.start);
});
let events = 0;
const fullMs = timed(() => {
  events = extractArticle(input, { gazetteer, published: '2025-07-11' }).events.length;
});
const wps = (ms: number) => Math.round(words / (ms / 1000));
process.stdout.write(`bench:extract — ${words} words, ${region.ok ? 'knowledge-base' : 'codebook'} gazetteer with the general actor dictionary, median of ${REPEATS}\n`);
const phrases = dict.people.reduce((n, p) => n + 1 + p.aliases.length, 0) + dict.organizations.reduce((n, o) => n + 1 + o.aliases.length, 0) + dict.agents.size + dict.places.length;
process.stdout.write(`  dictionary: ${dict.people.length} people, ${dict.organizations.length} organisations, ${dict.agents.size} agent nouns, ${dict.places.length} places (${phrases} phrases)\n`);
process.stdout.write(`  dictionary load (data/actors/*.tsv): ${dictMs.toFixed(0)} ms; gazetteer build (trie of every name): ${gazMs.toFixed(0)} ms — once per process, not in the figures below\n`);
process.stdout.write(`  baseline (notes + sentences + tokens): ${baseMs.toFixed(0)} ms, ${wps(baseMs)} words/s\n`);
process.stdout.write(`  full pipeline:                         ${fullMs.toFixed(0)} ms, ${wps(fullMs)} words/s (${events} events after merging)\n`);
process.stdout.write(`  pipeline / baseline time: ${(fullMs / baseMs).toFixed(1)}x; goal ${GOAL} words/s: ${wps(fullMs) >= GOAL ? 'met' : 'NOT met'}\n`);
