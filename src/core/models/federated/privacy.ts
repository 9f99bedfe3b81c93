// Optional differential privacy for a logistic federation's rounds: each center clips its update
// (its parameters minus the coordinator's) to L2 norm `clip` and adds Gaussian noise before
// sending it, so what the coordinator sees of one round is (ε, δ)-differentially private for the
// center's whole contribution (any two updates in the clip ball differ by at most 2·clip), by
// the Gaussian mechanism: σ = 2·clip·√(2 ln(1.25/δ))/ε (Dwork & Roth 2014, Thm 3.22; stated for
// ε < 1, used beyond it as is common). R rounds compose to at most (R·ε, R·δ). The round-0 sums and
// the case counts are not covered; docs/federated.md says what is and is not protected.
import { ProblemError } from '../../result.ts';
import type { LinearParams, PrivacyTerms } from './update.ts';

export function checkPrivacy(p: PrivacyTerms): void {
  if (!(p.epsilon > 0) || !(p.delta > 0 && p.delta < 1) || !(p.clip > 0))
    throw new ProblemError(
      'federation-privacy',
      'Differential privacy needs ε above 0, δ between 0 and 1, and a clip norm above 0.',
      { epsilon: p.epsilon, delta: p.delta, clip: p.clip },
    );
}

/** The noise's standard deviation per parameter, per round. */
export function noiseSigma(p: PrivacyTerms): number {
  return (2 * p.clip * Math.sqrt(2 * Math.log(1.25 / p.delta))) / p.epsilon;
}

/** Standard normal draws from the platform's cryptographic generator: noise nobody can replay
 * (a seeded generator would let the coordinator subtract it). */
export function cryptoNormal(): () => number {
  const buffer = new Uint32Array(2);
  return () => {
    crypto.getRandomValues(buffer);
    const u = (buffer[0] + 1) / 4294967297; // in (0, 1)
    const v = buffer[1] / 4294967296;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/** The center's parameters as sent: global + clip(local − global) + noise. */
export function privatize(
  local: LinearParams,
  global: LinearParams,
  p: PrivacyTerms,
  normal: () => number,
): LinearParams {
  const d = [
    ...local.weights.map((w, j) => w - global.weights[j]),
    local.intercept - global.intercept,
  ];
  const norm = Math.sqrt(d.reduce((t, v) => t + v * v, 0));
  const scale = norm > p.clip ? p.clip / norm : 1;
  const sigma = noiseSigma(p);
  const sent = d.map((v) => v * scale + sigma * normal());
  return {
    weights: global.weights.map((w, j) => w + sent[j]),
    intercept: global.intercept + sent[d.length - 1],
  };
}
