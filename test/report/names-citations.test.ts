// NameBook (codes and ids to names) and CitationRegister (one number per URL, outlet and title from the knowledge base).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Source } from '../../src/model/index.js';
import { CitationRegister, DATASETS, urlKey } from '../../src/report/citations.js';
import { NameBook } from '../../src/report/names.js';

const actors = [
  { id: 'ARM', kind: 'state', name: 'Armenia', country: 'ARM', code: 'ARM' },
  { id: 'eu', kind: 'igo', name: 'European Union', country: null, code: 'IGOEUREEC' },
] as unknown as Actor[];

describe('NameBook', () => {
  const n = new NameBook({ actors, events: [{ id: 'csto-freeze', day: '2024-02-22', summary: 'Armenia freezes its participation in the CSTO.' }] });

  it('names actors, ISO3 codes the knowledge base lacks, and IGOs by either code, with "the" where English puts it', () => {
    assert.equal(n.the('IGOEUREEC'), 'the European Union');
    assert.equal(n.the('IGOEU'), 'the European Union');
    assert.equal(n.the('GBR'), 'the United Kingdom');
    assert.equal(n.the('FSM'), 'Micronesia');
    assert.equal(n.the('ARM'), 'Armenia');
    assert.equal(n.name('XYZ'), 'XYZ', 'an unknown code is left as it is');
  });

  it('rewrites measure notes in names and words', () => {
    assert.equal(n.prose("IND's share of ARM's deliveries (expected at-least 0.3)"), "India's share of Armenia's deliveries (expected at least 0.3)");
    assert.equal(n.prose('4 of 17 ARM–AZE events mediated by USA, IGOEUREEC'), '4 of 17 Armenia–Azerbaijan events mediated by the United States, the European Union');
    assert.equal(n.prose('USA leads'), 'The United States leads');
  });

  it('describes evidence items without their ids', () => {
    assert.equal(n.item('csto-freeze'), 'the event “Armenia freezes its participation in the CSTO.” (22 February 2024)');
    assert.equal(n.item('unga:ARM-RUS:2022'), 'the 2022 UN General Assembly positions of Armenia and Russia');
    assert.equal(n.item('sipri:ARM<IND:2021'), "SIPRI's record of India's 2021 arms deliveries to Armenia");
  });
});

describe('CitationRegister', () => {
  const source = (id: string, url: string | null, outlet: string | null, title: string | null): Source => ({ id, kind: 'article', outlet, title, authors: [], url, published: null, accessed: null, language: 'en' }) as unknown as Source;
  const sources = new Map([
    ['a', source('a', 'https://www.example.org/story/', 'Example News', 'A story')],
    ['b', source('b', 'http://example.org/story', 'Example News', 'A story, again')],
    ['sipri', source('sipri', 'https://www.sipri.org/databases/armstransfers', 'SIPRI', 'SIPRI Arms Transfers Database, trade register')],
    ['paper', { ...source('paper', null, null, '[Untitled paper]'), kind: 'paper' } as Source],
  ]);

  it('gives one number per address, however it is spelled or whichever id cites it', () => {
    assert.equal(urlKey('https://www.example.org/story/'), urlKey('http://example.org/story'));
    const c = new CitationRegister(sources);
    assert.equal(c.source('a'), 1);
    assert.equal(c.source('b'), 1);
    assert.equal(c.url('https://example.org/story', 'a position'), 1);
    assert.equal(c.dataset(DATASETS.arms), 2);
    assert.equal(c.source('sipri'), 2);
    assert.deepEqual(c.all.map((x) => [x.n, x.outlet, x.title]), [[1, 'Example News', 'A story'], [2, 'SIPRI', 'SIPRI Arms Transfers Database, trade register']]);
  });

  it('says what a page without a recorded title was cited for, and that a paper has no recorded publisher', () => {
    const c = new CitationRegister(sources);
    const n = c.url('https://example.org/other', "Armenia's position", '2025-07-01');
    const p = c.source('paper')!;
    const [page, paper] = c.all;
    assert.equal(page.n, n);
    assert.equal(page.outlet, 'Example News', 'the outlet of a knowledge-base source on the same site');
    assert.equal(page.title, null);
    assert.equal(page.citedFor, "Armenia's position");
    assert.equal(paper.n, p);
    assert.match(paper.outlet, /Publisher not recorded/);
  });
});
