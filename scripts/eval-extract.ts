// `npm run eval:extract`: scores the article extractor on ../shared — the annotated corpus (as the extraction spec
// scores it), the PLOVER gold records (quad class and event type) and the PETRARCH-2 validation sentences — in one table.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codebookGazetteer, extractArticle, knowledgeGazetteer, readArticleFile, type Gazetteer } from '../src/extract/index.js';
import { GoldDocument } from '../src/extract/evaluate/gold.js';
import { scoreExtraction } from '../src/extract/evaluate/score.js';
import { parsePloverRecords, scorePlover } from '../src/extract/evaluate/plover.js';
import { parsePetrarch, scorePetrarch } from '../src/extract/evaluate/petrarch.js';
import { builtinRegionDir, readRegionDir } from '../src/ingest/curated/index.js';
import { renderTable } from '../src/cli/table.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '..', 'shared');
if (!existsSync(shared)) {
  process.stderr.write(`eval:extract: ${shared} is absent; nothing to score\n`);
  process.exit(0);
}

const region = readRegionDir(builtinRegionDir());
const withKb: Gazetteer | null = region.ok ? knowledgeGazetteer(region.kb.actors, [region.kb.region]) : null;
if (!region.ok) process.stderr.write('eval:extract: the built-in knowledge base does not validate; scoring with the codebook only\n');
const gazetteers: Array<[string, Gazetteer]> = [...(withKb ? [['codebook + knowledge base', withKb] as [string, Gazetteer]] : []), ['codebook only', codebookGazetteer()]];

const rows: string[][] = [];
const f = (x: number) => x.toFixed(3);
const corpus = path.join(shared, 'corpus');
for (const goldFile of readdirSync(corpus).filter((n) => n.endsWith('.gold.json')).sort()) {
  const gold = GoldDocument.parse(JSON.parse(readFileSync(path.join(corpus, goldFile), 'utf8')));
  const input = readArticleFile(path.join(corpus, gold.document));
  for (const [label, gaz] of gazetteers) {
    const x = extractArticle(input, { published: gold.published, gazetteer: gaz });
    const s = scoreExtraction(input.text, x, gold);
    const doc = `${gold.document} (${label})`;
    rows.push(
      [doc, 'reference recall', f(s.referenceRecall)],
      [doc, 'country recall / precision', `${f(s.countryRecall)} / ${f(s.countryPrecision)}`],
      [doc, 'person recall / precision', `${f(s.personRecall)} / ${f(s.personPrecision)}`],
      [doc, 'core event recall / precision / F1', `${f(s.eventRecall)} / ${f(s.eventPrecision)} / ${f(s.eventF1)} (${s.predictions} predicted)`],
      [doc, 'event date accuracy', f(s.dateAccuracy)],
      [doc, 'contested claims found', `${s.claimsFound} of ${s.claimsTotal}`],
    );
  }
}

const ploverFile = path.join(shared, 'data', 'plover', 'PLOVER_GSR_CAMEO.txt');
if (existsSync(ploverFile)) {
  const p = scorePlover(parsePloverRecords(readFileSync(ploverFile, 'utf8')), codebookGazetteer());
  const doc = `PLOVER gold records (${p.records}, codebook + dictionary)`;
  rows.push(
    [doc, 'sentences with an event coded', `${p.coded} of ${p.records}`],
    [doc, 'quad-class / event-type accuracy (pipeline)', `${f(p.quadAccuracy)} / ${f(p.typeAccuracy)}`],
    [doc, 'quad-class / event-type accuracy (first trigger)', `${f(p.triggerQuadAccuracy)} / ${f(p.triggerTypeAccuracy)}`],
  );
}
const petrFile = path.join(shared, 'data', 'petrarch', 'PETR2_GSR_validation.xml');
if (existsSync(petrFile)) {
  const p = scorePetrarch(parsePetrarch(readFileSync(petrFile, 'utf8')), codebookGazetteer());
  const doc = `PETRARCH-2 validation (${p.withEvents} coded, ${p.withoutEvents} no-event, codebook + dictionary)`;
  rows.push(
    [doc, 'source / target agreement', `${f(p.sourceAgreement)} / ${f(p.targetAgreement)}`],
    [doc, 'CAMEO root / exact code agreement', `${f(p.rootAgreement)} / ${f(p.codeAgreement)}`],
    [doc, 'no-event sentences left without an event', f(p.noEventAgreement)],
    [doc, '… and without a one-sided action either', f(p.noEventStrict)],
  );
}
process.stdout.write(renderTable(['set', 'metric', 'value'], rows));
