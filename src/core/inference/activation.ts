// Turns one image's raw model outputs into probabilities, as the card's activation says.
import type { Activation } from './modelCard.ts';

export function activate(raw: Float32Array, activation: Activation): Float32Array {
  const out = new Float32Array(raw.length);
  if (activation === 'softmax') {
    let max = -Infinity;
    for (const v of raw) if (v > max) max = v;
    let sum = 0;
    for (let i = 0; i < raw.length; i++) sum += out[i] = Math.exp(raw[i] - max);
    for (let i = 0; i < raw.length; i++) out[i] /= sum;
  } else if (activation === 'sigmoid') {
    for (let i = 0; i < raw.length; i++) out[i] = 1 / (1 + Math.exp(-raw[i]));
  } else {
    out.set(raw);
  }
  return out;
}
