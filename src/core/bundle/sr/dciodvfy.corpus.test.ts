import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measurementReport } from './measurementReport';
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
    const run = spawnSync(dciodvfy!, [path], { encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    console.log(output);
    expect(output).toContain('ComprehensiveSR');
    expect(output.split('\n').filter((l) => /^Error/.test(l))).toEqual([]);
  });
});
