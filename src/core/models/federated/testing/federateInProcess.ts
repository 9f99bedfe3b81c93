// The tests' reference federation: every party in one process, no files or signatures between
// them (round 0's scaler and curvature, then `rounds` FedAvg rounds), so a run through signed
// messages or the workbench can be compared with what the same steps give directly.
import {
  centerCurvature,
  centerRound,
  centerStats,
  coordinatorAverage,
  coordinatorStart,
  type CenterData,
  type FederationSettings,
} from '../federation.ts';
import type { ModelUpdate } from '../update.ts';

/** The coordinator's model after `rounds` rounds over the centers' data. */
export function federateInProcess(
  s: FederationSettings,
  data: readonly CenterData[],
  rounds: number,
): ModelUpdate {
  const scaler = coordinatorStart(
    s,
    data.map((d) => centerStats(s, d)),
  );
  let global = coordinatorStart(
    s,
    data.map((d) => centerCurvature(s, d, scaler)),
  );
  for (let r = 0; r < rounds; r++)
    global = coordinatorAverage(
      s,
      global,
      data.map((d) => centerRound(s, d, global)),
    );
  return global;
}
