import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measurementReport } from './measurementReport';
import { sampleMeasurements } from './sampleMeasurements';
import { sampleReportInput } from './sampleReport';
import { writeReport } from './writeReport';

function findDciodvfy(): string | undefined {
  try {
    return (
      execFileSync('sh', ['-c', 'command -v dciodvfy'], { encoding: 'utf8' }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

const dciodvfy = findDciodvfy();
if (!dciodvfy)
  console.warn(
    'SR validation skipped: dciodvfy is not installed (apt-get install -y dicom3tools).',
  );

describe('TID 1500 report against dicom3tools', () => {
  it.skipIf(!dciodvfy)('passes dciodvfy as a Comprehensive SR with no errors', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'consilium-sr-')), 'report.dcm');
    writeFileSync(path, writeReport(measurementReport(await sampleReportInput())));
    expectValid(path);
  });

  it.skipIf(!dciodvfy)("passes with a reader's measurement groups (TID 1410)", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'consilium-sr-')), 'measured.dcm');
    const input = { ...(await sampleReportInput()), measurements: sampleMeasurements() };
    writeFileSync(path, writeReport(measurementReport(input)));
    expectValid(path);
  });

  function expectValid(path: string): void {
    const run = spawnSync(dciodvfy!, [path], { encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    console.log(output);
    expect(output).toContain('ComprehensiveSR');
    expect(output.split('\n').filter((l) => /^Error/.test(l))).toEqual([]);
  }
});
