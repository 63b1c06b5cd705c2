// Versioned schema migrations; each runs once, in order, inside one transaction.

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Events from every origin share one table. `origin` is `curated:<region>`, `gdelt`, `icews`,
 * `acled` or `article:<sha256>`; (`origin`, `origin_row`) identifies a dataset row.
 * `source_countries` / `target_countries` hold the ISO3 codes of the actors, for dyad queries.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'knowledge base',
    sql: `
CREATE TABLE sources (
  id VARCHAR PRIMARY KEY, origin VARCHAR NOT NULL, kind VARCHAR NOT NULL, outlet VARCHAR, title VARCHAR,
  authors VARCHAR[] NOT NULL, url VARCHAR, published DATE, accessed DATE, language VARCHAR NOT NULL,
  reliability VARCHAR, cited_in VARCHAR, cited_marker VARCHAR, note VARCHAR
);
CREATE TABLE actors (
  id VARCHAR PRIMARY KEY, origin VARCHAR NOT NULL, kind VARCHAR NOT NULL, name VARCHAR NOT NULL,
  aliases VARCHAR[] NOT NULL, country VARCHAR, code VARCHAR, part_of VARCHAR, roles JSON NOT NULL,
  description VARCHAR, sources VARCHAR[] NOT NULL
);
CREATE TABLE events (
  id VARCHAR NOT NULL, origin VARCHAR NOT NULL, origin_row VARCHAR,
  date_start DATE, date_end DATE, precision VARCHAR NOT NULL,
  cameo VARCHAR NOT NULL, quad TINYINT NOT NULL, goldstein DOUBLE NOT NULL, plover VARCHAR,
  source_actors VARCHAR[] NOT NULL, target_actors VARCHAR[] NOT NULL, third_actors VARCHAR[] NOT NULL,
  source_countries VARCHAR[] NOT NULL, target_countries VARCHAR[] NOT NULL,
  source_code VARCHAR, target_code VARCHAR,
  source_country VARCHAR, target_country VARCHAR,
  location VARCHAR, location_country VARCHAR,
  summary VARCHAR NOT NULL, sources VARCHAR[] NOT NULL, confidence DOUBLE NOT NULL,
  negated BOOLEAN NOT NULL, hypothetical BOOLEAN NOT NULL, extra JSON
);
CREATE TABLE claims (
  id VARCHAR PRIMARY KEY, origin VARCHAR NOT NULL, claimant VARCHAR[] NOT NULL, statement VARCHAR NOT NULL,
  date_start DATE, date_end DATE, precision VARCHAR,
  about_actors VARCHAR[] NOT NULL, about_events VARCHAR[] NOT NULL, status VARCHAR NOT NULL,
  denied_by VARCHAR[] NOT NULL, confirmed_by VARCHAR[] NOT NULL, contradicts VARCHAR[] NOT NULL,
  sources VARCHAR[] NOT NULL
);
CREATE TABLE relations (
  id VARCHAR PRIMARY KEY, origin VARCHAR NOT NULL, type VARCHAR NOT NULL, from_actor VARCHAR NOT NULL,
  to_actor VARCHAR NOT NULL, start_date DATE, end_date DATE, sign TINYINT NOT NULL, strength DOUBLE NOT NULL,
  note VARCHAR, sources VARCHAR[] NOT NULL
);
-- Formats, corridors, theses and region descriptions are read whole, so they are kept as JSON documents.
CREATE TABLE documents (
  collection VARCHAR NOT NULL, id VARCHAR NOT NULL, origin VARCHAR NOT NULL, doc JSON NOT NULL,
  PRIMARY KEY (collection, id)
);
-- One row per load of a curated directory or import of a file: what was written and its content hash.
CREATE TABLE loads (
  origin VARCHAR NOT NULL, target VARCHAR NOT NULL, hash VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL,
  counts JSON NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'evidence status and review',
    sql: `
-- How an event is known (reported, alleged, denied) and whether an analyst accepted it (accepted, pending, rejected).
ALTER TABLE events ADD COLUMN status VARCHAR DEFAULT 'reported';
ALTER TABLE events ADD COLUMN review VARCHAR DEFAULT 'accepted';
ALTER TABLE claims ADD COLUMN review VARCHAR DEFAULT 'accepted';
-- The scalar country columns are for dataset rows (one actor a side); curated and extracted events use the lists.
UPDATE events SET source_country = NULL, target_country = NULL WHERE origin NOT IN ('gdelt', 'icews', 'acled');
`,
  },
  {
    version: 10,
    name: 'dataset imports',
    sql: `
