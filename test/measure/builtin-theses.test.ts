import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinRegionDir, readRegionDir } from '../../src/ingest/curated/index.js';
import { openStore } from '../../src/store/duckdb-store.js';
import { loadKnowledgeBase } from '../../src/store/index.js';
import { evaluateTheses } from '../../src/measure/theses.js';
import type { Thesis } from '../../src/model/index.js';

describe('evaluateTheses(store) on the built-in region', () => {
  it('evaluates every thesis, every indicator, and cites the sources behind each evaluated indicator', async () => {
    const r = readRegionDir(builtinRegionDir());
    assert.ok(r.ok, 'the built-in region validates');
    const store = await openStore(':memory:');
    try {
      await loadKnowledgeBase(store, r.kb, r.hash);
      const report = await evaluateTheses(store);
      assert.deepEqual(report.theses.map((t) => t.id).sort(), r.kb.theses.map((t) => t.id).sort());
      for (const t of report.theses) {
        const declared: Thesis = r.kb.theses.find((x: Thesis) => x.id === t.id)!;
        assert.deepEqual(t.indicators.map((i) => i.id), declared.indicators.map((i) => i.id));
        assert.ok(['supported', 'contradicted', 'not enough evidence'].includes(t.verdict));
        for (const i of t.indicators) {
          if (i.holds === null) continue;
          const e = i.evidence;
          assert.ok(e.events.length + e.claims.length + e.relations.length + e.formats.length > 0, `${t.id}/${i.id} cites nothing`);
          assert.ok(e.sources.length > 0, `${t.id}/${i.id} has no sources`);
        }
      }
      const cited = new Set<string>(report.sources.map((s) => s.id));
      for (const t of report.theses) for (const s of t.sources) assert.ok(cited.has(s), `source ${s} of ${t.id} is listed`);
      assert.equal(report.ach.evidence.length, r.kb.theses.reduce((n, t) => n + t.indicators.length, 0));
    } finally {
      store.close();
    }
  });
});
