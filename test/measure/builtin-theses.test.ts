import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinRegionDir, readRegionDir } from '../../src/ingest/curated/index.js';
import { openStore } from '../../src/store/duckdb-store.js';
import { loadKnowledgeBase } from '../../src/store/index.js';
import { loadBuiltinStructural } from '../../src/ingest/structural/builtin.js';
import { evaluateTheses } from '../../src/measure/theses.js';
import type { Thesis } from '../../src/model/index.js';

describe('evaluateTheses(store) on the built-in region', () => {
  it('evaluates the paper theses and their rivals with the same machinery; the evidence can contradict', async () => {
    const r = readRegionDir(builtinRegionDir());
    assert.ok(r.ok, 'the built-in region validates');
    const store = await openStore(':memory:');
    try {
      await loadKnowledgeBase(store, r.kb, r.hash);
      await loadBuiltinStructural(store);
      const report = await evaluateTheses(store);
      assert.deepEqual(report.theses.map((t) => t.id).sort(), r.kb.theses.map((t) => t.id).sort());
      // Every question of the paper has a rival, and rivals are scored like the paper's theses.
      const questions = new Map<string, Set<string>>();
      for (const t of report.theses) questions.set(t.question, new Set([...(questions.get(t.question) ?? []), t.role]));
      for (const [q, roles] of questions) assert.deepEqual([...roles].sort(), ['paper', 'rival'], `question ${q}`);
      const verdicts = report.theses.map((t) => t.verdict);
      assert.ok(verdicts.some((v) => v === 'contradicted' || v === 'mixed'), verdicts.join(', '));
      assert.ok(report.theses.filter((t) => t.role === 'rival').some((t) => t.indicators.some((i) => i.holds !== null)));
      for (const t of report.theses) {
        const declared: Thesis = r.kb.theses.find((x: Thesis) => x.id === t.id)!;
        assert.deepEqual(t.indicators.map((i) => i.id), declared.indicators.map((i) => i.id));
        assert.ok(['supported', 'contradicted', 'mixed', 'insufficient evidence'].includes(t.verdict));
        assert.equal(t.score, Math.round(t.indicators.reduce((n, i) => n + i.contribution, 0) * 1e4) / 1e4, `${t.id}: the score is the sum of its parts`);
        // No threshold equals the number of curated items: counts are gone from the built-in theses.
        assert.ok(declared.indicators.every((i) => i.kind !== 'event-count'), `${t.id} uses no bare event counts`);
        for (const i of declared.indicators) if (!['relation', 'format-participation', 'claim-status'].includes(i.kind)) assert.ok(i.rationale, `${t.id}/${i.id} states why its threshold is where it is`);
      }
      // The matrix is full: every evidence item has a cell for every hypothesis.
      const ids = report.ach.hypotheses.map((h) => h.id);
      assert.ok(report.ach.evidence.length > 50);
      for (const e of report.ach.evidence) assert.deepEqual(Object.keys(e.cells).sort(), [...ids].sort());
      assert.ok(report.ach.evidence.some((e) => e.kind === 'structural' && e.diagnostic), 'structural values are scored too');
      const cited = new Set<string>(report.sources.map((s) => s.id));
      for (const t of report.theses) for (const s of t.sources) assert.ok(cited.has(s), `source ${s} of ${t.id} is listed`);
    } finally {
      store.close();
    }
  });
});