-- One row per imported dataset file: its content hash, detected layout, the filter it ran under and its row counts.
CREATE TABLE imports (
  origin VARCHAR NOT NULL, file VARCHAR NOT NULL, hash VARCHAR NOT NULL, variant VARCHAR NOT NULL,
  filter VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL,
  rows BIGINT NOT NULL, imported BIGINT NOT NULL, duplicates BIGINT NOT NULL, malformed BIGINT NOT NULL,
  filtered BIGINT NOT NULL
);
-- Malformed rows of imported files, as reported: file, line and reason.
CREATE TABLE import_rejects (
  origin VARCHAR NOT NULL, file VARCHAR NOT NULL, hash VARCHAR NOT NULL, line BIGINT, reason VARCHAR NOT NULL
);
`,
  },
  {
    version: 50,
    name: 'structural indicators',
    sql: `
-- Structural datasets beside the events. Every row carries origin: the dataset it was imported from
-- (unga-idealpoints, unga-votes, sipri-arms, sipri-milex, ucdp-acd) or builtin:<table> for data/structural.
-- A vote as the UNGA vote file writes it; read_csv rejects any other value with its line.
CREATE TYPE unga_vote AS ENUM ('yes', 'no', 'abstain');
CREATE TABLE unga_idealpoints (
  ccode INTEGER NOT NULL, iso3 VARCHAR, country VARCHAR NOT NULL, year INTEGER NOT NULL,
  idealpointfp DOUBLE, idealpointall DOUBLE, idealpointlegacy DOUBLE, nvotesfp INTEGER, nvotesall INTEGER,
  origin VARCHAR NOT NULL, PRIMARY KEY (ccode, year)
);
CREATE TABLE unga_roll_calls (
  rcid INTEGER PRIMARY KEY, session INTEGER, important BOOLEAN, date DATE, unres VARCHAR, short VARCHAR,
  descr VARCHAR, origin VARCHAR NOT NULL
);
CREATE TABLE unga_roll_call_issues (
  rcid INTEGER NOT NULL, issue VARCHAR NOT NULL, issue_name VARCHAR, origin VARCHAR NOT NULL, PRIMARY KEY (rcid, issue)
);
CREATE TABLE unga_votes (
  rcid INTEGER NOT NULL, country VARCHAR NOT NULL, country_code VARCHAR, iso3 VARCHAR, vote VARCHAR NOT NULL,
  origin VARCHAR NOT NULL, PRIMARY KEY (rcid, country)
);
-- Vote agreement of a pair of states per year and issue ('all' for every roll call), counted from the votes:
-- same vote (both abstaining included), half (one abstains, the other votes yes or no), opposite (yes against no).
CREATE TABLE unga_agreement (
  a VARCHAR NOT NULL, b VARCHAR NOT NULL, year INTEGER NOT NULL, issue VARCHAR NOT NULL,
  votes INTEGER NOT NULL, same INTEGER NOT NULL, half INTEGER NOT NULL, opposite INTEGER NOT NULL,
  origin VARCHAR NOT NULL, PRIMARY KEY (a, b, year, issue)
);
-- One row per deal of the SIPRI trade register; row_key is a digest of the row as written plus its rank among identical rows.
CREATE TABLE sipri_arms (
  row_key VARCHAR PRIMARY KEY, recipient VARCHAR NOT NULL, recipient_code VARCHAR, supplier VARCHAR NOT NULL,
  supplier_code VARCHAR, order_year INTEGER, order_year_uncertain BOOLEAN NOT NULL, ordered INTEGER,
  ordered_uncertain BOOLEAN NOT NULL, designation VARCHAR, description VARCHAR, delivered INTEGER,
  delivered_uncertain BOOLEAN NOT NULL, delivery_years INTEGER[] NOT NULL, status VARCHAR, comments VARCHAR,
  tiv_unit DOUBLE, tiv_order DOUBLE, tiv_delivered DOUBLE, origin VARCHAR NOT NULL
);
-- Delivered TIV of a supplier to all recipients per year (deliveries split evenly over their years), for reverse views.
CREATE TABLE sipri_supplier_totals (
  supplier VARCHAR NOT NULL, year INTEGER NOT NULL, tiv DOUBLE NOT NULL, deals INTEGER NOT NULL,
  origin VARCHAR NOT NULL, PRIMARY KEY (supplier, year)
);
CREATE TABLE sipri_milex (
  entity VARCHAR NOT NULL, iso3 VARCHAR, year INTEGER NOT NULL, share_gdp DOUBLE NOT NULL, owid_region VARCHAR,
  origin VARCHAR NOT NULL, PRIMARY KEY (entity, year)
);
CREATE TABLE ucdp_conflicts (
  conflict_id INTEGER NOT NULL, year INTEGER NOT NULL, location VARCHAR NOT NULL,
  side_a VARCHAR NOT NULL, side_a_id VARCHAR, side_a_2nd VARCHAR, side_b VARCHAR NOT NULL, side_b_id VARCHAR, side_b_2nd VARCHAR,
  incompatibility INTEGER, territory_name VARCHAR, intensity_level INTEGER NOT NULL, cumulative_intensity INTEGER,
  type_of_conflict INTEGER NOT NULL, start_date DATE, start_prec INTEGER, start_date2 DATE, start_prec2 INTEGER,
  ep_end INTEGER, ep_end_date DATE, ep_end_prec INTEGER,
  gwno_a INTEGER[] NOT NULL, gwno_a_2nd INTEGER[] NOT NULL, gwno_b INTEGER[] NOT NULL, gwno_b_2nd INTEGER[] NOT NULL, gwno_loc INTEGER[] NOT NULL,
  iso3_a VARCHAR[] NOT NULL, iso3_a_2nd VARCHAR[] NOT NULL, iso3_b VARCHAR[] NOT NULL, iso3_b_2nd VARCHAR[] NOT NULL, iso3_loc VARCHAR[] NOT NULL,
  region VARCHAR, version VARCHAR, origin VARCHAR NOT NULL, PRIMARY KEY (conflict_id, year)
);
-- One row per structural file read: what every physical line became.
CREATE TABLE structural_imports (
  dataset VARCHAR NOT NULL, file VARCHAR NOT NULL, hash VARCHAR NOT NULL, imported_at TIMESTAMP NOT NULL,
  lines BIGINT NOT NULL, preamble BIGINT NOT NULL, blank BIGINT NOT NULL, imported BIGINT NOT NULL,
  duplicates BIGINT NOT NULL, malformed BIGINT NOT NULL, joined BIGINT NOT NULL, warnings JSON NOT NULL
);
CREATE TABLE structural_rejects (
  dataset VARCHAR NOT NULL, file VARCHAR NOT NULL, hash VARCHAR NOT NULL, line BIGINT, reason VARCHAR NOT NULL
);
`,
  },
  {
    version: 20,
    name: 'article claim keys',
    sql: `
