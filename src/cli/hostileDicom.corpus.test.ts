// `consilium inspect` and `consilium features` over the whole folder of hostile DICOM
// reproducers in one call each: every file gets exactly one record (an error with a stable
// code, or the mislabelled codestream decoded with its note), the exit code is the documented
// one, and the process stays under 512 MB of resident memory and 2 s a file.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const folder = '../shared/data/fuzz-repro/dicom';
const files = readdirSync(folder).filter((f) => f.endsWith('.dcm'));
const MB = 1e6;

// Prints the process's peak resident memory (including its worker threads) when it exits.
const peakMemory =
  'data:text/javascript,process.on("exit",()=>process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\\n`))';

interface Record {
  ok: boolean;
  value?: { file: string; note?: string };
  error?: { code: string; reason: string; params: { file: string } };
}

async function consilium(command: string) {
  const args = ['--import', peakMemory, 'bin/consilium.mjs', command, folder, '--json'];
  const started = performance.now();
  let exit = 0;
  let stdout: string;
  let stderr: string;
  try {
    ({ stdout, stderr } = await run('node', args, { maxBuffer: 64 * MB }));
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    ({ stdout, stderr } = e);
    exit = e.code;
  }
  const wallMs = performance.now() - started;
  const rssBytes = Number(/maxRSS (\d+)/.exec(stderr)?.[1]) * 1024;
  const records = stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record);
  return { exit, records, wallMs, rssBytes };
}

function fileOf(r: Record): string {
  const path = r.ok ? r.value!.file : r.error!.params.file;
  return path.slice(folder.length + 1);
}

function expectOneRecordPerFile(records: Record[]) {
  expect(records.map(fileOf).sort()).toEqual([...files].sort());
  for (const r of records) {
    if (fileOf(r) === 'jpegls-labelled-j2k-zero-image.dcm') {
      expect(r.ok).toBe(true);
      continue;
    }
    expect(r.ok).toBe(false);
    expect(r.error!.code).toMatch(/^[a-z-]+$/);
    expect(r.error!.reason.length).toBeGreaterThan(20);
  }
}

describe('consilium over hostile DICOM files', () => {
  it('inspect: one record per file, exit 0, bounded time and memory', async () => {
    const { exit, records, wallMs, rssBytes } = await consilium('inspect');
    expect(exit).toBe(0); // inspect reports failures; they are not fatal
    expectOneRecordPerFile(records);
    const noted = records.find((r) => r.ok);
    expect(noted?.value?.note).toBe('codestream is JPEG-LS, transfer syntax says JPEG 2000');
    expect(rssBytes).toBeLessThan(512 * MB);
    expect(wallMs).toBeLessThan(2000 * files.length);
  }, 60_000);

  it('features: one record per file, exit 1 (some failed), bounded time and memory', async () => {
    const { exit, records, wallMs, rssBytes } = await consilium('features');
    expect(exit).toBe(1);
    expectOneRecordPerFile(records);
    expect(rssBytes).toBeLessThan(512 * MB);
    expect(wallMs).toBeLessThan(2000 * files.length);
  }, 60_000);
});
