// What `consilium serve --cohorts` answers about cohort runs (src/cli/serve/cohortRoutes.ts)
// and the workbench's Cohort view reads (src/app/cohort/cohortApi.ts): one shape for both sides.
import type { ModelChoice } from './startRequest.ts';

export type RunState = 'running' | 'complete' | 'queued' | 'incomplete' | 'failed' | 'stopped';

export interface RunSummary {
  readonly id: string;
  readonly command: string;
  readonly state: RunState;
  readonly done: number;
  readonly total: number | null;
  readonly failedSeries: number;
  readonly input?: string;
  readonly startedAt?: string;
  readonly cohortId?: string;
  /** Why a started run stopped (its last line on stderr). */
  readonly error?: string;
}

export interface RunFailure {
  readonly series: string;
  readonly file: string;
  readonly code: string;
  readonly reason: string;
}

export interface RunDetail extends RunSummary {
  readonly failures: RunFailure[];
}

/** One feature value of a run's results, as a table row. */
export interface FeatureRow {
  readonly series: string;
  readonly roi: string;
  readonly slice: number | null;
  readonly filter: string;
  readonly family: string;
  readonly ibsiCode: string;
  readonly name: string;
  readonly aggregation: string;
  readonly unit: string;
  readonly value: number | null;
}

export interface RunList {
  readonly runs: RunSummary[];
  readonly inputs: string[];
  readonly canStart: boolean;
  /** The models infer and analyze runs started here may use, by name. */
  readonly models: ModelChoice[];
}

/** A page of the rows of a run's whole results table matching the Cohort tab's filter
 * (GET /api/cohorts/<run>/features.filter), a column each; null where a value is missing. */
export interface FilteredRows {
  /** Rows of the whole table that match. */
  readonly count: number;
  /** The page's first match, counted from 0 among the matches. */
  readonly offset: number;
  readonly length: number;
  readonly series: string[];
  readonly roi: string[];
  readonly slice: (number | null)[];
  readonly family: string[];
  readonly ibsiCode: string[];
  readonly name: string[];
  readonly aggregation: string[];
  readonly filter: string[];
  readonly unit: string[];
  readonly value: (number | null)[];
}
