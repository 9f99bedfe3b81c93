// A run started by the server that finishes while its folder is being read: the answer must not
// call it complete with what the folder held before (the Cohort tab stops polling at complete and
// would keep that count). A hook holds the folder's reading until the run's process has exited;
// the server used to read its own record of the run after the folder, saw "finished", and
// answered complete with the series listed before.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { writeCohort } from '../cohort/testing/cohortFixture.ts';
import { listenCohorts } from './testing/listenCohorts.ts';

const hook = vi.hoisted(() => ({ hold: null as (() => Promise<void>) | null }));

vi.mock('../cohort/runFolder.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../cohort/runFolder.ts')>();
  return {
    ...real,
    readRunFolder: async (dir: string) => {
      const info = await real.readRunFolder(dir);
      const hold = hook.hold;
      hook.hold = null;
      if (hold) await hold();
      return info;
    },
  };
});

let root: string;
let origin = '';
let close = () => {};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'consilium-summary-race-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><p>app</p>');
  await writeCohort(join(root, 'inputs', 'two'), 2, { slices: 2, size: 8 });
  await mkdir(join(root, 'runs'));
  ({ origin, close } = await listenCohorts(root, {
    runs: join(root, 'runs'),
    inputs: join(root, 'inputs'),
    jobs: 1,
  }));
});

afterAll(async () => {
  close();
  await rm(root, { recursive: true, force: true });
});

async function runState(id: string): Promise<{ state: string; done: number; total: number }> {
  const r = (await (await fetch(`${origin}/api/cohorts/${id}`)).json()) as {
    value: { state: string; done: number; total: number };
  };
  return r.value;
}

it('a run finishing while its folder is read is not answered complete with the count before', async () => {
  const started = await fetch(`${origin}/api/cohorts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ input: 'two', command: 'features', options: {} }),
  });
  expect(started.status).toBe(202);
  const { id } = ((await started.json()) as { value: { id: string } }).value;
  const serveJson = join(root, 'runs', id, 'serve.json');
  // The folder is read as the run starts; the answer is given once its process has exited.
  hook.hold = async () => {
    const end = Date.now() + 90_000;
    while (Date.now() < end) {
      const noted = JSON.parse(await readFile(serveJson, 'utf8')) as { state: string };
      if (noted.state !== 'running') return;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const during = await runState(id);
  expect(hook.hold).toBeNull();
  expect(during.done).toBeLessThan(2); // read before its series were written
  expect(during.state).toBe('running');
  // Asked again: complete, every series counted.
  expect(await runState(id)).toMatchObject({ state: 'complete', done: 2, total: 2 });
}, 120_000);
