// One sentence of our own per rule of the reader (issue 14's patterns): the coding a careful analyst would expect.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { codebookGazetteer, extractArticle, type ExtractedEvent, type Extraction } from '../../src/extract/index.js';

function read(text: string, published = '2025-01-10'): Extraction {
  const sha256 = createHash('sha256').update(text).digest('hex');
  return extractArticle({ kind: 'article-input', file: '(test)', format: 'text', sha256, text, title: null, published }, { published, gazetteer: codebookGazetteer(), candidates: { maxSentences: 0 } });
}
const country = (c: string) => (c.startsWith('IGO') ? c : c.slice(0, 3));
/** The events whose source and target countries are as given (either may be a prefix list). */
function between(x: Extraction, src: string, tgt: string): ExtractedEvent[] {
  return x.events.filter((e) => e.source.some((c) => country(c) === src) && e.target.some((c) => country(c) === tgt));
}
const one = (events: readonly ExtractedEvent[], what: string): ExtractedEvent => {
  assert.equal(events.length, 1, `${what}: ${JSON.stringify(events.map((e) => [e.cameo, e.source, e.target]))}`);
  return events[0];
};

describe('actors: the general dictionary, adjectives, possessives and roles', () => {
  it('names people from the dictionary with their code on the day of the text', () => {
    const x = read('Ilham Aliyev met Vladimir Putin in Moscow. Putin later thanked Aliyev.', '2024-05-01');
    assert.ok(x.actors.some((a) => a.kind === 'person' && a.name === 'Ilham Aliyev' && a.code === 'AZEGOV'));
    one(between(x, 'AZE', 'RUS').filter((e) => e.cameo.startsWith('04')), 'meeting');
    one(between(x, 'RUS', 'AZE').filter((e) => e.cameo === '051'), 'family names resolve to the people named before');
  });

  it('codes a leader who took office after 2014 from the sourced additions', () => {
    const x = read('Nikol Pashinyan met Recep Tayyip Erdoğan in Ankara.', '2024-09-01');
    assert.deepEqual(x.actors.filter((a) => a.kind === 'person').map((a) => a.code).sort(), ['ARMGOV', 'TURGOV']);
  });

  it('knows non-state armed groups and IGOs beyond the codebook', () => {
    const x = read('Boko Haram fighters attacked Maiduguri. ECOWAS suspended Guinea.');
    assert.ok(x.actors.some((a) => a.code === 'NGAREB'));
    assert.equal(one(between(x, 'IGOECOWAS', 'GIN'), 'ECOWAS').quad, 4);
  });

  it('lets a demonym or a possessive name the side ("Turkish drones", "its warships")', () => {
    assert.equal(one(between(read('Turkish drones struck positions inside Syria.'), 'TUR', 'SYR'), 'drones').quad, 4);
    const x = read('Russia denied the report. Its warships shelled the Ukrainian port.');
    assert.equal(one(between(x, 'RUS', 'UKR'), 'warships').quad, 4);
  });

  it('gives coordinated demonyms the role they share ("Ukrainian and Polish officials")', () => {
    const e = one(between(read('Ukrainian and Polish officials signed a memorandum.'), 'UKR', 'POL'), 'signing');
    assert.deepEqual([e.source, e.target], [['UKRGOV'], ['POLGOV']]);
  });

  it('takes a person\'s country from the role, never from a country nearby', () => {
    const x = read('Egypt\'s foreign minister Sameh Shoukry met the Kenyan president in Nairobi.');
    assert.equal(one(between(x, 'EGY', 'KEN'), 'ministers').cameo, '040');
    const y = read('Mali hosted the talks. President Amina Diallo praised Senegal.');
    assert.equal(y.actors.find((a) => a.name === 'Amina Diallo')?.code ?? null, null, 'an unknown president has no country');
    assert.equal(between(y, 'MLI', 'SEN').length, 0);
  });

  it('reads a person\'s country from an appositive title (", Kenya\'s foreign minister,")', () => {
    const x = read('Amara Okafor, Nigeria\'s foreign minister, criticised Ghana.');
    assert.equal(x.actors.find((a) => a.name === 'Amara Okafor')?.code, 'NGAGOV');
    one(between(x, 'NGA', 'GHA'), 'criticism');
  });

  it('treats plural nationality nouns as actors ("Albanians demonstrated")', () => {
    assert.equal(one(between(read('Albanians demonstrated in Serbia.'), 'ALB', 'SRB'), 'protest').cameo, '141');
  });
});

describe('clause structure', () => {
  it('gives coordinated verbs their shared subject: two events', () => {
    const x = read('Moldova accused Russia of meddling and suspended the treaty.');
    assert.deepEqual(between(x, 'MDA', 'RUS').map((e) => e.cameo).sort(), ['112', '160']);
  });

  it('codes "by -ing" as the act it names', () => {
    const x = read('Poland retaliated by expelling Belarusian diplomats.');
    assert.deepEqual(x.events.map((e) => e.cameo), ['166']);
  });

  it('codes the main clause after a sentence-initial subordinate clause', () => {
    assert.equal(one(between(read('When Chad hinted at sanctions, Niger broke off relations with Chad.'), 'NER', 'TCD'), 'main clause').cameo, '161');
  });

  it('reads capitals as governments in a short sentence', () => {
    const e = one(between(read('Ankara thanked Washington.'), 'TUR', 'USA'), 'thanks');
    assert.deepEqual([e.source, e.target, e.quad], [['TURGOV'], ['USAGOV'], 1]);
  });

  it('keeps the reported act of a trailing attribution, not the attribution', () => {
    const x = read('Sudanese troops shelled Chad, officials said.');
    assert.deepEqual(x.events.map((e) => e.cameo), ['194']);
  });

  it('keeps coordination to closed lists ("Kyrgyzstan, the speaker" is no pair)', () => {
    const x = read('The ministers met in Bishkek with Kazakhstan, the speaker said.');
    assert.ok(!x.events.some((e) => e.source.length + e.target.length > 2));
  });
});

describe('choosing the trigger', () => {
  it('prefers a negative verb over the agreement noun in its object', () => {
    assert.deepEqual(read('Mali renounced the agreements with Algeria.').events.map((e) => [e.cameo, e.quad]), [['120', 3]]);
    assert.deepEqual(read('Serbia suspended the accord with Kosovo.').events.map((e) => e.quad), [4]);
    assert.equal(one(read('Russia withdrew from the pact with the United States.').events, 'withdrawal').cameo, '160');
  });

  it('codes vows to use force and warnings as threats', () => {
    assert.equal(one(read('Hezbollah vowed to keep attacking Israel.').events, 'vow').cameo, '138');
    const w = one(between(read('Iran warned Israel that there would be consequences.'), 'IRN', 'ISR'), 'warning');
    assert.ok(w.cameo.startsWith('13'));
  });

  it('codes commitments and refusals as intent (03) and rejection (12)', () => {
    assert.equal(one(read('Kenya agreed to send troops to Haiti.').events, 'commitment').cameo, '0334');
    assert.equal(one(read('Egypt refused to meet Ethiopia.').events, 'refusal').cameo, '125');
    assert.equal(one(read('Japan said China must release the fishermen.').events, 'obligation').cameo, '100');
  });
});

describe('modality', () => {
  it('marks a conditional reopening as hypothetical, never a signed agreement', () => {
    const x = read('The border between Armenia and Turkey could reopen in 2027 if the treaty is signed.');
    assert.ok([...x.events, ...x.actions].every((e) => e.hypothetical), JSON.stringify(x.events));
  });

  it('marks futures and plans as hypothetical and negation as negated', () => {
    assert.ok(read('Peru will sign a trade deal with Chile next year.').events.every((e) => e.hypothetical));
    assert.ok(read('Chile plans to expel Bolivian diplomats.').events.every((e) => e.hypothetical));
    const n = one(read('Ecuador did not sign the accord with Colombia.').events, 'negation');
    assert.equal(n.negated, true);
  });

  it('does not read the month May as a modal', () => {
    assert.equal(one(read('On 2 May 2024, Iraq met Jordan in Amman.').events, 'meeting').hypothetical, false);
  });
});

describe('dates', () => {
  it('resolves a year-less day within the year the text last wrote out', () => {
    const x = read('In 2023, Ghana met Togo in Lome. On 5 March, Ghana signed a deal with Togo.');
    assert.equal(x.events.find((e) => e.cameo === '057')?.date?.start, '2023-03-05');
  });

  it('resolves a year-less day to the latest such day not after the document date', () => {
    assert.equal(read('On 20 March, Benin met Niger in Cotonou.', '2025-01-10').events[0]?.date?.start, '2024-03-20');
    assert.equal(read('On 2 January, Benin met Niger in Cotonou.', '2025-01-10').events[0]?.date?.start, '2025-01-02');
  });

  it('counts "the following week" from the date of the event before', () => {
    const x = read('On 2 May 2024, Iraq met Jordan in Amman. The following week, Jordan hosted Syria.');
    const d = x.events.find((e) => e.cameo === '043')?.date;
    assert.ok(d && d.start >= '2024-05-06' && d.end <= '2024-05-12', JSON.stringify(d));
  });
});

