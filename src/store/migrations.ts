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
