// jobStates against BullMQ's own getJobState on a real Redis, with jobs in every state a cohort's
// series can be in: completed, failed for good, running, waiting, delayed (a retry's backoff),
// and one Redis does not hold.
import { Queue, Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { jobStates, type JobStand } from './jobStates.ts';
import { connection, redisClient } from './queue.ts';

const redis = process.env.REDIS_URL ?? 'redis://127.0.0.1:6390';
const name = `job-states-${process.pid}-${Date.now()}`;
const queue = new Queue(name, { connection: connection(redis) });
const client = redisClient(redis);

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  client.disconnect();
});

const stand = (s: string): JobStand =>
  s === 'waiting' || s === 'delayed' || s === 'prioritized' ? 'queued' : (s as JobStand);

describe('jobStates', () => {
  it("reads every job's state as BullMQ does, waiting and delayed as queued", async () => {
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = (): void => {};
    const running = new Promise<void>((resolve) => (started = resolve));
    const worker = new Worker(
      name,
      async (job) => {
        if (job.name === 'fail') throw new Error('poison');
        if (job.name === 'hold') {
          started();
          await held;
        }
      },
      { connection: connection(redis), concurrency: 1 },
    );
    try {
      const settled = new Promise<void>((resolve) => {
        let n = 0;
        const one = (): void => void (++n === 2 && resolve());
        worker.on('completed', one);
        worker.on('failed', one);
      });
      await queue.add('ok', {}, { jobId: 'j-done' });
      await queue.add('fail', {}, { jobId: 'j-failed', attempts: 1 });
      await settled;
      await queue.add('hold', {}, { jobId: 'j-active' });
      await running;
      await queue.add('ok', {}, { jobId: 'j-waiting' });
      await queue.add('ok', {}, { jobId: 'j-delayed', delay: 60_000 });
      // Ids unlike the queue's own key names (a job id 'failed' would be its failed set).
      const ids = ['j-done', 'j-failed', 'j-active', 'j-waiting', 'j-delayed', 'j-absent'];
      const ours = await jobStates(client, queue, ids);
      const theirs = await Promise.all(ids.map((id) => queue.getJobState(id)));
      expect(ours).toEqual(['completed', 'failed', 'active', 'queued', 'queued', 'unknown']);
      expect(ours).toEqual(theirs.map(stand));
    } finally {
      release();
      await worker.close();
    }
  }, 60_000);
});
