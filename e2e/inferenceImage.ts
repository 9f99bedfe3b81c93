// A CR chest image for the inference spec, rebuilt from the model's reference input test[0]:
// the 28x28 image (in [0,1]) written as 16-bit pixels, each repeated 2x2. Area resizing back to
// 28x28 and min-max scaling give the reference tensor again (to 16-bit quantisation).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageHeader, writeDicom } from '../src/core/dicom/testing/writeDicom.ts';

interface Reference {
  cases: { source: string; input: number[]; probabilities: number[] }[];
}

export function writeReferenceCr(): { path: string; pneumonia: number } {
  const ref = JSON.parse(
    readFileSync('public/models/pneumonia-cnn.reference.json', 'utf8'),
  ) as Reference;
  const card = JSON.parse(readFileSync('public/models/pneumonia-cnn.card.json', 'utf8')) as {
    preprocessing: { normalize: { mean: number[]; std: number[] } };
  };
  const { mean, std } = card.preprocessing.normalize;
  const c = ref.cases[0];
  const size = 56;
  const pixels: number[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = c.input[(y >> 1) * 28 + (x >> 1)] * std[0] + mean[0];
      pixels.push(Math.round(Math.min(1, Math.max(0, v)) * 65535));
    }
  }
  const header = imageHeader(size, size, 16, false).filter(
    (e) => !(e.tag[0] === 0x0008 && e.tag[1] === 0x0060),
  );
  const bytes = writeDicom([
    ...header,
    { tag: [0x0008, 0x0016], vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.1' },
    { tag: [0x0008, 0x0060], vr: 'CS', value: 'CR' },
    { tag: [0x0010, 0x0010], vr: 'PN', value: 'Reference^Chest' },
    { tag: [0x0020, 0x000d], vr: 'UI', value: '1.2.826.0.1.3680043.10.1.1' },
    { tag: [0x0020, 0x000e], vr: 'UI', value: '1.2.826.0.1.3680043.10.1.2' },
    { tag: [0x7fe0, 0x0010], vr: 'OW', value: pixels },
  ]);
  const path = join(mkdtempSync(join(tmpdir(), 'consilium-infer-')), 'reference-cr.dcm');
  writeFileSync(path, bytes);
  return { path, pneumonia: c.probabilities[1] };
}
