// A CR image for the inference spec, rebuilt from the model's first reference input (a synthetic
// chest-like drawing made by tools/train/make_reference.py; see referenceImages).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageHeader, writeDicom } from '../src/core/dicom/testing/writeDicom.ts';
import { REFERENCE_IMAGE_SIZE, referenceImages } from './referenceImages.ts';

export function writeReferenceCr(): { path: string; pneumonia: number } {
  const size = REFERENCE_IMAGE_SIZE;
  const [{ pixels, probabilities }] = referenceImages([0]);
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
  return { path, pneumonia: probabilities[1] };
}
