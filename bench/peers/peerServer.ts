// The OpenCV / scikit-image peers as a timing server (analysis_peers.py): the bench asks it to
// run one kernel a few times at a time, so the peer's runs interleave with ours on a machine
// whose speed drifts.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { quantise, type BenchImage } from '../analysisImages.ts';

const here = dirname(fileURLToPath(import.meta.url));
const python = '/usr/bin/python3';

export type PeerKernel = 'gaussian-5x5' | 'sobel-magnitude' | 'canny' | 'glcm-32';

export interface Peer {
  /** OpenCV's thread count when left alone. */
  defaultThreads: number;
  /** cv2.Canny's edge pixels with the bench's thresholds, to check both sides agree. */
  edgePixels: number;
  /** scikit-image's mean GLCM contrast over the four directions. */
  contrastMean: number;
  /** Runs the kernel repeat times in the peer; the last run's time in ms, measured there. */
  time(kernel: PeerKernel, threads: number, repeat: number): Promise<number>;
  close(): void;
}

/** The running peer for img, or why it could not start. */
export async function startPeer(
  img: BenchImage,
  dir: string,
  cannyLow: number,
  cannyHigh: number,
): Promise<Peer | string> {
  const raw = join(dir, `${img.width}.raw`);
  writeFileSync(raw, new Uint8Array(img.raw.buffer));
  // 0-based levels, so scikit-image counts exactly the matrix we count.
  writeFileSync(
    `${raw}.levels`,
    Uint8Array.from(quantise(img.values, 32), (g) => g - 1),
  );
  const args = [
    join(here, 'analysis_peers.py'),
    raw,
    img.dtype,
    `${img.width}`,
    `${img.height}`,
    `${cannyLow}`,
    `${cannyHigh}`,
  ];
  const child = spawn(python, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    const r = await lines.next();
    return r.done ? null : (r.value as string);
  };
  const failed = new Promise<null>((resolve) => child.on('error', () => resolve(null)));
  const first = await Promise.race([next(), failed]);
  const facts = first ? (JSON.parse(first) as Record<string, unknown>) : null;
  if (!facts?.ready) {
    child.kill();
    const why = facts?.skipped ?? (stderr.trim().split('\n').pop() || 'no output');
    return `${python} ${join('bench', 'peers', 'analysis_peers.py')}: ${String(why)}`;
  }
  return {
    defaultThreads: Number(facts.default_threads),
    edgePixels: Number(facts.edge_pixels),
    contrastMean: Number(facts.contrast_mean),
    async time(kernel, threads, repeat) {
      child.stdin.write(`${kernel} ${threads} ${repeat}\n`);
      const line = await next();
      if (line === null) throw new Error(`peer exited: ${stderr.trim()}`);
      return Number(line);
    },
    close() {
      child.stdin.end('\n');
    },
  };
}
