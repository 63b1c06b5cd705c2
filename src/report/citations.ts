// The brief's reference list: one number per source, deduplicated by URL across knowledge-base sources, datasets and scenario inputs, each with outlet and title.
import type { Source } from '../model/index.js';

/** One entry of the reference list. */
export interface Citation {
  readonly n: number;
  /** Publisher or outlet; for a page known only by its address, the outlet of a knowledge-base source on the same site, else the site. */
  readonly outlet: string;
  /** Null only for pages the knowledge base does not describe (scenario inputs cited by URL alone). */
  readonly title: string | null;
  readonly published: string | null;
  readonly url: string | null;
  /** What the brief cites it for, when there is no title to say what it is. */
  readonly citedFor: string | null;
}

/** A dataset the structural and event figures come from, cited like a source. */
export interface DatasetCitation {
  readonly outlet: string;
  readonly title: string;
  readonly url: string;
  readonly published?: string | null;
}

/**
 * The datasets behind the brief's structural and event figures. Not specific to a region: these are the data sets
 * Faultline imports (data/structural and `faultline import`). A knowledge-base source with the same URL wins.
 */
export const DATASETS = {
  arms: { outlet: 'SIPRI', title: 'SIPRI Arms Transfers Database, trade register', url: 'https://www.sipri.org/databases/armstransfers' },
  milex: { outlet: 'SIPRI, processed by Our World in Data', title: 'Military expenditure as a share of GDP', url: 'https://ourworldindata.org/grapher/military-spending-as-a-share-of-gdp-sipri' },
  unga: { outlet: 'Harvard Dataverse', title: 'Voeten, United Nations General Assembly Voting Data (ideal points of Bailey, Strezhnev & Voeten 2017)', url: 'https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379' },
  ucdp: { outlet: 'Uppsala Conflict Data Program', title: 'UCDP/PRIO Armed Conflict Dataset version 25.1', url: 'https://ucdp.uu.se/downloads/' },
  gdelt: { outlet: 'The GDELT Project', title: 'GDELT 1.0 Event Database', url: 'https://www.gdeltproject.org/data.html' },
  icews: { outlet: 'Harvard Dataverse', title: 'Integrated Crisis Early Warning System (ICEWS) coded event data', url: 'https://dataverse.harvard.edu/dataverse/icews' },
  acled: { outlet: 'ACLED', title: 'Armed Conflict Location & Event Data', url: 'https://acleddata.com/data/' },
  icd203: { outlet: 'Office of the Director of National Intelligence', title: 'Intelligence Community Directive 203: Analytic Standards', url: 'https://www.dni.gov/files/documents/ICD/ICD-203.pdf', published: '2015-01-02' },
} as const satisfies Record<string, DatasetCitation>;

/** The key two spellings of one address share: scheme, "www.", trailing slash and fragment do not make a new source. */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    const path = decodeURI(u.pathname).replace(/\/+$/, '');
    return `${u.hostname.replace(/^www\./, '').toLowerCase()}${path}${u.search}`;
  } catch {
    return url.trim();
  }
}

const host = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};

/** Numbers sources in order of first citation; a URL cited twice, under any id or none, keeps its first number. */
export class CitationRegister {
  private readonly byKey = new Map<string, Citation>();
  private readonly byUrl = new Map<string, Source>();
  private readonly outletByHost = new Map<string, string>();

  constructor(private readonly sources: ReadonlyMap<string, Source>) {
    for (const s of sources.values()) {
      if (!s.url) continue;
      if (!this.byUrl.has(urlKey(s.url))) this.byUrl.set(urlKey(s.url), s);
      if (s.outlet && !this.outletByHost.has(host(s.url))) this.outletByHost.set(host(s.url), s.outlet);
    }
  }

  /** The number of a knowledge-base source (by id). */
  source(id: string): number | null {
    const s = this.sources.get(id);
    if (!s) return null;
    const key = s.url ? `url:${urlKey(s.url)}` : `source:${id}`;
    return this.add(key, () => this.fromSource(s));
  }

  /** The number of a dataset. */
  dataset(d: DatasetCitation): number {
    const known = this.byUrl.get(urlKey(d.url));
    if (known) return this.add(`url:${urlKey(d.url)}`, () => this.fromSource(known));
    return this.add(`url:${urlKey(d.url)}`, () => ({ outlet: d.outlet, title: d.title, published: d.published ?? null, url: d.url, citedFor: null }));
  }

  /** The number of a page cited by address (a scenario input): the knowledge-base source at that address when there is one. */
  url(url: string, citedFor: string, published: string | null = null): number {
    const known = this.byUrl.get(urlKey(url));
    if (known) return this.add(`url:${urlKey(url)}`, () => this.fromSource(known));
    return this.add(`url:${urlKey(url)}`, () => ({ outlet: this.outletByHost.get(host(url)) ?? host(url), title: null, published, url, citedFor }));
  }

  /** Whether an address is described by a knowledge-base source. */
  describes(url: string): boolean {
    return this.byUrl.has(urlKey(url));
  }

  private fromSource(s: Source): Omit<Citation, 'n'> {
    // The seed paper has no publisher on record: say so rather than showing a bare date.
    const outlet = s.outlet ?? (s.kind === 'paper' ? 'Publisher not recorded (the seed paper)' : 'Outlet not recorded');
    return { outlet, title: s.title, published: s.published, url: s.url, citedFor: null };
  }

  private add(key: string, make: () => Omit<Citation, 'n'>): number {
    let c = this.byKey.get(key);
    if (!c) this.byKey.set(key, (c = { n: this.byKey.size + 1, ...make() }));
    return c.n;
  }

  /** The reference list, numbered 1..n. */
  get all(): Citation[] {
    return [...this.byKey.values()];
  }
}

/** The distinct numbers of a list, in order. */
export const uniqueNumbers = (xs: readonly (number | null)[]): number[] => [...new Set(xs.filter((x): x is number => x !== null))];
