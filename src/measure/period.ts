// Period labels and steps for the measures: the model's one vocabulary of periods.
export { PERIOD_UNITS, periodDays, periodOf, nextPeriod, type PeriodUnit } from '../model/period.js';
