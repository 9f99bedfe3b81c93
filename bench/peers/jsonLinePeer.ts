// A Python peer as a timing server that answers each request line with one JSON line (the
// scipy resampling and scikit-learn training peers). Its first line says it is ready, or
// {"skipped": why} where a package is missing.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface JsonLinePeer {
  ask(line: string): Promise<Record<string, unknown>>;
  close(): void;
}

/** The running peer, or why it cannot run. */
export async function startJsonLinePeer(
  script: string,
  args: readonly string[],
  name: string,
): Promise<JsonLinePeer | string> {
  const child = spawn(process.env.PYTHON ?? '/usr/bin/python3', [script, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const failed = new Promise<string>((resolve) =>
    child.on('error', (e) => resolve(`python3 did not start: ${e.message}`)),
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`the ${name} peer stopped`);
    return JSON.parse(value as string) as Record<string, unknown>;
  };
  const first = await Promise.race([next(), failed]);
  if (typeof first === 'string') return first;
  if ('skipped' in first) return String(first.skipped);
  return {
    ask: async (line) => {
      child.stdin.write(line + '\n');
      return next();
    },
    close: () => child.stdin.end('\n'),
  };
}
