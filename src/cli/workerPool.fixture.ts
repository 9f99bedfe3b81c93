// Worker for workerPool.test.ts: doubles a number, throws on a negative one, exits on NaN.
import { serve } from './workerPool.ts';

export function double(n: number): number {
  if (Number.isNaN(n)) process.exit(3);
  if (n < 0) throw new Error(`negative ${n}`);
  return 2 * n;
}

serve(double);
