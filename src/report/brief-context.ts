// What every section of the brief reads while it is gathered: the store, the scope, names and the reference list.
import type { Region } from '../model/index.js';
import type { ScopeInput } from '../model/scope.js';
import type { ResolvedScope } from '../store/evidence.js';
import type { Store } from '../store/store.js';
import type { CitationRegister } from './citations.js';
import type { NameBook } from './names.js';

export interface BriefContext {
  readonly store: Store;
  readonly region: Region;
  readonly scopeInput: ScopeInput;
  readonly scope: ResolvedScope;
  readonly scopeText: string;
  readonly names: NameBook;
  readonly cite: CitationRegister;
  /** Said plainly in the brief: parts left out and why. */
  readonly gaps: string[];
}

/** A chart's caption: what it covers, how much evidence it shows, and how recent the data are. */
export interface ChartCaption {
  readonly scope: string;
  readonly n: string;
  readonly vintage: string;
}
