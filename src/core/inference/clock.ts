// performance.now exists in browsers, workers and Node; core's lib (no DOM) does not declare it.
declare const performance: { now(): number };

export function nowMs(): number {
  return performance.now();
}
