// Classifier latency with onnxruntime-node through the core classifier: the default 28x28 model
// and an untrained 224x224 CNN (made on the fly by tools/train/make_bench_cnn224.py), one image
// per run and batches of 32; plus the preprocessing of a 2048x2048 radiograph to 28x28.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import type { DecodedFrame } from '../src/core/dicom/types.ts';
import { parseCard } from '../src/core/inference/card.ts';
import { createClassifier } from '../src/core/inference/classifier.ts';
import { isImageCard } from '../src/core/inference/modelCard.ts';
import { preprocessFrame } from '../src/core/inference/preprocess.ts';
import { medianMs, report } from './report.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BATCH = 32;

async function latency(name: string, modelPath: string, cardPath: string): Promise<void> {
  const card = parseCard(JSON.parse(readFileSync(cardPath, 'utf8')), cardPath);
  const bytes = new Uint8Array(readFileSync(modelPath));
  const classifier = await createClassifier(ort, bytes, card, {
    file: modelPath,
    batchSize: BATCH,
  });
  const item = () => Float32Array.from({ length: classifier.itemSize }, (_, i) => Math.sin(i));
  const one = [item()];
  const batch = Array.from({ length: BATCH }, item);
  await classifier.warmUp();
  await classifier.probabilities(batch); // first run at this batch size allocates
  const single = await medianMs(() => classifier.probabilities(one), 25);
  const batched = await medianMs(() => classifier.probabilities(batch), 9);
  const common = { bench: 'inference', model: name, backend: 'onnxruntime-node (cpu)' };
  report({
    ...common,
    batch: 1,
    median_ms_per_batch: round(single),
    median_ms_per_image: round(single),
  });
  report({
    ...common,
    batch: BATCH,
    median_ms_per_batch: round(batched),
    median_ms_per_image: round(batched / BATCH),
  });
  await classifier.release();
}

function preprocessing(): void {
  const card = parseCard(
    JSON.parse(readFileSync(join(root, 'public/models/pneumonia-cnn.card.json'), 'utf8')),
    'card',
  );
  if (!isImageCard(card)) return;
  const size = 2048;
  const values = Float32Array.from({ length: size * size }, (_, i) => (i * 2654435761) % 4096);
  const frame: DecodedFrame = {
    rows: size,
    columns: size,
    samplesPerPixel: 1,
    values,
    min: 0,
    max: 4095,
    invert: false,
  };
  const ms = medianSync(() =>
    preprocessFrame(frame, card.preprocessing, card.input, { file: 'x' }),
  );
  report({
    bench: 'inference',
    step: 'preprocess 2048x2048 -> 28x28 (area)',
    median_ms: round(ms),
  });
}

function medianSync(fn: () => unknown, repeats = 9): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)];
}

const round = (ms: number) => Number(ms.toFixed(3));

export async function run(): Promise<void> {
  await latency(
    'pneumonia-cnn (28x28)',
    join(root, 'public/models/pneumonia-cnn.onnx'),
    join(root, 'public/models/pneumonia-cnn.card.json'),
  );
  const dir = mkdtempSync(join(tmpdir(), 'consilium-bench-'));
  try {
    const made = spawnSync('/usr/bin/python3', [
      join(root, 'tools/train/make_bench_cnn224.py'),
      dir,
    ]);
    if (made.status === 0) {
      await latency(
        'bench-cnn224 (224x224, untrained)',
        join(dir, 'bench-cnn224.onnx'),
        join(dir, 'bench-cnn224.card.json'),
      );
    } else {
      report({
        bench: 'inference',
        model: 'bench-cnn224',
        skipped: 'needs /usr/bin/python3 with torch',
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  preprocessing();
}
