// The dataset importers by name, as `faultline import <dataset>` names them.
import type { DatasetFormat } from './dataset-layout.js';
import { ACLED } from './acled/acled-format.js';
import { GDELT } from './gdelt/gdelt-format.js';
import { ICEWS } from './icews/icews-format.js';

export const DATASETS = { gdelt: GDELT, icews: ICEWS, acled: ACLED } as const satisfies Record<string, DatasetFormat>;
export type DatasetName = keyof typeof DATASETS;