describe('reference back', () => {
  it('resolves "the two armies" to the states named before in the paragraph', () => {
    const x = read('Armenia and Azerbaijan exchanged fire on Monday. The two armies clashed again on Tuesday.');
    const e = one(x.events.filter((v) => v.trigger === 'clashed'), 'clash');
    assert.deepEqual([...e.source, ...e.target].sort(), ['ARMMIL', 'AZEMIL']);
  });

  it('resolves "the bloc" to the organisation named last', () => {
    one(between(read('ECOWAS leaders met in Abuja. The bloc suspended Niger.'), 'IGOECOWAS', 'NER'), 'the bloc');
  });

  it('fills an agentless passive only from a sentence reporting the same action', () => {
    const same = read('Russian forces shelled Gori on Thursday. Georgian villages were shelled again on Friday.');
    assert.ok(same.events.some((e) => e.cameo.startsWith('19') && e.source.some((c) => c.startsWith('RUS')) && e.target.some((c) => c.startsWith('GEO'))), JSON.stringify(same.events));
    const other = read('Russia thanked Georgia for the aid. Georgian villages were shelled on Friday.');
    assert.ok(!other.events.some((e) => e.cameo.startsWith('19')), JSON.stringify(other.events));
  });
});

describe('claims and denials', () => {
  it('links a denial to the nearest preceding claim about the one denying', () => {
    const x = read('Ukraine claimed that Belarus had sent troops to the border. Minsk denied any involvement.');
    const c = one(x.claims as unknown as ExtractedEvent[], 'claim') as unknown as Extraction['claims'][number];
    assert.equal(c.status, 'denied');
    assert.deepEqual(c.deniedBy, ['BLRGOV']);
  });

  it('leaves a claim asserted when the denial is about something else', () => {
    const x = read('Ukraine claimed that Belarus had sent troops to the border. Moldova denied the report of a tax increase.');
    assert.equal(x.claims[0].status, 'asserted');
  });

  it('marks the events a claim alleges as alleged, and denied with the claim', () => {
    const x = read('Ukraine claimed that Belarusian troops attacked Ukrainian border guards. Belarus denied the claims.');
    const e = x.events.find((v) => v.source.some((c) => c.startsWith('BLR')) && v.cameo.startsWith('19'));
    assert.ok(e, JSON.stringify(x.events));
    assert.equal(e.status, 'denied');
    assert.deepEqual(x.claims[0].events, [e.id]);
  });
});

describe('sentence boundaries and what a statement is about', () => {
  it('reads a text of one line without a full stop as a sentence, but a headline above a body as a headline', () => {
    one(between(read('Kenya sent troops to Somalia'), 'KEN', 'SOM'), 'one-line text');
    const x = read('Kenya sends troops to Somalia\n\nThe cabinet in Nairobi met on Monday to discuss the budget.');
    assert.equal(between(x, 'KEN', 'SOM').length, 0, 'a headline names actors but reports no event of its own');
  });

  it('takes a noun statement\'s content from its own phrase, not from the rest of the sentence', () => {
    const x = read('The statement by the Chilean foreign ministry came a day before the president travelled to Lima for a summit.');
    assert.equal(x.events.filter((e) => e.cameo.startsWith('01') && e.target.some((c) => country(c) === 'PER')).length, 0);
    const y = read('The statement by the Chilean foreign ministry on Peru was read out in Santiago.');
    one(between(y, 'CHL', 'PER').filter((e) => e.cameo.startsWith('01')), 'topic phrase');
  });

  it('reads "support from X" as X\'s support', () => {
    const x = read('The proposal enjoyed support from Brazil and Argentina, diplomats in Geneva said.');
    const support = [...x.events, ...x.actions].filter((e) => e.cameo === '051');
    assert.ok(support.length >= 1 && support.every((e) => e.source.some((c) => country(c) === 'BRA')), JSON.stringify(support.map((e) => [e.source, e.target])));
  });
});

describe('a verb answering an act names the act\'s author', () => {
  it('makes the author of the rejected or welcomed act the target ("rejected the demand from X", "welcomed X\'s offer")', () => {
    one(between(read('Serbia rejected the demand from Kosovo on Tuesday.'), 'SRB', 'XKX').filter((e) => e.cameo.startsWith('12')), 'rejected the demand from');
    one(between(read('Peru welcomed Chile\'s offer of talks.'), 'PER', 'CHL').filter((e) => e.cameo === '051'), 'welcomed X\'s offer');
  });

  it('keeps the verb active when an object stands before "by" ("condemned the strikes by X")', () => {
    const x = read('Egypt condemned the strikes by Israel on Lebanon.');
    one(between(x, 'EGY', 'ISR').filter((e) => e.cameo.startsWith('11')), 'condemnation');
    assert.equal(between(x, 'ISR', 'EGY').length, 0, 'Israel is not the one condemning');
    one(between(read('The convoy from Chad was attacked on Monday by Sudan.'), 'SDN', 'TCD'), 'a true passive keeps its agent');
  });
});

describe('clause structure: relative clauses, repeated infinitives, manner phrases', () => {
  it('resumes the main clause after a relative one ("X, who chairs Y, criticised Z")', () => {
    const x = read('Senegal, which chairs the Economic Community of West African States, criticised Mali on Tuesday.');
    assert.equal(one(between(x, 'SEN', 'MLI'), 'the subject before the relative clause').quad, 3);
    assert.equal(between(x, 'IGOWAFECW', 'MLI').length + x.events.filter((e) => e.source.some((c) => c.startsWith('IGO'))).length, 0, 'the bloc in the relative clause is not the subject');
  });

  it('gives a second "and to V" the first one\'s governor ("urged X to show restraint and to withdraw")', () => {
    const x = read('Germany urged Serbia to show restraint and to withdraw its troops from the border.');
    one(between(x, 'DEU', 'SRB').filter((e) => e.cameo.startsWith('02')), 'the appeal');
    assert.equal(x.events.filter((e) => e.source.some((c) => country(c) === 'SRB')).length, 0, 'no act of Serbia is reported');
  });

  it('reads past a manner phrase and finds the author of the act answered ("condemned in the strongest terms the shelling by X", "welcomed the decision by X")', () => {
    one(between(read('Algeria condemned in the strongest terms the shelling by Moroccan forces.'), 'DZA', 'MAR').filter((e) => e.quad === 3), 'manner phrase');
    one(between(read('Morocco welcomed the decision by Spain to reopen the border crossings.'), 'MAR', 'ESP').filter((e) => e.cameo === '051'), 'the decision by');
  });

  it('skips "any" and "acting" before an object ("rejected any Turkish role", "spoke with the acting Iranian minister")', () => {
    assert.equal(one(between(read('Jordan rejected any Turkish role in the negotiations.'), 'JOR', 'TUR'), 'any').quad, 3);
    one(between(read('The Omani foreign minister held talks with the acting Iranian foreign minister in Muscat.'), 'OMN', 'IRN'), 'acting');
  });
});

describe('document context: the Congo, a briefing\'s "we", a sentence-initial "He"', () => {
  it('reads a bare "Congo" as the Democratic Republic when the text names it and not the Republic', () => {
    const x = read('The Democratic Republic of Congo accused Uganda of backing the rebels. Congo then closed its border with Uganda.');
    assert.ok(between(x, 'COD', 'UGA').length >= 2, JSON.stringify(x.events.map((e) => [e.source, e.target])));
    assert.equal(x.actors.filter((a) => a.code?.startsWith('COG')).length, 0);
    const y = read('Congo and Gabon signed a fisheries accord in Brazzaville.');
    assert.equal(between(y, 'COG', 'GAB').length + between(y, 'GAB', 'COG').length, 1, 'without the Democratic Republic, Congo stays the Republic');
  });

  it('reads a bare "Congo" as the Democratic Republic when the text names its places, leaders or the M23', () => {
    const x = read('M23 fighters seized Goma in January. Congo accused Rwanda of backing them.');
    assert.equal(one(between(x, 'COD', 'RWA'), 'the accusation').cameo, '112');
    assert.equal(between(read('Congo accused Gabon of harbouring smugglers.'), 'COG', 'GAB').length, 1, 'with no such cue, the codebook\'s reading stands');
  });

  it('makes "we" in a briefing speaker\'s turn the speaker\'s government, never in a question', () => {
    const text = 'Press briefing by the Japanese Foreign Ministry spokesperson, 4 March 2025\n\nSPOKESPERSON: We welcome the decision by South Korea to resume the trilateral talks.\n\nQUESTION (NHK): Should we expect China to criticise the talks?';
    const x = read(text, '2025-03-04');
    one(between(x, 'JPN', 'KOR').filter((e) => e.cameo === '051'), 'we welcome');
    assert.equal(between(x, 'JPN', 'CHN').length, 0, 'a journalist\'s "we" is not the government');
    const y = read('Japan and South Korea resumed talks.\n\nWe welcome the decision by South Korea to resume the talks.');
    assert.equal(between(y, 'JPN', 'KOR').filter((e) => e.cameo === '051').length, 0, 'outside a briefing "we" is no one in particular');
  });

  it('reads a sentence-initial "He" as the person the sentence before named', () => {
    const x = read('Kenyan President William Ruto arrived in Addis Ababa on Monday. He urged Ethiopia to settle its dispute with Eritrea.', '2024-05-08');
    one(between(x, 'KEN', 'ETH').filter((e) => e.cameo.startsWith('02')), 'He urged');
  });

  it('does not read a month as a person ("announced in May")', () => {
    const x = read('Egypt welcomed the plan that Joe Biden announced in May.', '2024-08-01');
    assert.equal(x.actors.filter((a) => a.kind === 'person' && a.name !== 'Joe Biden').length, 0, JSON.stringify(x.actors.map((a) => a.name)));
  });
});

