// Where many series' jobs stand, read in one pipelined round trip of O(1) commands per job.
// BullMQ's getJobState finds a waiting job by LPOS over the whole wait list: polling a cohort of
// n queued series that way costs O(n²) on Redis (10 s a poll at 16,000 series here, with Redis
// busy throughout, so workers wait for their next job), where this costs O(n).
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/** 'queued': the job exists and is neither done, failed nor running (waiting, delayed,
 * prioritized); 'unknown': Redis holds no such job. */
export type JobStand = 'completed' | 'failed' | 'active' | 'queued' | 'unknown';

export async function jobStates(
  redis: Redis,
  queue: Queue,
  ids: readonly string[],
): Promise<JobStand[]> {
  if (ids.length === 0) return [];
  const { completed, failed, active } = queue.keys;
  // One transaction: a job moving on between two of these reads is not counted twice or missed.
  const pipeline = redis.multi();
  pipeline.zmscore(completed, ...ids);
  pipeline.zmscore(failed, ...ids);
  // At most the workers' concurrency long.
  pipeline.lrange(active, 0, -1);
  for (const id of ids) pipeline.exists(queue.toKey(id));
  const replies = (await pipeline.exec()) ?? [];
  for (const [error] of replies) if (error) throw error;
  const value = (i: number): unknown => replies[i]?.[1];
  const done = value(0) as (string | null)[];
  const gaveUp = value(1) as (string | null)[];
  const running = new Set(value(2) as string[]);
  return ids.map((id, i) => {
    if (done[i] !== null) return 'completed';
    if (gaveUp[i] !== null) return 'failed';
    if (running.has(id)) return 'active';
    return value(3 + i) === 1 ? 'queued' : 'unknown';
  });
}
