// Remaining time of a run from its pace so far: (elapsed / done) × remaining, once something is
// done; shown in whole seconds or minutes.

export function etaMs(done: number, total: number, elapsedMs: number): number | undefined {
  if (done <= 0 || done >= total || elapsedMs <= 0) return undefined;
  return (elapsedMs / done) * (total - done);
}

export function formatEta(ms: number | undefined): string {
  if (ms === undefined) return '';
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `about ${s} s left`;
  const m = Math.floor(s / 60);
  return `about ${m} min ${s % 60} s left`;
}