-- What identifies a claim read from an article, so that a later ingest merges only a true duplicate: the hash of
-- the sentence that states it (normalised white space and case).
CREATE TABLE article_claim_keys (
  claim_id VARCHAR NOT NULL, origin VARCHAR NOT NULL, sentence_hash VARCHAR NOT NULL
);
`,
  },
  {
    version: 11,
    name: 'import lines and reject excerpts',
    sql: `
-- Physical lines after the header, and lines that continue a quoted record spanning several (lines = rows + joined_lines).
ALTER TABLE imports ADD COLUMN lines BIGINT;
ALTER TABLE imports ADD COLUMN joined_lines BIGINT DEFAULT 0;
-- The start of the refused line (at most 200 characters), never the whole value.
ALTER TABLE import_rejects ADD COLUMN excerpt VARCHAR;
`,
  },
  {
    version: 12,
    name: 'record owners and load state',
    sql: `
-- Which curated origin loaded each record, from which file and line; several origins own an actor they all mark shared
-- (doc keeps each one's version, from which the merged actor is rebuilt when one of them reloads).
CREATE TABLE record_owners (
  collection VARCHAR NOT NULL, id VARCHAR NOT NULL, origin VARCHAR NOT NULL, file VARCHAR, line INTEGER, doc JSON,
  PRIMARY KEY (collection, id, origin)
);
-- The content hash of an origin's last load and a fingerprint of the rows it left, so that a reload is skipped only
-- when neither the files nor the stored rows have changed.
CREATE TABLE load_state (origin VARCHAR PRIMARY KEY, hash VARCHAR NOT NULL, fingerprint VARCHAR NOT NULL);
`,
  },
];