describe('references back, settings and asides', () => {
  it('takes "the two leaders" from the states the sentence itself named', () => {
    const x = read('Chilean and Peruvian presidents Gabriel Boric and Dina Boluarte met in Lima, and the two leaders agreed to reopen the border crossing.', '2024-06-01');
    assert.ok(between(x, 'CHL', 'PER').length + between(x, 'PER', 'CHL').length >= 1);
    const y = read('Ghana met Togo in Accra on Monday, and the two governments agreed to share intelligence.');
    assert.equal(y.events.filter((e) => e.source.some((c) => !['GHA', 'TGO'].includes(country(c))) || e.target.some((c) => !['GHA', 'TGO'].includes(country(c)))).length, 0, JSON.stringify(y.events.map((e) => [e.source, e.target])));
  });

  it('does not code the gathering where a meeting or trip took place ("on the sidelines of the summit", "for a meeting of")', () => {
    const x = read('Vietnam\'s prime minister met the Japanese prime minister on the sidelines of the ASEAN summit in Vientiane.');
    assert.equal(x.events.filter((e) => e.source.some((c) => c.startsWith('IGO')) || e.target.some((c) => c.startsWith('IGO'))).length, 0, JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
    one(between(x, 'VNM', 'JPN'), 'the meeting itself');
  });

  it('never takes the object of a participle as a subject ("without naming Israel, criticised …")', () => {
    const x = read('Turkey\'s president praised Qatar and, without naming Israel, criticised governments that bomb hospitals.');
    assert.equal(x.events.filter((e) => e.source.some((c) => country(c) === 'ISR')).length, 0, JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
  });

  it('resumes the main clause after a relative one at an auxiliary ("X, which …, has …")', () => {
    const x = read('Hungary, which has vetoed aid to Ukraine, has criticised Poland for its stance.');
    one(between(x, 'HUN', 'POL'), 'the subject before the relative clause');
    assert.equal(between(x, 'UKR', 'POL').length, 0);
  });

  it('lets one modifier follow a phrase\'s article ("lodged a formal protest with X")', () => {
    const e = one(between(read('Vietnam lodged a strong protest with China over the survey ship.'), 'VNM', 'CHN'), 'lodged a strong protest');
    assert.equal(e.quad, 3);
  });

  it('codes coordination as cooperation with the other side and reads "their" as that side', () => {
    const x = read('Saudi Arabia has coordinated closely with Egypt on the crossing.');
    assert.equal(one(between(x, 'SAU', 'EGY'), 'coordinated with').cameo, '050');
    const y = read('Iran\'s foreign minister met Iraqi officials in Baghdad, and Tehran fully supports their position.');
    one(between(y, 'IRN', 'IRQ').filter((e) => e.cameo === '051'), '"supports their position"');
  });

  it('reads "the Secretary" as the person named with that title before', () => {
    const x = read('Secretary Antony Blinken arrived in Cairo. On Monday the Secretary met the Egyptian foreign minister.', '2024-08-20');
    assert.ok(between(x, 'USA', 'EGY').length + between(x, 'EGY', 'USA').length >= 1, JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
  });

  it('keeps a year written out in an aside to its own paragraph', () => {
    const x = read('Armenia and Azerbaijan, whose armies clashed in September 2022, resumed talks.\n\nIn early October Armenia accused Azerbaijan of shelling a village.', '2024-11-05');
    const accused = one(between(x, 'ARM', 'AZE').filter((e) => e.cameo.startsWith('11')), 'the accusation');
    assert.equal(accused.date?.start.slice(0, 7), '2024-10');
  });
});

describe('subjects, bodies and elaborations', () => {
  it('gives a body named after an organisation\'s possessive to that organisation ("the African Union\'s Peace and Security Council")', () => {
    const x = read('The African Union\'s Peace and Security Council suspended Niger on Friday.');
    assert.ok(between(x, 'IGOAU', 'NER').length + x.events.filter((e) => e.source.some((c) => c.startsWith('IGOAFR')) && e.target.some((c) => country(c) === 'NER')).length >= 1, JSON.stringify(x.events.map((e) => [e.source, e.target])));
    assert.equal(x.events.filter((e) => e.source.includes('IGOUNO')).length, 0, 'not the UN Security Council');
  });

  it('lets a demonym-led subject act even after a phrase naming another country ("Ecuadorian police forced their way into the Mexican embassy")', () => {
    const x = read('Hours later, Venezuelan troops forced their way into the Guyanese border post and arrested two officers.');
    assert.ok(between(x, 'VEN', 'GUY').some((e) => e.quad === 4), JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
    assert.equal(between(x, 'GUY', 'VEN').length, 0);
  });

  it('shares a subject only with a finite verb, not a participle ("urged them to return to the negotiating table and offered …")', () => {
    const x = read('Qatar urged Sudan and Chad to return to the negotiating table and offered to host the next round.');
    assert.ok(x.events.every((e) => e.source.some((c) => country(c) === 'QAT')), JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
  });

  it('codes "traded insults/accusations" as a quarrel, not trade', () => {
    const x = read('Colombia and Venezuela traded accusations over the border closure.');
    const e = one([...between(x, 'COL', 'VEN'), ...between(x, 'VEN', 'COL')], 'traded accusations');
    assert.equal(e.quad, 3);
  });

  it('adds no statement for "… and said …" after an act of the same subject', () => {
    const x = read('The Nigerian president criticised Niger in a speech in Abuja and said its junta had no mandate.');
    assert.equal(between(x, 'NGA', 'NER').length, 1, JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
  });

  it('reads ", X said, citing …" as a trailing attribution', () => {
    const x = read('Canada imposed sanctions on three Iranian officials on Monday, the foreign ministry said, citing their role in the crackdown.');
    const e = one(between(x, 'CAN', 'IRN'), 'the sanctions only');
    assert.equal(e.quad, 4);
  });

  it('codes nothing between a state\'s government and itself', () => {
    const x = read('Gustavo Petro later allowed the Colombian diplomats to stay.', '2024-04-12');
    assert.equal(x.events.length, 0, JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
  });
});

describe('appositions, participle clauses, appeals and namesakes', () => {
  it('takes the head before an apposition as the subject ("Belarus, Russia\'s closest ally, accused …")', () => {
    const x = read('Serbia, China\'s main partner in the Balkans, accused Croatia of arming Kosovo.');
    one(between(x, 'SRB', 'HRV').filter((e) => e.cameo.startsWith('11')), 'the head');
    assert.equal(between(x, 'CHN', 'HRV').length, 0);
  });

  it('gives a participle clause after the main clause the main subject (", accusing them of …")', () => {
    const x = read('Poland expelled three Belarusian diplomats on Monday, accusing them of spying.');
    assert.equal(x.events.filter((e) => e.source.some((c) => country(c) === 'BLR')).length, 0, JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
  });

  it('folds the act an appeal asks of others into the appeal ("urged member states to impose sanctions on X")', () => {
    const x = read('Sweden urged member states to impose sanctions on Iran.');
    const appeal = one(between(x, 'SWE', 'IRN'), 'the appeal');
    assert.ok(appeal.cameo.startsWith('02') && !appeal.hypothetical, appeal.cameo);
  });

  it('gives a name two dictionary people share to the one whose office began last ("Mark Rutte" at NATO)', () => {
    const x = read('Mark Rutte met the Finnish president in Helsinki.', '2025-01-17');
    assert.equal(x.actors.find((a) => a.name === 'Mark Rutte')?.code, 'IGONATO');
  });
});

describe('claims: a plain statement about another becomes a claim once that other answers it', () => {
  it('makes "investigators said X had …" a denied claim when X denies any involvement', () => {
    const x = read('Norwegian investigators said a trawler linked to Beijing had cut a data cable. China denied any involvement in the damage.');
    assert.equal(x.claims.length, 1, JSON.stringify(x.claims));
    const c = x.claims[0];
    assert.deepEqual([c.claimant.map(country), c.about.map(country), c.status, c.deniedBy.map(country)], [['NOR'], ['CHN'], 'denied', ['CHN']]);
  });

  it('keeps unanswered statements and what a speaker says of itself out of the claims', () => {
    assert.equal(read('Kenya said it would send more police officers to Haiti.').claims.length, 0);
    assert.equal(read('Norwegian investigators said a trawler linked to Beijing had cut a data cable.').claims.length, 0);
  });
});

describe('context: which clause may lend a side, and the act a verb answers', () => {
  it('lends a later clause\'s other side only when it shares the subject', () => {
    const x = read('Chad rejected the plan, and its president said he would ask the African Union to mediate.');
    assert.equal(x.events.filter((e) => e.cameo.startsWith('12') && e.target.includes('IGOAU')).length, 0, JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
  });

  it('targets the author of an act the sentence before reported, when the object names it again ("signed a decree … rejected the decree")', () => {
    const x = read('Mali signed a decree on Monday that claims the border town for itself. Burkina Faso rejected the decree.');
    one(between(x, 'BFA', 'MLI').filter((e) => e.cameo.startsWith('12')), 'rejected the decree');
    const y = read('Mali signed a decree on Monday that claims the border town for itself. Burkina Faso rejected the proposal.');
    assert.equal(between(y, 'BFA', 'MLI').length, 0, 'another noun answers something else');
  });
});

describe('the sourced organisations correct the 2014 dictionary', () => {
  it('codes the Houthis as Yemeni, Wagner as a Russian private force, the ELN as Colombian', () => {
    const x = read('Houthi rebels fired a missile at Saudi Arabia. Wagner fighters clashed with Malian troops. The ELN attacked a Colombian army base.', '2024-06-01');
    one(between(x, 'YEM', 'SAU'), 'Houthis');
    assert.ok(between(x, 'RUS', 'MLI').some((e) => e.source.includes('RUSUAF')), 'Wagner');
    one(between(x, 'COL', 'COL').filter((e) => e.source.includes('COLREB')), 'ELN');
  });

  it('keeps a person whose family name is an organisation\'s name under the full name only', () => {
    const x = read('Kayikwamba Wagner met Antony Blinken in Kinshasa.', '2024-06-01');
    one(between(x, 'COD', 'USA'), 'the DRC foreign minister by her full name');
  });
});

describe('reader4: pronoun subjects, protest notes, one code per organisation', () => {
  it('reads a clause-initial "it" as the one state or organisation the sentence before had as subject', () => {
    const x = read('After the vote in Lome, the African Union answered with its toughest language in years. Within a week it suspended Togo and threatened further measures.');
    assert.equal(one(between(x, 'IGOAU', 'TGO').filter((e) => e.cameo.startsWith('16')), 'suspension').quad, 4);
    one(between(x, 'IGOAU', 'TGO').filter((e) => e.cameo.startsWith('13')), 'threat');
    const y = read('Ghana and Togo met in Accra. It is unclear whether Togo will sign the accord.');
    assert.equal(y.events.filter((e) => e.cameo.startsWith('05') || e.cameo.startsWith('06')).length, 0, 'an expletive "it" is nobody');
  });

  it('codes a protest note or a filed protest as a formal complaint (114) to the one it is sent to', () => {
    const x = read('Hanoi sent a protest note to Beijing over the survey ship.');
    assert.equal(one(between(x, 'VNM', 'CHN'), 'protest note').cameo, '114');
    const y = read('Thai patrol boats seized a Cambodian trawler on Sunday. Phnom Penh filed a formal protest the next day.');
    assert.equal(one(between(y, 'KHM', 'THA'), 'filed protest, answering the seizure').cameo, '114');
  });

  it('makes "X accused Y of …" a claim once Y answers it, in the same sentence or the next', () => {
    const x = read('Bamako accused Algeria of arming separatist fighters, a charge Algiers denied.');
    assert.deepEqual(x.claims.map((c) => [c.claimant, c.about, c.status, c.deniedBy]), [[['MLIGOV'], ['DZA'], 'denied', ['DZAGOV']]]);
    const y = read('Bamako accused Algeria of arming separatist fighters. Algeria later signed a gas deal with Tunisia.');
    assert.equal(y.claims.length, 0, 'an accusation nobody answers stays an event, not a claim');
  });

  it('resolves "the three military governments" past one adjective to the states named before', () => {
    const x = read('Chad, Sudan and Libya met in Cairo. The three neighbouring governments signed a border pact.');
    const e = one(x.events.filter((e) => e.cameo === '057'), 'pact');
    assert.deepEqual([...e.source, ...e.target].map(country).sort(), ['LBY', 'SDN', 'TCD']);
  });

  it('gives "soldiers/protesters in <capital>" that capital\'s country, but not visiting diplomats', () => {
    const x = read('Soldiers in Conakry detained President Alpha Conde on Sunday.', '2021-09-06');
    assert.ok(x.events.concat(x.actions).some((e) => e.cameo.startsWith('17') && e.source.includes('GINMIL')), JSON.stringify(x.actions.map((e) => [e.cameo, e.source])));
    const y = read('Diplomats in Beijing met the Russian envoy.');
    assert.equal(y.actors.filter((a) => a.code === 'CHNGOV').length, 0);
  });

  it('reads a noun after "any" as no act ("warned that any intervention would …")', () => {
    const x = read('Algeria warned that any intervention in Libya would destabilise the region.');
    assert.equal(x.events.filter((e) => e.quad === 4).length, 0, JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
    one(between(x, 'DZA', 'LBY').filter((e) => e.cameo.startsWith('13')), 'the warning');
  });

  it('keeps a protest and a summons of the same dyad as two complaints, but merges a repeated one', () => {
    const x = read('Cambodia lodged a formal protest with Thailand on Monday. Its foreign ministry then summoned the Thai ambassador in Phnom Penh.', '2025-06-03');
    assert.equal(between(x, 'KHM', 'THA').filter((e) => e.cameo === '114').length, 2, JSON.stringify(x.events.map((e) => [e.trigger, e.cameo])));
    const y = read('Cambodia summoned the Thai ambassador on Monday. The foreign ministry in Phnom Penh summoned the Thai ambassador over the border clash.', '2025-06-03');
    assert.equal(between(y, 'KHM', 'THA').filter((e) => e.cameo === '114').length, 1);
  });

  it('gives a nameless crowd\'s protest to the people of the place it names ("demonstrators rallied outside the X embassy in Y")', () => {
    const x = read('Hundreds of students protested outside the Israeli embassy in Amman on Friday.');
    assert.equal(one(between(x, 'JOR', 'ISR'), 'protest').quad, 3);
    const y = read('Demonstrators rallied against the government.');
    assert.equal(y.events.length, 0, 'no place, no country');
  });

  it('codes "sent (two) warships to the area" as a deployment against the side of the standoff', () => {
    const x = read('Chinese coast guard ships blocked a Vietnamese survey vessel on Monday. Vietnam sent four frigates to the area the next day.');
    assert.equal(one(between(x, 'VNM', 'CHN').filter((e) => e.cameo.startsWith('15')), 'deployment').quad, 4);
    assert.equal(one(between(read('Russia sent 3000 troops to Belarus.'), 'RUS', 'BLR'), 'troops sent to an ally').cameo, '074');
  });

  it('reads "its northern neighbour" as the other state the paragraph named last, and codes cut supplies as an embargo', () => {
    const x = read('Russia blamed Georgia for the clashes. Moscow cut its gas supplies to its southern neighbour the next day.');
    assert.equal(one(between(x, 'RUS', 'GEO').filter((e) => e.cameo === '163'), 'gas cut').quad, 4);
  });

  it('codes leaving an organisation as reducing relations, but never leaving a city', () => {
    const x = read('Burkina Faso left ECOWAS in January. The Russian minister left Kyiv on Monday.');
    assert.equal(one(between(x, 'BFA', 'IGOECOWAS'), 'left the bloc').cameo, '160');
    assert.equal(between(x, 'RUS', 'UKR').length, 0, 'a departure from a city is no act against it');
  });

  it('ends a trailing attribution at ", and" so that the next clause is no part of what was said', () => {
    const x = read('France urged Mali to release the hostages, a French ministry spokesman said, and Spain pledged two aircraft to Senegal.');
    assert.equal(x.events.filter((e) => e.cameo.startsWith('01')).length, 0, JSON.stringify(x.events.map((e) => [e.trigger, e.source, e.target])));
    one(between(x, 'ESP', 'SEN'), 'the pledge');
  });

  it('gives an organisation one code whether named in full or by its acronym', () => {
    const x = read('The Economic Community of West African States suspended Guinea. ECOWAS later lifted the suspension on Guinea.');
    assert.ok(x.events.every((e) => e.source.every((c) => c === 'IGOECOWAS')), JSON.stringify(x.events.map((e) => e.source)));
    assert.equal(x.actors.filter((a) => a.kind === 'igo').map((a) => a.code).filter((c, i, all) => all.indexOf(c) === i).length, 1);
  });
});

describe('statements: whom a bare statement is about, base forms after a modal, announcements of plans', () => {
  it('makes a statement about the subject or object of what was said, not a name inside a modifier', () => {
    const x = read('Kenya says it holds documents showing Somalia was behind the raid.');
    assert.equal(between(x, 'KEN', 'SOM').length, 0, JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
    assert.equal(one(between(read('Chile said Peru was acting in bad faith.'), 'CHL', 'PER'), 'the content\'s subject').cameo, '010');
    assert.equal(one(between(read('Jordan said it would ask Egypt to mediate.'), 'JOR', 'EGY'), 'the object of its verb').source[0].slice(0, 3), 'JOR');
  });

  it('reads a base form the dictionary keeps for nouns and adjectives as the verb after a modal or "to"', () => {
    const x = read('Vietnam announced it would free 40 Cambodian fishermen.');
    assert.ok(between(x, 'VNM', 'KHM').length >= 1, JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
    assert.equal(between(read('The talks took place in a free and open atmosphere between Vietnam and Cambodia.'), 'VNM', 'KHM').filter((e) => e.cameo.startsWith('08')).length, 0, 'an adjective stays one');
  });

  it('reads "backing from X" as support by X, and "…, backing X" as the verb', () => {
    const x = read('Oslo said the plan had won backing from Tokyo.');
    assert.equal(between(x, 'NOR', 'JPN').length, 0, JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
    assert.equal(one(between(read('Poland sent tanks, backing Kyiv.'), 'POL', 'UKR'), 'participle').cameo, '051');
  });

  it('gives a participle or gerund opening the sentence the main clause\'s subject ("After meeting X, Y …")', () => {
    assert.equal(one(between(read('Backing Kyiv, Poland sent tanks.'), 'POL', 'UKR'), 'opening participle').cameo, '051');
    assert.ok(between(read('After meeting Erdogan on Monday, Putin flew home.'), 'RUS', 'TUR').some((e) => e.cameo.startsWith('04')));
    assert.equal(between(read('Ankara accused Athens of hosting militants.'), 'GRC', 'TUR').length, 0, 'a gerund after "of" is still no act');
  });

  it('reads a word after a preposition as a noun, never a finite verb ("protested against Turkish strikes")', () => {
    const x = read('Syrians protested against Turkish strikes.');
    assert.equal(between(x, 'SYR', 'TUR').filter((e) => e.quad === 4).length, 0, JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
    assert.equal(one(between(x, 'SYR', 'TUR'), 'the protest').cameo.slice(0, 2), '14');
    assert.equal(one(between(read('Russia strikes Ukrainian ports.'), 'RUS', 'UKR'), 'a finite verb after its subject').quad, 4);
  });

  it('reads a role word before a noun as an adjective ("renounced the military agreements with France")', () => {
    const x = read('Niger renounced the military agreements with France.');
    assert.equal(one(between(x, 'NER', 'FRA'), 'the renunciation').quad, 3);
    assert.ok(!x.actors.some((a) => a.code === 'NERMIL'), JSON.stringify(x.actors.map((a) => a.code)));
  });

  it('codes tariffs as economic sanctions, a passive participle the dictionary keeps for nouns as the verb, and "struck X targets" as one strike', () => {
    assert.equal(one(between(read('Washington imposed tariffs on Chinese steel.'), 'USA', 'CHN'), 'tariffs').cameo, '163');
    assert.equal(one(between(read('A Ukrainian port was hit by Russian missiles.'), 'RUS', 'UKR'), 'passive').quad, 4);
    const x = read('Israel struck Hezbollah targets in southern Lebanon.');
    assert.equal(x.events.length, 1, JSON.stringify(x.events.map((e) => [e.trigger, e.source, e.target])));
  });

  it('gives a statement that what it reports did not happen no other side from context ("said no ship had been hit")', () => {
    const x = read('Houthi forces fired missiles at a tanker. The Pentagon said no ship had been hit.');
    assert.equal(x.events.filter((e) => e.cameo === '010').length, 0, JSON.stringify(x.events.map((e) => [e.trigger, e.source, e.target])));
  });

  it('reads a word after an adjective as the noun ("hosted indirect talks", "held bilateral talks"), and keeps talks between two others apart from their host', () => {
    const x = read('Oman hosted indirect talks between Iran and the United States.');
    assert.equal([...between(x, 'IRN', 'USA'), ...between(x, 'USA', 'IRN')].filter((e) => e.cameo.startsWith('04')).length, 1, JSON.stringify(x.events.map((e) => [e.trigger, e.source, e.target])));
    assert.ok(x.events.some((e) => e.cameo === '043' && e.source.some((c) => c.startsWith('OMN'))), 'the hosting');
    assert.equal(one(between(read('Kenya and Somalia held bilateral talks.'), 'KEN', 'SOM'), 'the talks').cameo, '046');
  });

  it('gives a "by -ing" act the one its verb named, codes freezing participation in a bloc, and knows state energy companies', () => {
    assert.equal(one(between(read('Kyiv helped Moldova by supplying coal.'), 'UKR', 'MDA'), 'the supply').quad, 2);
    assert.equal(one(between(read('Armenia froze its participation in the CSTO.'), 'ARM', 'IGOCSTO'), 'the freeze').cameo, '160');
    assert.equal(one(between(read('Gazprom cut gas supplies to Moldova.'), 'RUS', 'MDA'), 'the cut').cameo, '163');
  });

  it('knows the US departments as the government, so that ", the Treasury Department said" only attributes the act', () => {
    const x = read('The United States imposed sanctions on a Rwandan minister on Wednesday, the Treasury Department said.');
    assert.deepEqual(x.events.map((e) => e.cameo), ['163'], JSON.stringify(x.events.map((e) => [e.trigger, e.source, e.target])));
  });

  it('makes a place attacked stand for its country ("shelled Kherson", "raided the Jenin camp"), and codes launching missiles at X', () => {
    assert.equal(one(between(read('Russia shelled Kherson.'), 'RUS', 'UKR'), 'the shelling').quad, 4);
    assert.equal(one(between(read('Israeli troops raided the Jenin camp overnight.'), 'ISR', 'PSE'), 'the raid').quad, 4);
    assert.equal(between(read('Ukrainian forces shelled Kharkiv.'), 'UKR', 'UKR').length, 0, 'a place of the attacker\'s own country is no other side');
    assert.equal(one(between(read('Iran launched drones and missiles at Israel in April.'), 'IRN', 'ISR'), 'the launch').quad, 4);
    assert.equal(read('China launched a new satellite.').events.length, 0, 'a launch of something else is no attack');
  });

  it('gives a noun that is a verb\'s object no side from that verb, and keeps an earlier clause\'s object out of the next subject', () => {
    const x = read('Brazil\'s president Lula criticised Israel\'s offensive in Gaza.', '2024-02-20');
    assert.equal(between(x, 'ISR', 'BRA').length, 0, JSON.stringify(x.events.map((e) => [e.trigger, e.source, e.target])));
    const y = read('Russia invaded Ukraine, and Kyiv condemned the invasion.');
    assert.deepEqual(one(between(y, 'UKR', 'RUS'), 'the condemnation').source, ['UKRGOV']);
  });

  it('codes an arrest warrant as legal action against its subject', () => {
    assert.equal(one(between(read('A Kenyan court issued an arrest warrant for a Ugandan opposition leader.'), 'KEN', 'UGA'), 'warrant').cameo, '173');
  });

  it('lets a denial answer an account of others, not a speaker\'s announcement of its own plan', () => {
    const x = read('Norway said it would close a crossing with Russia. Swedish police said the Russian navy had cut a cable. Moscow denied the account.');
    const denied = x.claims.filter((c) => c.status === 'denied');
    assert.deepEqual(denied.map((c) => c.claimant.map(country)), [['SWE']]);
    assert.ok(!x.claims.some((c) => c.claimant.some((k) => country(k) === 'NOR')), 'a plan is no claim');
  });
});

describe('the general dictionary beyond the G20 (sourced additions for smaller states)', () => {
  it('codes foreign ministers and heads of government of Latin America, Central Asia, the Nordics and Russia', () => {
    const x = read('Mario Lubetkin met Bakhtiyor Saidov and Rosa Villavicencio in Tashkent. Kristrún Frostadóttir later called Mikhail Mishustin.', '2025-09-01');
    assert.deepEqual(x.actors.filter((a) => a.kind === 'person').map((a) => a.code).sort(), ['COLGOV', 'ISLGOV', 'RUSGOV', 'URYGOV', 'UZBGOV']);
  });

  it('never reads a weekday or a modal as a leader whose family name it is ("Friday", "May")', () => {
    const x = read('Ghana and Togo will sign the accord on Friday, and May brings the next round.', '2025-09-01');
    assert.deepEqual(x.actors.filter((a) => a.kind === 'person').map((a) => a.name), []);
  });
});

describe('reader5: titles before names, transcript labels, conditions inside statements', () => {
  it('gives "the Foreign Minister of X, First Last," the title\'s code, and a later "President Last" the person named before', () => {
    const x = read('The foreign minister of Chile, Ana Reyes, met the Peruvian ambassador. President Gabriel Boric spoke on Monday. Lima thanked President Boric for his support.', '2024-04-02');
    assert.ok(x.actors.some((a) => a.kind === 'person' && a.name === 'Ana Reyes' && a.code === 'CHLGOV'), JSON.stringify(x.actors));
    one(between(x, 'PER', 'CHL').filter((e) => e.cameo === '051'), '"President Boric" is the person named before');
  });

  it('keeps the outlet of a question turn\'s label out of the actors', () => {
    const x = read('Press conference by the Foreign Ministry of Peru, Lima, 2 April 2024\n\nQUESTION (Reuters): Did Chile recall its ambassador?\n\nSPOKESPERSON: We have no comment.', '2024-04-02');
    assert.ok(!x.actors.some((a) => a.code === 'GBRMED'), JSON.stringify(x.actors.map((a) => a.code)));
  });

  it('reads a condition after a reported statement as part of what was said, so the conditional act is no event or claim', () => {
    const x = read('The Brazilian minister told Paraguay that Brasilia would respond if Bolivia closed the border.');
    one(between(x, 'BRA', 'PRY'), 'the statement to its addressee');
    assert.equal(between(x, 'BOL', 'BRA').length + between(x, 'BOL', 'PRY').length, 0, JSON.stringify(x.events.map((e) => [e.trigger, e.source, e.target])));
    assert.equal(x.claims.length, 0);
  });

  it('reads a capitalised "May" after "in" as the month, and "the following week" after a month as a week into it', () => {
    const x = read('In May, Poland expelled a Belarusian diplomat. Belarus may answer soon.', '2025-01-20');
    const e = one(between(x, 'POL', 'BLR'), 'expulsion');
    assert.deepEqual([e.date?.start, e.date?.end], ['2024-05-01', '2024-05-31']);
    const y = read('Estonia accused Russia of jamming flights in December. The following week Tallinn summoned the Russian ambassador.', '2025-01-20');
    const summons = one(between(y, 'EST', 'RUS').filter((v) => v.cameo === '114'), 'summons stays apart from the accusation');
    assert.ok(summons.date && summons.date.start <= '2024-12-31' && summons.date.end >= '2024-12-08', JSON.stringify(summons.date));
  });

  it('resolves a bare Chinese or Korean family name ("Xi") to the person named in full, and "the two governments" to the parties, not an attributive place', () => {
    const x = read('Chinese President Xi Jinping spoke on Monday. Viktor Orbán welcomed Xi to Budapest after the Belgrade visit. The two governments then raised their ties to a strategic partnership.', '2024-05-20');
    one(between(x, 'HUN', 'CHN').filter((e) => e.cameo === '051'), 'the welcome');
    one([...between(x, 'HUN', 'CHN'), ...between(x, 'CHN', 'HUN')].filter((e) => e.cameo === '050'), 'the upgrade between the two parties, kept apart from the welcome');
    assert.equal(between(x, 'HUN', 'SRB').length + between(x, 'SRB', 'HUN').length, 0);
  });

  it('gives no other side from context to a verb whose object is a value ("supported the freedom of shipping")', () => {
    const x = read('Egypt signed a transit accord with Jordan. Egypt has always supported the freedom of shipping.');
    assert.equal(x.events.filter((e) => e.cameo === '051').length, 0, JSON.stringify(x.events.map((e) => [e.trigger, e.target])));
  });

  it('dates "in the spring" without a year to the latest spring before the document', () => {
    const x = read('Hungary blocked a joint EU statement on Kosovo in the spring.', '2025-01-20');
    const e = one(between(x, 'HUN', 'IGOEU'), 'the block');
    assert.deepEqual([e.date?.start, e.date?.end], ['2024-03-01', '2024-05-31']);
  });

  it('codes a vessel entering waters its owner names inside the phrase as a show of force, but not unowned "waters off X"', () => {
    const x = read('A Russian warship entered Norwegian waters on Monday.');
    assert.equal(one(between(x, 'RUS', 'NOR'), 'incursion').quad, 4);
    const y = read('A Russian warship entered waters off Svalbard on Monday.');
    assert.equal(y.events.length, 0, JSON.stringify(y.events.map((e) => [e.trigger, e.target])));
  });

  it('codes "sent a team/delegation to <capital>" as a visit, "assured me" in a speaker\'s turn as a statement to the speaker\'s government, and "bought X from Y" as trade', () => {
    const x = read('Press conference by the Foreign Minister of Chile, Santiago, 2 April 2024\n\nMINISTER: Peru sent a team of engineers to Santiago. Its foreign minister assured me on Friday that Lima respects the treaty.', '2024-04-02');
    assert.equal(one(between(x, 'PER', 'CHL').filter((e) => e.cameo === '042'), 'the team').quad, 1);
    one(between(x, 'PER', 'CHL').filter((e) => e.cameo === '010'), '"assured me"');
    const y = read('Serbia bought twelve fighter jets from France.');
    assert.equal(one(between(y, 'SRB', 'FRA'), 'the purchase').quad, 2);
  });

  it('lets "criticised the closures" and "condemned the incursion" name the author of the act reported a few sentences before', () => {
    const x = read('Pristina closed the Serbian-run post offices in the north. Belgrade protested. Serbia also asked for talks. The EU criticised the closures.', '2025-01-20');
    one(between(x, 'IGOEU', 'XKX').filter((e) => e.cameo === '111'), 'the closures are Pristina\'s');
    const y = read('A Venezuelan navy patrol vessel entered Guyanese waters on Saturday. Guyana summoned the ambassador. Brazil offered support. Lula spoke to Ali. The OAS met on Friday. CARICOM condemned the incursion on Sunday evening.', '2025-03-03');
    const e = one(between(y, 'IGOCRB', 'VEN'), 'the incursion is Venezuela\'s');
    assert.deepEqual([e.date?.start, e.quad], ['2025-03-02', 3]);
  });
});

describe('reader6: datelines, names, titles before a name, generic act nouns', () => {
  it('counts a dispatch\'s weekdays back from its dateline and keeps the dateline\'s city out of the actors', () => {
    const x = read('BAKU, Feb 5 (Example Wire) - Azerbaijan and Georgia agreed on Saturday to open a new border crossing.\n\nTBILISI, Feb 3 (Example Wire) - Georgia summoned the Russian ambassador on Monday.', '2025-02-12');
    assert.equal(one(between(x, 'AZE', 'GEO'), 'the agreement').date?.start, '2025-02-01');
    assert.equal(one(between(x, 'GEO', 'RUS'), 'the summons').date?.start, '2025-02-03');
    assert.ok(!x.actors.some((a) => a.code === 'AZEGOV' || a.code === 'GEOGOV'), JSON.stringify(x.actors.map((a) => a.code)));
  });

  it('reads a family name after a given name the dictionary does not pair with it as someone else', () => {
    const x = read('Bakhtiyor Saidov, Uzbekistan\'s foreign minister, met Amir Khan Muttaqi in Termez on Monday.', '2025-02-10');
    assert.ok(!x.actors.some((a) => a.country === 'TJK'), JSON.stringify(x.actors.map((a) => [a.name, a.code])));
    one(between(x, 'UZB', 'AFG'), 'the meeting');
  });

  it('gives a name set off by commas after its title the title\'s side ("his Omani counterpart, X,"; "Y\'s chief spokesman, X,")', () => {
    const x = read('Sergey Lavrov met his Omani counterpart, Salim Harthi, in Moscow on Monday.', '2025-02-10');
    assert.equal(x.actors.find((a) => a.name === 'Salim Harthi')?.code, 'OMNGOV');
    one(between(x, 'RUS', 'OMN'), 'the meeting');
    const y = read('The Taliban\'s chief spokesman, Karim Zahed, rejected the UN report.', '2025-02-10');
    assert.equal(y.actors.find((a) => a.name === 'Karim Zahed')?.country, 'AFG');
    one(between(y, 'AFG', 'IGOUNO'), 'the rejection');
  });

  it('lets a role ending in a title head a name ("Sudanese Information Minister X")', () => {
    const x = read('Sudanese Information Minister Khalid Omer Yousif dismissed the report.', '2025-02-10');
    assert.equal(x.actors.find((a) => a.kind === 'person')?.country, 'SDN', JSON.stringify(x.actors));
  });

  it('reads "the group" as the armed group named last, and "Its leader, X," as that group\'s leader', () => {
    const x = read('Al-Shabaab fighters attacked a base near Mogadishu. The group said it had captured the base. Its leader, Ahmed Diriye, warned Kenya that attacks would continue.', '2025-02-10');
    assert.equal(x.actors.find((a) => a.name === 'Ahmed Diriye')?.code, 'SOMREB');
    assert.equal(one(between(x, 'SOM', 'KEN'), 'the warning').quad, 3);
  });

  it('keeps a name after "al-" or "el-" a part of the person\'s name, not the organisation it spells', () => {
    const x = read('Houthi fighters seized a tanker. The movement\'s spokesman, Mohammed al-Houthi, defended the seizure.', '2025-02-10');
    assert.ok(x.actors.some((a) => a.kind === 'person' && a.name === 'Mohammed al-Houthi' && a.country === 'YEM'), JSON.stringify(x.actors.map((a) => [a.name, a.code])));
  });

  it('gives "welcomed the move" the author of the act reported just before, not a side named earlier', () => {
    const x = read('Iran warned Israel on Monday. Canada expelled two Iranian diplomats on Tuesday. Israel welcomed the move.', '2025-02-12');
    assert.equal(one(between(x, 'ISR', 'CAN'), 'the welcome').cameo, '051');
    assert.equal(between(x, 'ISR', 'IRN').length, 0, JSON.stringify(x.events.map((e) => [e.trigger, e.source, e.target])));
  });

  it('joins "the two leaders and Kenya\'s X" as co-subjects, the possessive owner going with the name', () => {
    const x = read('Ethiopian Prime Minister Abiy Ahmed met Somali President Hassan Sheikh Mohamud in Nairobi on 3 May. On 5 May the two leaders and Kenya\'s William Ruto signed a water-sharing accord.', '2025-05-10');
    const signed = x.events.filter((e) => e.cameo === '057');
    assert.equal(signed.length, 1, JSON.stringify(x.events.map((e) => [e.trigger, e.source, e.target])));
    assert.deepEqual([...signed[0].source, ...signed[0].target].map((c) => c.slice(0, 3)).sort(), ['ETH', 'KEN', 'SOM']);
  });

  it('reads no act in a "where" clause whose subject is no actor ("the point where the borders meet")', () => {
    const x = read('Armenia and Azerbaijan signed a map of the valley where their two borders meet.', '2025-05-10');
    assert.equal(x.events.filter((e) => e.cameo.startsWith('04')).length, 0, JSON.stringify(x.events.map((e) => [e.trigger, e.source, e.target])));
  });

  it('codes taking a group off a list as easing sanctions, and reads "of banned groups" as no ban', () => {
    const x = read('Kazakhstan removed the Taliban from its list of banned organisations on Monday.', '2025-02-12');
    assert.equal(one(between(x, 'KAZ', 'AFG'), 'the delisting').cameo, '081');
    assert.equal(read('Russia removed two battalions from the border.', '2025-02-12').events.filter((e) => e.cameo === '081').length, 0, 'no list, no delisting');
  });

  it('reads a participle after an adverb and a determiner as an adjective ("the internationally recognised government")', () => {
    const x = read('Libya\'s internationally recognised government met Egyptian officials in Cairo.', '2025-02-12');
    assert.ok(!x.actions.some((e) => e.trigger === 'recognised') && !x.events.some((e) => e.trigger === 'recognised'), JSON.stringify(x.actions.map((e) => e.trigger)));
  });

  it('codes reopening border crossings between the two governments as a concession of both', () => {
    const x = read('Armenia and Turkey held talks in Kars on Monday. The two governments reopened the road crossings the following week.', '2025-02-12');
    assert.equal(one(x.events.filter((e) => e.cameo === '086'), 'the reopening').quad, 2);
    assert.equal(read('Armenia reopened the museum in Gyumri.', '2025-02-12').events.length, 0);
  });

  it('reads an order to one\'s own side as that side\'s act, and a terrorist designation as a sanction', () => {
    const x = read('The Canadian prime minister ordered the foreign ministry on Monday to designate the Wagner Group as a terrorist organisation.', '2025-02-12');
    const e = one(x.events.filter((ev) => ev.cameo === '172'), 'the designation');
    assert.ok(e.source.every((c) => c.startsWith('CAN')) && !e.hypothetical, JSON.stringify(e));
    assert.ok(!x.events.some((ev) => ev.cameo === '100'), 'no demand of its own ministry');
  });

  it('gives a ship named with a navy prefix that navy\'s side ("the destroyer HMS Diamond")', () => {
    const x = read('Houthi forces fired two missiles at the destroyer HMS Diamond in the Red Sea, a spokesman for the group said.', '2025-02-12');
    assert.equal(one(between(x, 'YEM', 'GBR'), 'the attack').quad, 4);
    assert.ok(!x.actors.some((a) => a.kind === 'person'), JSON.stringify(x.actors.map((a) => [a.name, a.kind])));
  });

  it('reads "accused X of arming and training Y" as one accusation: both gerunds describe the charge', () => {
    const x = read('Sudan accused Chad on Monday of arming and training militiamen in Darfur.', '2025-02-12');
    assert.deepEqual(x.events.map((e) => e.cameo), ['112'], JSON.stringify(x.events.map((e) => [e.trigger, e.source, e.target])));
  });

  it('gives a verb after "who"/"that" the actor right before it as subject ("M23 rebels who are fighting Congolese troops")', () => {
    const x = read('Kinshasa accused Rwanda of backing M23 rebels who are fighting Congolese troops.', '2025-02-12');
    assert.equal(x.events.filter((e) => e.trigger === 'fighting' && e.source.some((c) => c.startsWith('RWA'))).length, 0, JSON.stringify(x.events.map((e) => [e.trigger, e.source, e.target])));
  });

  it('codes easing only of what can be eased (sanctions, restrictions, a blockade), not of a quarrel', () => {
    assert.equal(read('Washington eased sanctions on Syria.', '2025-02-12').events.filter((e) => e.cameo === '080' || e.cameo === '085').length, 1);
    assert.equal(read('Turkey eased the quarrel between Kenya and Somalia.', '2025-02-12').actions.filter((e) => e.cameo.startsWith('08')).length, 0);
  });

  it('takes no other side from context for a noun whose own phrase names one the gazetteer does not know', () => {
    const x = read('Turkish President Recep Tayyip Erdogan hosted Abiy Ahmed in Ankara. Critics attacked Ethiopia\'s port deal with Somaliland.', '2025-02-12');
    assert.equal(x.events.filter((e) => e.cameo === '057').length, 0, JSON.stringify(x.events.map((e) => [e.trigger, e.source, e.target])));
  });

  it('codes handing captives to someone as their release to that side, but not handing over a note', () => {
    const x = read('Hamas freed four hostages on Saturday and handed them to Red Cross officials in Qatar\'s presence; Egypt handed him a protest note.', '2025-02-12');
    assert.ok(!x.events.some((e) => e.cameo === '0841' && e.source.some((c) => c.startsWith('EGY'))), JSON.stringify(x.events.map((e) => [e.trigger, e.cameo, e.source, e.target])));
    const y = read('The rebels released three Kenyan soldiers and handed them to Ugandan mediators.', '2025-02-12');
    assert.ok(y.events.some((e) => e.cameo.startsWith('084') && e.target.some((c) => c.startsWith('UGA'))), JSON.stringify(y.events.map((e) => [e.trigger, e.cameo, e.source, e.target])));
  });

  it('reads "its fighters" in a sentence an armed group opened as that group\'s fighters', () => {
    const x = read('Somalia\'s Al-Shabaab freed two aid workers in Kenya on Monday, a year after its fighters kidnapped them.', '2025-02-12');
    assert.ok(x.actors.every((a) => a.code !== 'KENREB'), JSON.stringify(x.actors.map((a) => [a.name, a.code])));
  });

  it('dates an undated reaction by the last event its paragraph dated, never across paragraphs', () => {
    const x = read('Canada expelled two Iranian diplomats on Tuesday. Israel welcomed the move.\n\nIran criticised Canada.', '2025-02-13');
    assert.equal(one(between(x, 'ISR', 'CAN'), 'the welcome').date?.start, '2025-02-11');
    assert.equal(one(between(x, 'IRN', 'CAN'), 'the criticism').date, null);
  });

  it('dates "overnight" to the night before the dispatch\'s day', () => {
    const x = read('KYIV, March 4 (Example Wire) - Russian drones struck Ukrainian power plants overnight, officials said.', '2025-03-06');
    const e = one(between(x, 'RUS', 'UKR'), 'the strike');
    assert.deepEqual([e.date?.start, e.date?.end], ['2025-03-03', '2025-03-04']);
  });
});


describe('reader7: accounts rejected, expulsions, answers to a stated condition, clause-bound dates', () => {
  it('reads rejecting "the account" or "that version" of events as a denial of the claim it answers', () => {
    const x = read('Pakistani officials accused Afghan border guards of firing on a convoy. Kabul rejected that version of events.');
    const denied = x.claims.filter((c) => c.status === 'denied');
    assert.deepEqual(denied.map((c) => [c.claimant.map(country), c.deniedBy.map(country)]), [[['PAK'], ['AFG']]]);
  });

  it('keeps a summons and a later accusation of the same side as two acts, though their CAMEO codes differ', () => {
    const x = read('Peru summoned the Chilean ambassador. Peruvian prosecutors later accused Chile of espionage.');
    assert.deepEqual(between(x, 'PER', 'CHL').map((e) => e.trigger).sort(), ['accused', 'summoned']);
  });

  it('reads the state a passive expulsion or deportation is "from" as the one acting', () => {
    const e = one(between(read('Three Belarusian diplomats were expelled from Vilnius on Monday.'), 'LTU', 'BLR'), 'expulsion');
    assert.equal(e.cameo, '166');
    one(between(read('Forty Afghan migrants were deported from Iran last week.'), 'IRN', 'AFG'), 'deportation');
  });

  it('lets "rejected the condition" answer the one who stated it in the sentence before', () => {
    const x = read('Armenia\'s prime minister said Yerevan would sign the treaty only after a border commission finished its work. Azerbaijan rejected the condition on Tuesday.');
    assert.equal(one(between(x, 'AZE', 'ARM'), 'the answer').quad, 3);
  });

  it('dates a verb by its own clause, not by a date in a relative clause beside it', () => {
    const x = read('Turkey, which hosted Russian and Ukrainian negotiators in March 2022, criticised Greece on Tuesday.', '2025-01-10');
    assert.equal(one(between(x, 'TUR', 'GRC'), 'the criticism').date?.start, '2025-01-07');
    assert.equal(one(between(x, 'TUR', 'UKR'), 'the relative clause\'s own act').date?.start, '2022-03-01');
  });

  it('counts "the following week" from a date given earlier in the same sentence', () => {
    const x = read('Kenyan and Ugandan ministers met in Kampala on 3 March, and the two governments signed a trade pact the following week.', '2025-04-01');
    const d = x.events.find((e) => e.cameo === '057')?.date;
    assert.ok(d && d.start >= '2025-03-09' && d.end <= '2025-03-16', JSON.stringify(d));
  });

  it('keeps a year written in a relative clause from dating the next year-less day', () => {
    const x = read('Qatar has not restored the flights to Bahrain that it halted in June 2017. On 12 March, Qatar hosted Bahraini envoys.', '2025-04-01');
    assert.equal(one(between(x, 'QAT', 'BHR').filter((e) => e.cameo.startsWith('04')), 'the visit').date?.start, '2025-03-12');
  });

  it('gives a "by -ing" verb the clause\'s subject when no main verb is coded, not a possessive in the object', () => {
    const x = read('Beijing has sought to punish Lithuania\'s government by expelling its ambassador.');
    assert.equal(one(between(x, 'CHN', 'LTU'), 'the expulsion').cameo, '166');
    assert.equal(between(x, 'LTU', 'CHN').length, 0);
  });

  it('gives "the authorities in <place>" no country but the place\'s own, never the last country named', () => {
    const x = read('Georgia sent grain to Armenia. The authorities in Sukhumi accepted the shipment. The officials in Baku thanked Georgia.');
    assert.ok(!x.actors.some((a) => a.name === 'authorities' && a.country === 'ARM'), JSON.stringify(x.actors));
    assert.equal(between(x, 'ARM', 'GEO').length, 0, 'no Armenian officials in Baku');
  });

  it('reads "deputy foreign ministers" as government officials, not lawmakers', () => {
    const x = read('Turkey hosted Syrian and Iraqi deputy foreign ministers in Ankara.');
    assert.deepEqual(x.events.flatMap((e) => e.target).sort(), ['IRQGOV', 'SYRGOV']);
  });

  it('gives an infinitive after "paid/hired/forced X to" the object as subject, not the one paying', () => {
    const x = read('Serbia hired local men to attack Kosovo police.');
    assert.equal(between(x, 'SRB', 'XKX').filter((e) => e.cameo.startsWith('19')).length, 0, JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
  });

  it('reads "signed no agreement" as negated', () => {
    const e = one(between(read('Chad signed no agreement with Sudan during the visit.'), 'TCD', 'SDN'), 'the signing');
    assert.equal(e.negated, true);
  });
});

describe('reader9: names with a possessive, drills and launches, calls, summons, export curbs, nominal accusations', () => {
  it('matches a dictionary name with a possessive inside ("People\'s Liberation Army")', () => {
    const x = read('The People\'s Liberation Army held naval drills near Vietnam on Tuesday.');
    assert.ok(x.actors.some((a) => a.code === 'CHNMIL'), JSON.stringify(x.actors.map((a) => [a.name, a.code])));
  });

  it('codes staged drills with one hyphenated modifier as a show of force at the place they surround', () => {
    const e = one(between(read('Russian forces staged large-scale drills around Moldova on Monday.'), 'RUS', 'MDA'), 'the drills');
    assert.equal(e.cameo, '150');
    assert.equal(e.trigger, 'staged large-scale drills');
  });

  it('codes ballistic missiles fired towards a country as a show of force, which a condemnation of "a launch" answers', () => {
    const x = read('Iran fired three medium-range ballistic missiles towards Israel, a launch that Berlin condemned within hours.');
    assert.equal(one(between(x, 'IRN', 'ISR'), 'the launch').cameo, '150');
    assert.equal(one(between(x, 'DEU', 'IRN'), 'the condemnation').cameo, '111');
  });

  it('reads "A and B spoke by telephone" as a symmetric call between them', () => {
    const x = read('Chancellor Olaf Scholz and President Emmanuel Macron spoke by telephone on Friday.');
    assert.equal(one([...between(x, 'DEU', 'FRA'), ...between(x, 'FRA', 'DEU')], 'the call').cameo, '041');
  });

  it('gives a summons without its agent to the capital where it happened', () => {
    const x = read('The Turkish ambassador was summoned to the foreign ministry in Athens on Tuesday.');
    assert.equal(one(between(x, 'GRC', 'TUR'), 'the summons').cameo, '114');
  });

  it('codes announced export curbs to a country as an embargo on it', () => {
    const x = read('Ankara announced curbs on exports of steel to Israel on Friday.');
    assert.equal(one(between(x, 'TUR', 'ISR'), 'the curbs').cameo, '163');
  });

  it('reads "X\'s accusation that Y had …" as an allegation about Y that a passive rejection denies', () => {
    const x = read('Kenya\'s accusation that Somalia had armed the militia came on Monday. That accusation was rejected by Mogadishu.');
    assert.equal(one(between(x, 'KEN', 'SOM').filter((e) => e.cameo === '112'), 'the accusation').quad, 3);
    const c = x.claims.find((k) => k.claimant.some((m) => m.startsWith('KEN')));
    assert.equal(c?.status, 'denied', JSON.stringify(x.claims));
  });

  it('points "the island" back to the island state named last', () => {
    const x = read('China and Sri Lanka signed a port deal. The island\'s president later criticised China.');
    assert.equal(between(x, 'LKA', 'CHN').filter((e) => e.cameo.startsWith('11')).length, 1, JSON.stringify(x.events.map((e) => [e.cameo, e.source, e.target])));
  });

  it('dates "earlier that month" before the day named before it, within its month', () => {
    const x = read('Serbia protested to Kosovo on 20 March. Kosovo had accused Serbia of arming militants earlier that month.', '2025-04-01');
    const d = one(between(x, 'XKX', 'SRB'), 'the accusation').date;
    assert.ok(d && d.start >= '2025-03-01' && d.end <= '2025-03-19', JSON.stringify(d));
  });

  it('codes no statement for an impersonal "it was widely noted"', () => {
    const x = read('The talks, it was widely noted, followed Egypt\'s mediation between Israel and Hamas.');
    assert.equal(x.events.filter((e) => e.cameo.startsWith('01')).length, 0, JSON.stringify(x.events.map((e) => [e.cameo, e.trigger])));
  });

  it('leaves a date that follows a later act in the sentence to that act', () => {
    const x = read('On 20 March Hungary staged drills near Serbia along the whole length of the shared border, drills which Belgrade denounced and which followed Croatia\'s protest against Serbia earlier that month.', '2025-04-01');
    assert.equal(one(between(x, 'SRB', 'HUN'), 'the denunciation').date?.start, '2025-03-20');
  });

  it('finds the object past "the newly elected" before a demonym and role', () => {
    const x = read('Egypt hosted the newly elected Libyan president in Cairo.');
    assert.equal(one(between(x, 'EGY', 'LBY'), 'the visit').cameo, '043');
  });
});

describe('reader8: live-blog entries, clashes, expulsions and cut ties, deadlines, participles as adjectives', () => {
  it('dates an undated act in a time-stamped live-blog entry to the day of publication', () => {
    const x = read('14:20 GMT\nKenya has recalled its ambassador to Uganda, the foreign ministry said.', '2025-06-03');
    assert.equal(one(between(x, 'KEN', 'UGA'), 'the recall').date?.start, '2025-06-03');
    const y = read('Kenya has recalled its ambassador to Uganda, the foreign ministry said.', '2025-06-03');
    assert.equal(one(between(y, 'KEN', 'UGA'), 'the recall').date, null, 'no entry stamp, no date');
  });
  it('codes "exchanged fire" as a symmetric armed clash', () => {
    const x = read('Thai and Cambodian soldiers exchanged fire near the temple on Monday.');
    const e = one(x.events.filter((e) => e.cameo.startsWith('19')), 'the clash');
    assert.deepEqual([...e.source, ...e.target].map(country).sort(), ['KHM', 'THA']);
  });

  it('codes "declared X persona non grata" as an expulsion and "barred X from" as a restriction', () => {
    assert.equal(one(between(read('Armenia declared the Azerbaijani consul persona non grata.'), 'ARM', 'AZE'), 'the expulsion').cameo, '166');
    assert.equal(one(between(read('Greece responded by barring Turkish trawlers from its waters.'), 'GRC', 'TUR'), 'the ban').cameo, '172');
    assert.equal(read('Greece declared that the talks were over.').events.filter((e) => e.cameo === '166').length, 0);
  });

  it('keeps "pushed them back" after a detention as a second act, an expulsion', () => {
    const x = read('Polish guards detained 30 Belarusian nationals and pushed them back across the border.');
    assert.deepEqual(between(x, 'POL', 'BLR').map((e) => e.cameo).sort(), ['173', '174']);
  });
  it('keeps a treaty suspension and a later expulsion apart although both reduce relations', () => {
    const x = read('Ethiopia suspended the border treaty with Eritrea. A day later, Addis Ababa declared an Eritrean diplomat persona non grata.');
    assert.deepEqual(between(x, 'ETH', 'ERI').map((e) => e.cameo).sort(), ['160', '166']);
  });
  it('reads "given 48 hours to leave" as a deadline, not a gift', () => {
    const x = read('Four Dutch diplomats were expelled by Ankara and given 72 hours to leave.');
    assert.equal(x.events.filter((e) => e.cameo.startsWith('07')).length, 0, JSON.stringify(x.events.map((e) => e.cameo)));
    assert.equal(one(between(read('Japan gave Ukraine two billion dollars in aid.'), 'JPN', 'UKR'), 'the aid').cameo, '070');
  });

  it('reads a participle between a preposition and its noun as an adjective ("after closed consultations")', () => {
    const x = read('Kenya and Somalia resumed talks after closed consultations in Geneva.');
    assert.equal(x.events.filter((e) => e.cameo.startsWith('17')).length, 0, JSON.stringify(x.events.map((e) => e.cameo)));
  });
});
