// Builds Faultline's general actor dictionary (data/actors/*.tsv) from the Open Event Data Alliance's Phoenix
// actor and agent dictionaries (TABARI/PETRARCH format, MIT, ../shared/data/petrarch/dictionaries) and our own
// curated additions (data/actors/curated/*.tsv, each row with its source URL and access date).
// Run: npx tsx scripts/build-actor-dictionary.ts   (the built files are committed; a fresh clone needs no ../shared)
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { countries, igos } from '../src/codebook/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const phoenixDir = path.resolve(root, '..', 'shared', 'data', 'petrarch', 'dictionaries');
const outDir = path.join(root, 'data', 'actors');
const curatedDir = path.join(outDir, 'curated');
if (!existsSync(phoenixDir)) {
  process.stderr.write(`build-actor-dictionary: ${phoenixDir} is absent; the committed data/actors files stay as they are\n`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------------
// TABARI actor files: "NAME [CODE]" or "NAME" + "+SYNONYM" lines + indented "[CODE dates]" lines; '#' comments.

interface RawCode {
  readonly code: string;
  readonly from: string | null;
  readonly to: string | null;
}
interface RawEntry {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly synonyms: string[];
  readonly codes: RawCode[];
  readonly comment: string;
  /** The country whose section the entry stands in (Countries file only). */
  readonly section: string | null;
}

/** A TABARI date: YYMMDD (years up to 20 are 20YY) or YYYYMMDD. */
function day(s: string): string | null {
  const d = s.replace(/[^0-9]/g, '');
  if (d.length === 8) return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  if (d.length !== 6) return null;
  const yy = Number(d.slice(0, 2));
  const y = yy <= 20 ? 2000 + yy : 1900 + yy;
  const mm = d.slice(2, 4) === '00' ? '01' : d.slice(2, 4);
  const dd = d.slice(4, 6) === '00' ? '01' : d.slice(4, 6);
  return `${y}-${mm}-${dd}`;
}

function parseCodes(s: string): RawCode[] {
  const out: RawCode[] = [];
  for (const m of s.matchAll(/\[([~A-Z-]{3,18})\s*([^\]]*)\]/g)) {
    const code = m[1];
    if (code === '---' || code.startsWith('-')) continue;
    const when = m[2].trim();
    let from: string | null = null;
    let to: string | null = null;
    const range = /^(\d{6,8})\s*-\s*(\d{6,8})$/.exec(when);
    if (range) {
      from = day(range[1]);
      to = day(range[2]);
      if (!from || !to) continue;
    } else if (/^>\s*\d{6,8}$/.test(when)) from = day(when);
    else if (/^<\s*\d{6,8}$/.test(when)) to = day(when);
    else if (when !== '') continue;
    out.push({ code, from, to });
  }
  return out;
}

function parseActorFile(file: string): RawEntry[] {
  const lines = readFileSync(path.join(phoenixDir, file), 'utf8').split(/\r?\n/);
  const out: RawEntry[] = [];
  let cur: RawEntry | null = null;
  let section: string | null = null;
  lines.forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).replace(/\s+$/, '');
    const comment = hash >= 0 ? raw.slice(hash + 1) : '';
    if (body.trim() === '') return;
    if (/^\s+\[/.test(body) || /^\[/.test(body)) {
      if (cur) cur.codes.push(...parseCodes(body));
      return;
    }
    if (body.startsWith('+')) {
      if (!cur) return;
      for (const syn of body.split(/\s+\+/)) {
        const name = syn.replace(/^\+/, '').replace(/\[.*$/, '').trim();
        if (name) cur.synonyms.push(name);
      }
      cur.codes.push(...parseCodes(body));
      return;
    }
    const name = body.replace(/\[.*$/, '').replace(/\{.*$/, '').trim();
    const codes = parseCodes(body);
    if (file.includes('Countries') && codes.length === 1 && /^[A-Z]{3}$/.test(codes[0].code) && !codes[0].from && !codes[0].to) section = codes[0].code;
    if (file.includes('Countries') && codes.length === 0 && /^[A-Z_]+_?\s*$/.test(name) && isCountryName(name)) section = countryCode(name) ?? section;
    cur = { file, line: i + 1, name, synonyms: [], codes, comment, section: file.includes('Countries') ? section : null };
    out.push(cur);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Names, codes and kinds.

const fold = (s: string) => s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, ' ').trim();
const countryByName = new Map<string, string>();
for (const c of countries()) for (const n of [c.name, ...c.aliases]) countryByName.set(fold(n), c.iso3);
const isCountryName = (tabari: string) => countryByName.has(fold(tabari.replace(/_/g, ' ')));
const countryCode = (tabari: string) => countryByName.get(fold(tabari.replace(/_/g, ' '))) ?? null;
const codebookNames = new Set<string>();
for (const c of countries()) for (const n of [c.name, ...c.aliases, ...c.demonyms, ...(c.capital ? [c.capital] : []), ...c.capitalAliases]) codebookNames.add(fold(n));
for (const g of igos()) for (const n of [g.name, ...g.aliases]) codebookNames.add(fold(n));
const isoCodes = new Set(countries().map((c) => c.iso3));
// CAMEO long IGO codes → our short ones (IGOWSTNAT → IGONATO)
const shortIgo = new Map<string, string>();
for (const g of igos()) if (g.cameo) shortIgo.set(g.cameo, g.code);

const SMALL = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'du', 'la', 'le', 'von', 'van', 'der', 'al', 'el', 'bin', 'ibn', 'da', 'di', 'dos', 'das', 'y', 'to', 'at', 'against']);
/** "VLADIMIR_PUTIN_" → "Vladimir Putin"; acronyms stay upper case. */
function display(tabari: string): string {
  const words = tabari.replace(/_+$/, '').replace(/_/g, ' ').replace(/\s+/g, ' ').trim().split(' ');
  return words.map((w, i) => {
    if (/^[A-Z0-9.&]{2,6}$/.test(w) && !/[AEIOU]/.test(w.replace(/\./g, '')) || /^(?:[A-Z]\.){2,}$/.test(w)) return w;
    const lower = w.toLowerCase();
    if (i > 0 && SMALL.has(lower)) return lower;
    if (lower === 'mr' || lower === 'mrs' || lower === 'dr') return lower[0].toUpperCase() + lower.slice(1);
    return lower.replace(/(^|-|['’](?!s\b))(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
  }).join(' ');
}

const ORG_WORDS = /\b(?:FORCES?|ARMY|ARMIES|PARTY|MINISTRY|COUNCIL|GOVERNMENT|FRONT|STATE|COMMITTEE|COMMISSION|ORGANI[SZ]ATION|UNION|ASSOCIATION|MOVEMENT|BRIGADES?|GROUP|LEAGUE|AGENCY|BANK|COURT|POLICE|GUARDS?|CORPS|DEPARTMENT|OFFICE|FEDERATION|INSTITUTE|SERVICE|NETWORK|ALLIANCE|CONGRESS|ASSEMBLY|PARLIAMENT|SENATE|COMPANY|CORPORATION|FOUNDATION|FUND|PROGRAMM?E|AUTHORITY|REGIME|TRIBUNAL|UNIVERSITY|CENTER|CENTRE|NATIONS|COMMUNITY|BOARD|CABINET|ADMINISTRATION|REPUBLIC|KINGDOM|COALITION|MILITIAS?|REBELS|INSURGENTS|FACTION|CELLS?|COMMANDOS?|NUCLEI|RESISTANCE|LIBERATION|JIHAD|ISLAMIC|REVOLUTIONARY|MUJAHIDEEN|TALIBAN|QAEDA|INC|CORP|LTD|CO|AIRLINES?|HOLDINGS?|INTERNATIONAL|SOCIETY|WATCH|RED|CROSS|CRESCENT|TIMES|NEWS|PRESS|AGENCE|TELEVISION|RADIO|MEDIA|OBSERVATORY|RIGHTS|AMNESTY|DOCTORS|COMMITTEES?|ACADEMY|BUREAU|SECRETARIAT|MISSION|DELEGATION|EMBASSY|CONSULATE|TROOPS)\b/;

function isPersonName(name: string, e: RawEntry): boolean {
  const words = name.replace(/_+$/, '').split(/[_\s]+/).filter(Boolean);
  if (ORG_WORDS.test(name.replace(/_/g, ' '))) return false;
  if (/CountryInfo|IGOrulers/.test(e.comment)) return words.length >= 1;
  if (e.codes.some((c) => c.from || c.to) && words.length >= 2 && words.length <= 5) return true;
  return false;
}

/** The contract's form of a Phoenix code: IGO + short name, else the code as CAMEO writes it (ISO3 + roles). */
function contractCode(code: string, acronym: string | null): string {
  if (code.startsWith('IGO')) {
    const known = shortIgo.get(code) ?? [...shortIgo.entries()].find(([k]) => code.startsWith(k) && k.length >= 9)?.[1];
    if (known) return known;
    if (acronym) return `IGO${acronym}`;
  }
  return code;
}

// ---------------------------------------------------------------------------------------------------------------
// Build.

interface Person {
  id: string;
  name: string;
  aliases: Set<string>;
  country: string | null;
  roles: Array<{ code: string; from: string | null; to: string | null; source: string }>;
  source: string;
  /** A head of state or government or an IGO's head (Phoenix's CountryInfo and IGOrulers lists, our curated leaders). */
  leader: boolean;
}
interface Org {
  name: string;
  aliases: Set<string>;
  code: string;
  kind: 'igo' | 'ngo' | 'mnc' | 'armed' | 'institution' | 'media' | 'party';
  source: string;
}

const people = new Map<string, Person>();
const orgs = new Map<string, Org>();
const places = new Map<string, { name: string; iso3: string }>();
const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const tsvSafe = (s: string) => s.replace(/[\t\r\n|]/g, ' ').trim();

function acronymOf(e: RawEntry): string | null {
  for (const n of [e.name, ...e.synonyms]) {
    const w = n.replace(/_+$/, '').replace(/\./g, '');
    if (/^[A-Z]{2,8}$/.test(w) && !isoCodes.has(w)) return w;
    const paren = /\(([A-Z]{2,8})\)/.exec(n);
    if (paren) return paren[1];
  }
  return null;
}

function addPerson(e: RawEntry, origin: string) {
  const name = display(e.name.replace(/\(.*?\)/g, ''));
  // a one-word name ("Hassan") would match every namesake; only heads of IGOs listed by family name are kept
  if (name.split(' ').length < 2 && !/IGOrulers/.test(e.comment)) return;
  const roles = e.codes.map((c) => ({ code: contractCode(c.code.replace(/^~/, ''), null), from: c.from, to: c.to, source: origin }));
  const country = e.section ?? roles.map((r) => (r.code.startsWith('IGO') ? null : r.code.slice(0, 3))).find((c) => c && isoCodes.has(c)) ?? null;
  if (roles.length === 0 && !country) return;
  let id = `person:${slug(name)}`;
  const existing = people.get(id);
  if (existing && existing.country !== country) id = `person:${slug(name)}-${(country ?? 'igo').toLowerCase()}`;
  const p = people.get(id) ?? { id, name, aliases: new Set<string>(), country, roles: [], source: origin, leader: false };
  // heads of state and government carry day-exact GOV terms in Phoenix (CountryInfo's leader lists); other
  // officials month-rounded ones (the 1st of a month), so the exact day marks a leader
  if (/IGOrulers/.test(e.comment) || roles.some((r) => /^[A-Z]{3}GOV$/.test(r.code) && r.from && !r.from.endsWith('-01'))) p.leader = true;
  for (const s of e.synonyms) {
    const d = display(s.replace(/\(.*?\)/g, ''));
    if (d && d !== name && !codebookNames.has(fold(d))) p.aliases.add(d);
  }
  // a role without a country prefix ("[ELI]") belongs to the person's country
  for (const r of roles) p.roles.push(/^[A-Z]{3}$/.test(r.code) && !isoCodes.has(r.code) && country ? { ...r, code: `${country}${r.code}` } : r);
  people.set(id, p);
}

function addOrg(e: RawEntry, kind: Org['kind'] | null, origin: string) {
  const first = e.codes.find((c) => !c.from && !c.to) ?? e.codes[e.codes.length - 1];
  if (!first) return;
  let code = first.code.replace(/^~/, '');
  if (!/^[A-Z]{3}/.test(code)) return;
  if (e.section && !code.startsWith(e.section) && /^[A-Z]{3}$/.test(code) && !isoCodes.has(code)) code = `${e.section}${code}`;
  const acronym = acronymOf(e);
  code = contractCode(code, acronym);
  const name = display(e.name.replace(/\(.*?\)/g, ''));
  if (!name || codebookNames.has(fold(name))) return;
  const k = kind ?? (code.startsWith('IGO') ? 'igo' : code.startsWith('NGO') ? 'ngo' : code.startsWith('MNC') ? 'mnc' : /REB|INS|UAF|SEP|IMG/.test(code.slice(3)) || code.startsWith('IMG') ? 'armed' : /MED/.test(code.slice(3, 6)) ? 'media' : /PTY/.test(code) ? 'party' : 'institution');
  // companies: only names a news text would not also use as a common word
  if (k === 'mnc' && name.split(' ').length < 2 && !/^[A-Z]{3,}$/.test(name)) return;
  const key = `${fold(name)}\t${code}`;
  const o = orgs.get(key) ?? { name, aliases: new Set<string>(), code, kind: k, source: origin };
  for (const s of e.synonyms) {
    const d = display(s.replace(/\(.*?\)/g, ''));
    if (d && d !== name && !codebookNames.has(fold(d)) && d.length > 1) o.aliases.add(d);
  }
  if (acronym && acronym.length >= 3 && !codebookNames.has(fold(acronym))) o.aliases.add(acronym);
  orgs.set(key, o);
}

const ORIGIN = 'phoenix';
for (const file of ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt']) {
  for (const e of parseActorFile(file)) {
    const isCountryEntry = file.includes('Countries') && e.codes.length === 1 && /^[A-Z]{3}$/.test(e.codes[0].code) && isoCodes.has(e.codes[0].code) && (isCountryName(e.name) || e.section === e.codes[0].code && e.synonyms.length > 3);
    if (isCountryEntry) {
      // country synonyms beyond the codebook's names: mostly cities and provinces, kept as places of that country
      for (const s of e.synonyms) {
        const d = display(s);
        const bare = d.replace(/^the\s+/i, '');
        if (d.length >= 4 && !/^the\s/i.test(d) && !codebookNames.has(fold(bare)) && !/^[A-Z]{2,5}$/.test(s.replace(/_+$/, '')) && /^\p{L}[\p{L}' -]+$/u.test(d) && !/^(?:New|North|South|East|West)$/.test(d)) {
          if (!places.has(fold(d))) places.set(fold(d), { name: d, iso3: e.codes[0].code });
        }
      }
      continue;
    }
    if (e.codes.length === 0) continue;
    if (isPersonName(e.name, e)) addPerson(e, ORIGIN);
    else addOrg(e, file.includes('MilNonState') ? 'armed' : null, ORIGIN);
  }
}

// An entry Phoenix lists twice, once as a leader and once with only a code (Bashar al-Assad): one person.
const personByName = new Map<string, Person>();
for (const p of people.values()) personByName.set(fold(p.name), p);
for (const [key, o] of orgs) {
  const p = personByName.get(fold(o.name)) ?? [...o.aliases].map((a) => personByName.get(fold(a))).find((x) => x && x.country && o.code.startsWith(x.country));
  if (!p || !p.country || !o.code.startsWith(p.country)) continue;
  for (const a of o.aliases) if (!ORG_WORDS.test(a.toUpperCase()) && fold(a) !== fold(p.name)) p.aliases.add(a);
  orgs.delete(key);
}
for (const p of people.values()) {
  const last = p.name.split(' ').pop()!.toLowerCase();
  for (const a of [...p.aliases]) {
    if (ORG_WORDS.test(a.toUpperCase())) p.aliases.delete(a);
    // a one-word alias other than the family name ("Hassan" for a king) matches far too many other people
    else if (!a.includes(' ') && a.toLowerCase() !== last && !/^[A-Z]{2,}$/.test(a)) p.aliases.delete(a);
  }
}

// Agents: role nouns → role code; "!PERSON!" expands to man/men/woman/women/person; "{X}" gives the plural, "{}" none.
const MACROS: Record<string, string[]> = {};
const agents = new Map<string, string>();
for (const raw of readFileSync(path.join(phoenixDir, 'Phoenix.agents.txt'), 'utf8').split(/\r?\n/)) {
  const line = raw.replace(/#.*$/, '').trim();
  if (!line) continue;
  const macro = /^!([A-Z]+)!\s*=\s*(.+)$/.exec(line);
  if (macro) {
    MACROS[macro[1]] = macro[2].split(',').map((s) => s.trim());
    continue;
  }
  const m = /^([^[{]+?)\s*(?:\{([^}]*)\})?\s*\[~?([A-Z]{3,12})\]/.exec(line);
  if (!m) continue;
  const role = m[3];
  const expand = (s: string): string[] => {
    const mm = /!([A-Z]+)!/.exec(s);
    if (!mm) return [s];
    return (MACROS[mm[1]] ?? []).flatMap((r) => expand(s.replace(mm[0], r)));
  };
  const forms = expand(m[1].trim());
  const plural = m[2];
  for (const f of forms) {
    const base = f.replace(/_+$/, '').replace(/_/g, ' ').toLowerCase().trim();
    if (!base || base.length < 3) continue;
    const all = [base];
    if (plural === undefined) all.push(/(s|sh|ch|x|z)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : /man$/.test(base) ? `${base.slice(0, -3)}men` : `${base}s`);
    else if (plural.trim()) all.push(plural.replace(/_/g, ' ').toLowerCase().trim());
    for (const a of all) if (!agents.has(a)) agents.set(a, role);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Curated additions: leaders who took office after 2014, and organisations Phoenix lacks.

interface CuratedRow {
  readonly line: number;
  readonly cells: Record<string, string>;
}
function readCurated(file: string, columns: readonly string[]): CuratedRow[] {
  const full = path.join(curatedDir, file);
  if (!existsSync(full)) return [];
  const rows: CuratedRow[] = [];
  let header: string[] | null = null;
  readFileSync(full, 'utf8').split(/\r?\n/).forEach((raw, i) => {
    if (raw.startsWith('#') || raw.trim() === '') return;
    const cells = raw.split('\t');
    if (!header) {
      header = cells.map((c) => c.trim());
      const missing = columns.filter((c) => !header!.includes(c));
      if (missing.length) throw new Error(`build-actor-dictionary: data/actors/curated/${file}:${i + 1}: header lacks ${missing.join(', ')}`);
      return;
    }
    if (cells.length !== header.length) throw new Error(`build-actor-dictionary: data/actors/curated/${file}:${i + 1}: ${cells.length} cells, expected ${header.length}`);
    const rec: Record<string, string> = {};
    header.forEach((h, k) => (rec[h] = cells[k].trim()));
    for (const c of ['source', 'accessed']) if (c in rec && !rec[c]) throw new Error(`build-actor-dictionary: data/actors/curated/${file}:${i + 1}: ${c} is empty; every curated row cites its source`);
    if (rec.source && !/^https?:\/\//.test(rec.source)) throw new Error(`build-actor-dictionary: data/actors/curated/${file}:${i + 1}: source must be a URL`);
    if (rec.accessed && !/^\d{4}-\d{2}-\d{2}$/.test(rec.accessed)) throw new Error(`build-actor-dictionary: data/actors/curated/${file}:${i + 1}: accessed must be YYYY-MM-DD`);
    rows.push({ line: i + 1, cells: rec });
  });
  return rows;
}

const split = (s: string) => (s ? s.split('|').map((x) => x.trim()).filter(Boolean) : []);
// leaders.tsv and one file per area (leaders-africa.tsv, …), read in name order so the build is reproducible
const leaderFiles = existsSync(curatedDir) ? readdirSync(curatedDir).filter((f) => /^leaders(?:-[a-z0-9-]+)?\.tsv$/.test(f)).sort() : [];
for (const { file, line, cells } of leaderFiles.flatMap((file) => readCurated(file, ['name', 'aliases', 'country', 'office', 'from', 'to', 'source', 'accessed']).map((r) => ({ file, ...r })))) {
  const country = cells.country;
  if (!isoCodes.has(country) && !country.startsWith('IGO')) throw new Error(`build-actor-dictionary: data/actors/curated/${file}:${line}: unknown country ${country}`);
  for (const d of ['from', 'to'] as const) if (cells[d] && !/^\d{4}-\d{2}-\d{2}$/.test(cells[d])) throw new Error(`build-actor-dictionary: data/actors/curated/${file}:${line}: ${d} must be YYYY-MM-DD`);
  const code = country.startsWith('IGO') ? country : `${country}GOV`;
  // the same person may already be in Phoenix: join the roles
  const found = [...people.values()].find((p) => fold(p.name) === fold(cells.name) && (p.country === country || p.roles.some((r) => r.code.startsWith(country))));
  const id = found?.id ?? (people.has(`person:${slug(cells.name)}`) ? `person:${slug(cells.name)}-${country.toLowerCase()}` : `person:${slug(cells.name)}`);
  const p = found ?? people.get(id) ?? { id, name: cells.name, aliases: new Set<string>(), country: country.startsWith('IGO') ? null : country, roles: [], source: cells.source, leader: true };
  p.leader = true;
  for (const a of split(cells.aliases)) p.aliases.add(a);
  const to = cells.to || null;
  const from = cells.from || null;
  // a term the curated row closes ends Phoenix's open-ended role for the same code (Phoenix stops in 2014)
  if (to) for (const r of p.roles) if (r.code === code && r.to === null && (!r.from || r.from <= to) && r.source === ORIGIN) r.to = to;
  p.roles.unshift({ code, from, to, source: `${cells.source} (accessed ${cells.accessed}; ${cells.office})` });
  people.set(id, p);
}
const ORG_KINDS: readonly Org['kind'][] = ['igo', 'ngo', 'mnc', 'armed', 'institution', 'media', 'party'];
for (const { line, cells } of readCurated('organizations.tsv', ['name', 'aliases', 'code', 'kind', 'source', 'accessed'])) {
  const at = `build-actor-dictionary: data/actors/curated/organizations.tsv:${line}`;
  if (!ORG_KINDS.includes(cells.kind as Org['kind'])) throw new Error(`${at}: kind must be one of ${ORG_KINDS.join(', ')}`);
  if (!/^(?:IGO[A-Z0-9]+|[A-Z]{3}(?:[A-Z]{3})*)$/.test(cells.code)) throw new Error(`${at}: code "${cells.code}" is not an actor code`);
  if (!cells.code.startsWith('IGO') && !cells.code.startsWith('IMG') && !isoCodes.has(cells.code.slice(0, 3))) throw new Error(`${at}: unknown country ${cells.code.slice(0, 3)}`);
  const names = [cells.name, ...split(cells.aliases)].map(fold);
  // a sourced row corrects Phoenix: an older entry under the same name goes, and its aliases stop naming it
  for (const [key, o] of orgs) {
    if (o.source !== ORIGIN) continue;
    if (names.includes(fold(o.name))) orgs.delete(key);
    else for (const a of [...o.aliases]) if (names.includes(fold(a))) o.aliases.delete(a);
  }
  const key = `${fold(cells.name)}\t${cells.code}`;
  orgs.set(key, { name: cells.name, aliases: new Set(split(cells.aliases)), code: cells.code, kind: cells.kind as Org['kind'], source: `${cells.source} (accessed ${cells.accessed})` });
}

// ---------------------------------------------------------------------------------------------------------------
// Write.

mkdirSync(outDir, { recursive: true });
const header = (what: string) => [
  `# Faultline general actor dictionary: ${what}.`,
  '# Built by scripts/build-actor-dictionary.ts from the Open Event Data Alliance Phoenix dictionaries (TABARI/PETRARCH',
  '#   format, MIT, 2014; ../shared/data/petrarch/dictionaries) and data/actors/curated/*.tsv (sourced additions).',
  '# Do not edit by hand: edit the curated files and run the script again.',
];
const roleCell = (r: Person['roles'][number]) => `${r.code}${r.from || r.to ? `@${r.from ?? ''}..${r.to ?? ''}` : ''}`;

// The family name a text may use alone ("Putin"): the last word of the name, unless it is a common word (compromise's
// lexicon, not as a name), a place or country word, or shorter than four letters. Curated aliases add others ("Xi").
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string> } }).one.lexicon;
const NAME_TAGS = /Name|Person|Honorific|ProperNoun/;
// a name a sourced organisation goes by ("Wagner") is no one's family name alone
const curatedOrgNames = new Set([...orgs.values()].filter((o) => o.source !== ORIGIN).flatMap((o) => [o.name, ...o.aliases].map(fold)));
function surnameOf(p: Person): string {
  const words = p.name.split(' ');
  if (words.length < 2) return '';
  const last = words[words.length - 1];
  const k = last.toLowerCase();
  if (last.length < 4 || !/^\p{Lu}[\p{L}'-]+$/u.test(last)) return '';
  if (lexicon[k] && !NAME_TAGS.test(lexicon[k])) return '';
  if (codebookNames.has(fold(last)) || places.has(fold(last)) || agents.has(k) || curatedOrgNames.has(fold(last))) return '';
  return last;
}
// a one-word alias obeys the family-name rule: "Friday" (Godwin Friday) or "May" must not name a person in every text
const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;
let commonAliases = 0;
for (const p of people.values()) {
  for (const a of [...p.aliases]) {
    if (a.includes(' ') || /^[A-Z]{2,}$/.test(a)) continue;
    const k = a.toLowerCase();
    if (CALENDAR.test(k) || (lexicon[k] && !NAME_TAGS.test(lexicon[k])) || codebookNames.has(fold(a))) {
      p.aliases.delete(a);
      commonAliases++;
    }
  }
}
const personRows = [...people.values()].filter((p) => p.roles.length).sort((a, b) => a.id.localeCompare(b.id));
writeFileSync(path.join(outDir, 'people.tsv'), [
  ...header('people with their CAMEO codes by date'),
  '# roles: |-separated CODE or CODE@FROM..TO (either end may be open); the first role valid on a day gives the code,',
  '#   an undated role is the default. source: phoenix, or the curated source of the first dated role.',
  '# surname: the family name alone, when a text may use it so (empty when it is a common word or too short).',
  '# leader: 1 for heads of state or government and heads of IGOs (preferred when a family name alone is ambiguous).',
  ['id', 'name', 'aliases', 'surname', 'leader', 'country', 'roles', 'source'].join('\t'),
  ...personRows.map((p) => [p.id, tsvSafe(p.name), [...p.aliases].map(tsvSafe).filter(Boolean).join('|'), surnameOf(p), p.leader ? '1' : '', p.country ?? '', p.roles.map(roleCell).join('|'), tsvSafe(p.roles.find((r) => r.source !== ORIGIN)?.source ?? ORIGIN)].join('\t')),
].join('\n') + '\n');

const orgRows = [...orgs.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
writeFileSync(path.join(outDir, 'organizations.tsv'), [
  ...header('organisations: IGOs, NGOs, companies, national institutions and non-state armed groups'),
  '# code: IGO + short name for inter-governmental organisations (IGONATO, IGOECOWAS), else the CAMEO code (NGAREB).',
  ['name', 'aliases', 'code', 'kind', 'source'].join('\t'),
  ...orgRows.map((o) => [tsvSafe(o.name), [...o.aliases].map(tsvSafe).filter(Boolean).join('|'), o.code, o.kind, tsvSafe(o.source)].join('\t')),
].join('\n') + '\n');

writeFileSync(path.join(outDir, 'agents.tsv'), [
  ...header('agents: role nouns and the CAMEO role code they give the country they are joined to'),
  ['noun', 'role'].join('\t'),
  ...[...agents.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([n, r]) => `${n}\t${r}`),
].join('\n') + '\n');

writeFileSync(path.join(outDir, 'places.tsv'), [
  ...header('places (cities, provinces, variant spellings) Phoenix lists under a country; used as locations only'),
  ['name', 'iso3'].join('\t'),
  ...[...places.values()].sort((a, b) => a.name.localeCompare(b.name)).map((p) => `${p.name}\t${p.iso3}`),
].join('\n') + '\n');

process.stdout.write(`build-actor-dictionary: ${personRows.length} people, ${orgRows.length} organisations, ${agents.size} agent nouns, ${places.size} places → data/actors/ (${commonAliases} one-word aliases that are common words left out)\n`);
