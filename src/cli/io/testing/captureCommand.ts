// Runs a CLI command in this process for a test, with its stdout and stderr captured.
import { vi } from 'vitest';

export interface Captured {
  code: number;
  out: string;
  err: string;
}

export async function captureCommand(
  command: (argv: string[]) => Promise<number>,
  argv: string[],
): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((s) => (out.push(String(s)), true));
  const e = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((s) => (err.push(String(s)), true));
  try {
    return { code: await command(argv), out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
