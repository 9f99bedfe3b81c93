import { describe, expect, it } from 'vitest';
import { blandAltman } from './blandAltman';
import { confusionMatrix } from './confusion';
import { delongInterval } from './delong';
import { icc } from './icc';
import { cohenKappa, kappaFromMatrix, percentAgreement, weightedKappa } from './kappa';
import { summarize } from './quantiles';
import { roc } from './roc';

function fromCounts(cells: [string, string, number][]): [string[], string[]] {
  const a: string[] = [];
  const b: string[] = [];
  for (const [x, y, c] of cells) {
    for (let i = 0; i < c; i++) {
      a.push(x);
      b.push(y);
    }
  }
  return [a, b];
}

// Hanley & McNeil (1982), Table 1: CT ratings 1..5 of 58 normal and 51 abnormal patients.
function hanleyMcNeil(): { scores: number[]; truth: boolean[] } {
  const scores: number[] = [];
  const truth: boolean[] = [];
  [33, 6, 6, 11, 2].forEach((c, r) =>
    Array.from({ length: c }, () => (scores.push(r + 1), truth.push(false))),
  );
  [3, 2, 2, 11, 33].forEach((c, r) =>
    Array.from({ length: c }, () => (scores.push(r + 1), truth.push(true))),
  );
  return { scores, truth };
}

describe('agreement statistics', () => {
  it("Cohen's kappa of the 50-item yes/no example (20, 5, 10, 15) is 0.4 with 70% agreement", () => {
    const [a, b] = fromCounts([
      ['yes', 'yes', 20],
      ['yes', 'no', 5],
      ['no', 'yes', 10],
      ['no', 'no', 15],
    ]);
    const m = confusionMatrix(a, b);
    expect(m.labels).toEqual(['no', 'yes']);
    expect(m.counts).toEqual([
      [15, 10],
      [5, 20],
    ]);
    expect(percentAgreement(m)).toBeCloseTo(0.7, 12);
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 12);
  });

  it('weighted kappa of a hand-computed 3x3 ordinal table: 53/85 plain, 83/115 linear, 143/175 quadratic', () => {
    const [a, b] = fromCounts([
      ['1', '1', 5],
      ['1', '2', 1],
      ['2', '1', 1],
      ['2', '2', 3],
      ['2', '3', 1],
      ['3', '2', 1],
      ['3', '3', 4],
    ]);
    const order = ['1', '2', '3'];
    expect(kappaFromMatrix(confusionMatrix(a, b, order))).toBeCloseTo(53 / 85, 12);
    expect(weightedKappa(a, b, order, 'linear')).toBeCloseTo(83 / 115, 12);
    expect(weightedKappa(a, b, order, 'quadratic')).toBeCloseTo(143 / 175, 12);
  });

  it('ICC of the Shrout & Fleiss (1979) 6 targets x 4 judges example: ICC(2,1) 0.29, ICC(3,1) 0.71', () => {
    const r = icc([
      [9, 2, 5, 8],
      [6, 1, 3, 2],
      [8, 4, 6, 8],
      [7, 1, 2, 6],
      [10, 5, 6, 9],
      [6, 2, 4, 7],
    ]);
    expect(r.bms).toBeCloseTo(11.2417, 4);
    expect(r.jms).toBeCloseTo(32.4861, 4);
    expect(r.ems).toBeCloseTo(1.0194, 4);
    expect(r.icc21).toBeCloseTo(0.28976, 5);
    expect(r.icc31).toBeCloseTo(0.71484, 5);
  });

  it('Bland-Altman bias and limits of agreement of a hand-computed pair of series', () => {
    const r = blandAltman([1, 2, 3, 4], [1.5, 2, 2.5, 5]);
    expect(r.bias).toBeCloseTo(-0.25, 12);
    expect(r.sd).toBeCloseTo(Math.sqrt(1.25 / 3), 12);
    expect(r.lower).toBeCloseTo(-0.25 - 1.96 * Math.sqrt(1.25 / 3), 12);
    expect(r.upper).toBeCloseTo(-0.25 + 1.96 * Math.sqrt(1.25 / 3), 12);
  });

  it('AUC of the Hanley & McNeil (1982) CT rating data is 0.893; DeLong 95% CI 0.833-0.953', () => {
    const { scores, truth } = hanleyMcNeil();
    const curve = roc(scores, truth);
    expect(curve.auc).toBeCloseTo(0.89317, 5);
    expect(curve.points).toHaveLength(6);
    expect(curve.points[5]).toEqual({ threshold: 1, fpr: 1, tpr: 1 });
    expect(curve.points[1]).toMatchObject({ threshold: 5, fpr: 2 / 58, tpr: 33 / 51 });
    const ci = delongInterval(scores, truth);
    expect(ci.auc).toBeCloseTo(curve.auc, 12);
    // Reference: DeLong structural components computed pair by pair (O(mn)) outside this code.
    expect(ci.se).toBeCloseTo(0.0307244, 6);
    expect(ci.lower).toBeCloseTo(0.832952, 5);
    expect(ci.upper).toBeCloseTo(0.95339, 5);
  });

  it('quartiles follow the type 7 definition', () => {
    expect(summarize([7, 1, 3, 5, 9])).toEqual({
      n: 5,
      min: 1,
      q1: 3,
      median: 5,
      q3: 7,
      max: 9,
      mean: 5,
    });
    expect(summarize([1, 2, 3, 4]).q1).toBeCloseTo(1.75, 12);
  });
});
