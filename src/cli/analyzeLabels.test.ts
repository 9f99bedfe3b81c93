// consilium analyze --labels matches rows by SOP Instance UID and file name through the same
// reader as the workbench: the series index gives each series its instances' UIDs and files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelsFromCsv } from '../core/pipeline/labelsCsv.ts';
import { imageHeader, writeDicom } from '../core/dicom/testing/writeDicom.ts';
import { analyzeSeriesIndex, labelledSeries } from './analyzeInputs.ts';

function film(dir: string, k: number): string {
  const path = join(dir, `film-${k}.dcm`);
  writeFileSync(
    path,
    writeDicom([
      ...imageHeader(2, 2, 8, false).filter((e) => e.tag[1] !== 0x0018),
      { tag: [0x0008, 0x0018], vr: 'UI', value: `9.8.${k}.1` },
      { tag: [0x0020, 0x000d], vr: 'UI', value: '9.8' },
      { tag: [0x0020, 0x000e], vr: 'UI', value: `9.8.${k}` },
      { tag: [0x7fe0, 0x0010], vr: 'OB', value: new Uint8Array(4) },
    ]),
  );
  return path;
}

describe('analyze --labels', () => {
  it('keys rows by SOP Instance UID or file name, one series each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'consilium-labels-'));
    const paths = [1, 2, 3].map((k) => film(dir, k));
    const { series } = await analyzeSeriesIndex(paths);
    const bySop = labelsFromCsv(
      'SOPInstanceUID,label\n9.8.1.1,a\n9.8.3.1,b\n',
      labelledSeries(series),
    );
    expect(bySop.labels).toEqual({ '9.8.1': 'a', '9.8.3': 'b' });
    const byFile = labelsFromCsv('file,label\nfilm-2.dcm,c\n', labelledSeries(series));
    expect(byFile.labels).toEqual({ '9.8.2': 'c' });
    // One study UID for all three: two labels for it are ambiguous, not last-row-wins.
    const byStudy = labelsFromCsv('study uid,label\n9.8,a\n9.8,b\n', labelledSeries(series));
    expect(byStudy.problem).toMatch(/^Ambiguous labels by Study Instance UID/);
  });
});
