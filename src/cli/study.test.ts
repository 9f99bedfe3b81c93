// `consilium study` end to end on a simulated three-scanner study: the same phantom images seen
// through noise, blur and an intensity offset, analysed per center by `consilium analyze` into
// bundles; the center effect is plain before ComBat and gone after.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { settingsPathFor } from './trainArgs.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseStudyArgs } from './study.ts';
import { writeSimulatedCenters } from './study.fixture.ts';

const run = promisify(execFile);
const cli = (args: string[]) =>
  run(process.execPath, ['bin/consilium.mjs', ...args], { maxBuffer: 1 << 26 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

let dir = '';
let bundles: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consilium-study-'));
  const { centers, labels } = await writeSimulatedCenters(dir, { cases: 12, size: 40 });
  await writeFile(join(dir, 'key'), 'study collaboration key');
  bundles = [];
  for (const c of centers) {
    const out = join(dir, `${c.center}.zip`);
    const r = await cli([
      'analyze',
      c.dir,
      '--no-model',
      '--center',
      c.center,
      '--key-file',
      join(dir, 'key'),
      '--labels',
      labels,
      '--out',
      out,
      '--jobs',
      '1',
    ]);
    expect(r.stderr ?? '').not.toMatch(/failed: [1-9]/);
    bundles.push(out);
  }
}, 240_000);

describe('consilium study', () => {
  it('shows the center effect before ComBat and none after, and writes the table', async () => {
    const out = join(dir, 'study.csv');
    const fitFile = join(dir, 'combat.json');
    const r = await cli([
      'study',
      ...bundles,
      '--allow-untrusted',
      '--harmonize',
      'parametric',
      '--covariate',
      'label',
      '--save-combat',
      fitFile,
      '--out',
      out,
      '--json',
    ]);
    const record = JSON.parse(r.stdout);
    expect(record.ok).toBe(true);
    const s = record.value;
    expect(s.centers).toEqual([
      { center: 'North', cases: 12 },
      { center: 'South', cases: 12 },
      { center: 'West', cases: 12 },
    ]);
    const n = s.features.length;
    expect(n).toBeGreaterThan(50);
    // Before: most features differ between scanners and the center is predicted perfectly.
    expect(s.before.significant).toBeGreaterThan(0.8 * n);
    expect(s.before.centerAuc.meanAuc).toBeGreaterThan(0.95);
    // After: no feature differs at 5 % (uncorrected) and the center AUC is near chance.
    expect(s.after.significant).toBeLessThanOrEqual(Math.ceil(0.05 * n));
    expect(s.after.centerAuc.meanAuc).toBeLessThan(0.75);
    expect(s.notes.map((x: { code: string }) => x.code)).toContain('STUDY_ZERO_VARIANCE');
    const csv = (await readFile(out, 'utf8')).trim().split('\n');
    expect(csv.length).toBe(37);
    expect(csv[0]).toMatch(/^caseKey,center,roi,label,/);
    expect(csv[0].split(',').length).toBe(4 + n);
    expect(csv[1]).toMatch(/^[0-9a-f]{32,},North,whole-image,(benign|malignant),/);
    // Beside the table, the settings its features were computed with (train records them).
    const settings = JSON.parse(await readFile(settingsPathFor(out), 'utf8'));
    expect(settings).not.toHaveProperty('roi');
    expect(Object.keys(settings).length).toBeGreaterThan(0);

    // The saved fit harmonizes one center's bundle later, identically.
    const again = join(dir, 'south.csv');
    const applied = await cli([
      'study',
      bundles[1],
      '--allow-untrusted',
      '--apply-combat',
      fitFile,
      '--out',
      again,
    ]);
    expect(applied.stdout).toMatch(
      /ComBat applied \(saved fit\): parametric, preserving label=malignant/,
    );
    const south = (await readFile(again, 'utf8')).trim().split('\n');
    const pooledSouth = csv.filter((l) => l.split(',')[1] === 'South');
    expect(south.slice(1).map((l) => l.split(',').slice(4).map(Number))).toEqual(
      pooledSouth.map((l) =>
        l
          .split(',')
          .slice(4)
          .map((v) => expect.closeTo(Number(v), 8)),
      ),
    );
  }, 120_000);

  it('prints the figures as text and refuses bad input with one clear line', async () => {
    const text = await cli([
      'study',
      ...bundles,
      '--allow-untrusted',
      '--out',
      join(dir, 'raw.csv'),
    ]);
    expect(text.stdout).toMatch(
      /^Centers: "North" \(12 cases\), "South" \(12 cases\), "West" \(12 cases\)$/m,
    );
    expect(text.stdout).toMatch(/^Center effect: center AUC 1\.000 /m);
    const one = await cli([
      'study',
      bundles[0],
      '--allow-untrusted',
      '--harmonize',
      'parametric',
      '--out',
      join(dir, 'x.csv'),
    ]);
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(
      /STUDY_SINGLE_CENTER: Harmonization needs cases from two or more centers/,
    );
    const unsigned = await cli(['study', ...bundles, '--out', join(dir, 'x.csv')]);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stdout).toMatch(/^REJECTED .*North\.zip: SIGNATURE_MISSING/);
    const ref = await cli([
      'study',
      ...bundles,
      '--allow-untrusted',
      '--harmonize',
      'parametric',
      '--ref-center',
      'East',
      '--out',
      join(dir, 'x.csv'),
      '--json',
    ]);
    expect(JSON.parse(ref.stdout).error.code).toBe('COMBAT_REFERENCE_UNKNOWN');
  }, 120_000);

  it('parses its options strictly', () => {
    expect(() => parseStudyArgs(['a.zip'])).toThrow(/--out/);
    expect(() => parseStudyArgs(['a.zip', '--out', 'x', '--harmonize', 'fast'])).toThrow(
      /parametric or nonparametric/,
    );
    expect(() => parseStudyArgs(['a.zip', '--out', 'x', '--covariate', 'label'])).toThrow(
      /go with --harmonize/,
    );
    expect(() =>
      parseStudyArgs(['a.zip', '--out', 'x', '--apply-combat', 'f', '--harmonize', 'parametric']),
    ).toThrow(/--apply-combat uses the saved fit/);
  });
});
