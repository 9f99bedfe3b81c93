// A 100,000-series table (10 values each) read as the Cohort tab reads it: through an AsyncBuffer
// of byte ranges, the footer first, then only the row groups of the window shown, and the values
// of that window are the table's own.
import { open, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readResultWindow, windowRows } from '../../core/cohort/resultColumns.ts';
import { largeSeriesUid, largeValue, writeLargeFeaturesRun } from './testing/largeFeaturesRun.ts';

let dir: string;
const series = 100_000;
const features = 10;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consilium-large-table-'));
  await writeLargeFeaturesRun(dir, series, features);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

it('opens a 1,000,000-row table from its footer and one window of row groups', async () => {
  const file = await open(join(dir, 'features.parquet'));
  const { size } = await file.stat();
  const asked: [number, number][] = [];
  const buffer = {
    byteLength: size,
    async slice(start: number, end = size) {
      asked.push([start, end]);
      const bytes = new Uint8Array(end - start);
      await file.read(bytes, 0, bytes.length, start);
      return bytes.buffer;
    },
  };
  try {
    const first = await readResultWindow(buffer, 0);
    expect(first.totalRows).toBe(series * features);
    expect(asked[0][1]).toBe(size); // the footer first
    expect(first.columns.length).toBeGreaterThanOrEqual(windowRows);
    expect(first.columns.length).toBeLessThan(first.totalRows / 8);
    const fetched = (from: number) => asked.slice(from).reduce((n, [s, e]) => n + e - s, 0);
    expect(fetched(0)).toBeLessThan(size / 8);
    for (const row of [0, 17, first.columns.length - 1]) {
      const s = Math.floor(row / features);
      expect([
        first.columns.series[row],
        first.columns.ibsiCode[row],
        first.columns.value[row],
      ]).toEqual([largeSeriesUid(s), `CODE${row % features}`, largeValue(s, row % features)]);
    }
    // A window far into the table, with the footer already read: only its row groups.
    const before = asked.length;
    const far = await readResultWindow(buffer, 700_003, first.metadata);
    expect(far.rowStart).toBeLessThanOrEqual(700_003);
    expect(far.rowStart + far.columns.length).toBeGreaterThan(700_003);
    expect(fetched(before)).toBeLessThan(size / 8);
    const row = 700_003 - far.rowStart;
    expect(far.columns.value[row]).toBe(largeValue(70_000, 3));
    expect(far.columns.series[row]).toBe(largeSeriesUid(70_000));
  } finally {
    await file.close();
  }
});
