// Limited-memory BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking line search that
// asks for the Armijo and curvature (weak Wolfe) conditions. The objective writes its gradient
// into the array it is given, so an iteration allocates nothing.

/** The value at x, with its gradient written into `gradient`. */
export interface Objective {
  evaluate(x: Float64Array, gradient: Float64Array): number;
}

export interface LbfgsOptions {
  readonly memory?: number;
  readonly maxIterations?: number;
  /** Stop when the largest gradient component is below this. */
  readonly gradientTolerance?: number;
  /**
   * Also stop when a step lowers the value by at most this fraction of max(|f|, 1), as
   * scipy's L-BFGS-B does with its factr (sklearn's lbfgs solver leaves it at 1e7·ε ≈ 2.2e-9).
   * Absent: only a change at round-off level stops early.
   */
  readonly relativeDecrease?: number;
}

export interface LbfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

export function lbfgs(f: Objective, start: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const m = options.memory ?? 10;
  const maxIterations = options.maxIterations ?? 10000;
  const tol = options.gradientTolerance ?? 1e-10;
  const ftol = options.relativeDecrease;
  const n = start.length;
  const x = Float64Array.from(start);
  const g = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const d = new Float64Array(n);
  const s = Array.from({ length: m }, () => new Float64Array(n));
  const yv = Array.from({ length: m }, () => new Float64Array(n));
  const rho = new Float64Array(m);
  const alpha = new Float64Array(m);
  let value = f.evaluate(x, g);
  let stored = 0;
  let head = 0;
  // One exit after the loop: an early return a warm-up fit never took was a path V8's
  // optimized lbfgs had no feedback for, and leaving by it threw that code away for the next fit.
  let iterations = 0;
  let converged = false;
  let stopped = false; // by a rule below, not by running out of iterations
  for (; iterations < maxIterations; iterations++) {
    const it = iterations;
    if (maxAbs(g) <= tol) {
      converged = stopped = true;
      break;
    }
    // Two-loop recursion: d = -H g.
    for (let i = 0; i < n; i++) d[i] = -g[i];
    for (let k = 0; k < stored; k++) {
      const idx = (head - 1 - k + m) % m;
      alpha[idx] = rho[idx] * dot(s[idx], d);
      const y = yv[idx];
      for (let i = 0; i < n; i++) d[i] -= alpha[idx] * y[i];
    }
    if (stored > 0) {
      const last = (head - 1 + m) % m;
      const gamma = dot(s[last], yv[last]) / dot(yv[last], yv[last]);
      for (let i = 0; i < n; i++) d[i] *= gamma;
    } else {
      const scale = 1 / Math.max(1, Math.sqrt(dot(g, g)));
      for (let i = 0; i < n; i++) d[i] *= scale;
    }
    for (let k = stored - 1; k >= 0; k--) {
      const idx = (head - 1 - k + m) % m;
      const beta = rho[idx] * dot(yv[idx], d);
      const sv = s[idx];
      for (let i = 0; i < n; i++) d[i] += (alpha[idx] - beta) * sv[i];
    }
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction (lost curvature): restart from steepest descent.
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = dot(g, d);
      stored = 0;
    }
    // Bisection between a step too long (Armijo fails) and one too short (curvature fails).
    let step = 1;
    let low = 0;
    let high = Infinity;
    let valueNew = 0;
    let accepted = false;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      valueNew = f.evaluate(xNew, gNew);
      if (!(valueNew <= value + 1e-4 * step * slope)) high = step;
      else if (dot(gNew, d) < 0.9 * slope) low = step;
      else {
        accepted = true;
        break;
      }
      step = high === Infinity ? 2 * low : (low + high) / 2;
    }
    if (!accepted && valueNew < value) accepted = true; // progress, though not a Wolfe step
    if (!accepted) {
      converged = maxAbs(g) <= tol * 100;
      stopped = true;
      break;
    }
    const sNext = s[head];
    const yNext = yv[head];
    for (let i = 0; i < n; i++) {
      sNext[i] = xNew[i] - x[i];
      yNext[i] = gNew[i] - g[i];
    }
    const sy = dot(sNext, yNext);
    if (sy > 1e-300) {
      rho[head] = 1 / sy;
      head = (head + 1) % m;
      stored = Math.min(stored + 1, m);
    }
    const change = Math.abs(value - valueNew);
    const scale = Math.max(Math.abs(value), Math.abs(valueNew), 1);
    x.set(xNew);
    g.set(gNew);
    value = valueNew;
    if (
      (ftol !== undefined && change <= ftol * scale) ||
      (change <= 1e-16 * Math.max(1, Math.abs(value)) && maxAbs(g) <= tol * 1e3)
    ) {
      iterations = it + 1;
      converged = stopped = true;
      break;
    }
  }
  if (!stopped) converged = maxAbs(g) <= tol;
  return { x, value, iterations, converged };
}
