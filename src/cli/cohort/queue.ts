// The cohort queue on Redis (BullMQ): one job per series, its id the series' content key
// (command, settings hash, series key), so a series already queued or done is never added twice;
// and each cohort's plan (its series in input order, the records that precede them, where its
// results go) under consilium:cohort:<id>, which status, wait and reduce read.
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { SeriesTask } from './seriesTask.ts';

export const defaultQueue = 'consilium-series';

/** What a job carries: the series' task and the results folder its record goes to. */
export interface SeriesJob {
  readonly task: SeriesTask;
  /** The job id: contentKey(command, settings hash, series key), also the record's file name. */
  readonly key: string;
  /** The results folder, on storage every worker reaches (docs/cohort.md). */
  readonly out: string;
}

/** What `cohort submit` stores about a cohort. */
export interface CohortPlan {
  readonly id: string;
  readonly command: string;
  readonly settingsHash: string;
  readonly out: string;
  readonly queue: string;
  /** Job ids (= record keys) in input order, with each series' UID. */
  readonly series: { readonly key: string; readonly uid: string }[];
  /** Records that come before every series' (files that could not be read, bad masks). */
  readonly leading: unknown[];
}

export const jobOptions: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  // Kept, so a resubmitted cohort finds its series done (and status can count them).
  removeOnComplete: false,
  removeOnFail: false,
};

export function connection(url: string): { url: string; maxRetriesPerRequest: null } {
  // null: a worker waits through a Redis restart instead of failing its commands.
  return { url, maxRetriesPerRequest: null };
}

export function seriesQueue(url: string, name: string): Queue<SeriesJob> {
  return new Queue<SeriesJob>(name, { connection: connection(url) });
}

export function redisClient(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

const planKey = (id: string) => `consilium:cohort:${id}`;

export async function savePlan(redis: Redis, plan: CohortPlan): Promise<void> {
  await redis.set(planKey(plan.id), JSON.stringify(plan));
}

export async function loadPlan(redis: Redis, id: string): Promise<CohortPlan | null> {
  const text = await redis.get(planKey(id));
  return text ? (JSON.parse(text) as CohortPlan) : null;
}
