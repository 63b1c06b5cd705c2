// UN General Assembly files: ideal points (Bailey, Strezhnev & Voeten 2017) and Voeten's individual votes, roll calls and issue tags.
import { statSync } from 'node:fs';
import { UserError } from '../../model/errors.js';
import { headerCells, type FileFormat } from './format.js';
import { headLines } from './lines.js';

const R_CSV = { delim: ',', quote: '"', encoding: 'utf-8', nullstr: ['NA'], strict: true } as const;

/** `idealpoints-july2025.csv` (Harvard Dataverse, Voeten): one row per state and year, R-style CSV with NA for missing. */
export const UNGA_IDEALPOINTS: FileFormat = {
  kind: 'unga-idealpoints',
  dataset: 'unga-idealpoints',
  module: 'ingest/unga',
  title: 'UNGA ideal points (Bailey, Strezhnev & Voeten)',
  headerLine: 1,
  header: [
    'ccode', 'iso3c', 'countryname', 'year', 'idealpointfp', 'idealpointall', 'idealpointlegacy', 'nvotesfp',
    'qofp', 'q5fp', 'q10fp', 'q50fp', 'q90fp', 'q95fp', 'q100fp', 'nvotesall',
    'qoall', 'q5all', 'q10all', 'q50all', 'q90all', 'q95all', 'q100all', 'nvotesLegacy',
  ],
  csv: {
    ...R_CSV,
    columns: [
      ['ccode', 'INTEGER'], ['iso3c', 'VARCHAR'], ['countryname', 'VARCHAR'], ['year', 'INTEGER'],
      ['idealpointfp', 'DOUBLE'], ['idealpointall', 'DOUBLE'], ['idealpointlegacy', 'DOUBLE'], ['nvotesfp', 'INTEGER'],
      ['qofp', 'DOUBLE'], ['q5fp', 'DOUBLE'], ['q10fp', 'DOUBLE'], ['q50fp', 'DOUBLE'], ['q90fp', 'DOUBLE'], ['q95fp', 'DOUBLE'], ['q100fp', 'DOUBLE'],
      ['nvotesall', 'INTEGER'],
      ['qoall', 'DOUBLE'], ['q5all', 'DOUBLE'], ['q10all', 'DOUBLE'], ['q50all', 'DOUBLE'], ['q90all', 'DOUBLE'], ['q95all', 'DOUBLE'], ['q100all', 'DOUBLE'],
      ['nvotesLegacy', 'INTEGER'],
    ],
  },
};

/** `un_votes.csv(.gz)` (the `unvotes` package): one row per roll call and voting state; absent states have no row. */
export const UNGA_VOTES: FileFormat = {
  kind: 'unga-votes',
  dataset: 'unga-votes',
  module: 'ingest/unga',
  title: 'UNGA votes',
  headerLine: 1,
  header: ['rcid', 'country', 'country_code', 'vote'],
  csv: { ...R_CSV, columns: [['rcid', 'INTEGER'], ['country', 'VARCHAR'], ['country_code', 'VARCHAR'], ['vote', 'unga_vote']] },
};

/** `un_roll_calls.csv(.gz)`: the roll calls, with the day of the vote (its year is the year of the votes). */
export const UNGA_ROLL_CALLS: FileFormat = {
  kind: 'unga-roll-calls',
  dataset: 'unga-votes',
  module: 'ingest/unga',
  title: 'UNGA roll calls',
  headerLine: 1,
  header: ['rcid', 'session', 'importantvote', 'date', 'unres', 'amend', 'para', 'short', 'descr'],
  csv: {
    ...R_CSV,
    dateformat: '%Y-%m-%d',
    columns: [
      ['rcid', 'INTEGER'], ['session', 'INTEGER'], ['importantvote', 'INTEGER'], ['date', 'DATE'], ['unres', 'VARCHAR'],
      ['amend', 'INTEGER'], ['para', 'INTEGER'], ['short', 'VARCHAR'], ['descr', 'VARCHAR'],
    ],
  },
};

/** `un_roll_call_issues.csv`: issue tags of roll calls (me, nu, di, hr, co, ec); a roll call may have several. */
export const UNGA_ROLL_CALL_ISSUES: FileFormat = {
  kind: 'unga-roll-call-issues',
  dataset: 'unga-votes',
  module: 'ingest/unga',
  title: 'UNGA roll-call issues',
  headerLine: 1,
  header: ['rcid', 'short_name', 'issue'],
  csv: { ...R_CSV, columns: [['rcid', 'INTEGER'], ['short_name', 'VARCHAR'], ['issue', 'VARCHAR']] },
};

/** The three files `import unga-votes` accepts, told apart by their headers. */
export const UNGA_VOTE_FILES: readonly FileFormat[] = [UNGA_VOTES, UNGA_ROLL_CALLS, UNGA_ROLL_CALL_ISSUES];

/** Which of the three vote files `file` is, from its header line; a UserError naming the file otherwise. */
export async function detectUngaVoteFile(file: string): Promise<FileFormat> {
  try {
    statSync(file);
  } catch {
    throw new UserError('ingest/unga', 'no such file', { file });
  }
  const [line = ''] = await headLines(file, 1);
  const found = UNGA_VOTE_FILES.find((f) => headerCells(line, f).join(',') === f.header.join(','));
  if (!found) throw new UserError('ingest/unga', `not a votes, roll-calls or issues file: the header is "${line.slice(0, 120)}"`, { file, line: 1 });
  return found;
}
