import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCard, sha256Hex } from './card.ts';
import { InferenceFailure } from './errors.ts';

const shippedCard = JSON.parse(
  readFileSync(new URL('../../../public/models/pneumonia-cnn.card.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const featureCard = JSON.parse(
  readFileSync(new URL('./fixtures/texture-logreg.card.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

function failure(fn: () => unknown): InferenceFailure {
  try {
    fn();
  } catch (err) {
    if (err instanceof InferenceFailure) return err;
    throw err;
  }
  throw new Error('expected an InferenceFailure');
}

describe('parseCard', () => {
  it('accepts the shipped card and the feature-vector fixture', () => {
    expect(parseCard(shippedCard, 'card.json').name).toBe('pneumonia-cnn');
    expect(parseCard(featureCard, 'f.json').input.kind).toBe('features');
  });

  it('refuses a card that does not say it is not a diagnostic device', () => {
    const card = structuredClone(shippedCard) as { intendedUse: { summary: string } };
    card.intendedUse.summary = 'Detects pneumonia.';
    const err = failure(() => parseCard(card, 'bad.json'));
    expect(err.error.code).toBe('card-invalid');
    expect(err.error.file).toBe('bad.json');
    expect(err.error.reason).toContain('/intendedUse/summary');
  });

  it('refuses an image card without preprocessing, or with an unknown interpolation', () => {
    const card = structuredClone(shippedCard) as Record<string, unknown>;
    delete card.preprocessing;
    expect(failure(() => parseCard(card, 'c.json')).error.reason).toContain('preprocessing');
    const card2 = structuredClone(shippedCard) as {
      preprocessing: { resize: { interpolation: string } };
    };
    card2.preprocessing.resize.interpolation = 'lanczos';
    expect(failure(() => parseCard(card2, 'c.json')).error.reason).toContain(
      '/preprocessing/resize/interpolation',
    );
  });

  it('refuses a resize that disagrees with the input shape', () => {
    const card = structuredClone(shippedCard) as {
      preprocessing: { resize: { width: number } };
    };
    card.preprocessing.resize.width = 32;
    expect(failure(() => parseCard(card, 'c.json')).error.reason).toContain(
      'resize 32x28 differs from input 28x28',
    );
  });

  it('refuses a feature list whose length is not the input width', () => {
    const card = structuredClone(featureCard) as { input: { shape: [string, number] } };
    card.input.shape = ['N', 4];
    expect(failure(() => parseCard(card, 'f.json')).error.reason).toContain(
      '3 features listed for an input of width 4',
    );
  });
});

describe('sha256Hex', () => {
  it('hashes like every other SHA-256 ("abc")', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it("matches the shipped model's card", async () => {
    const bytes = readFileSync(
      new URL('../../../public/models/pneumonia-cnn.onnx', import.meta.url),
    );
    expect(await sha256Hex(bytes)).toBe((shippedCard.model as { sha256: string }).sha256);
  });
});
