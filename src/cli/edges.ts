// `consilium edges`: Canny edges of one DICOM frame in modality values, written as a PNG mask.
import { readFile, writeFile } from 'node:fs/promises';
import { canny, type CannyOptions } from '../core/analysis/edges/canny.ts';
import { decodeFrame } from '../core/dicom/decode.ts';
import { DicomLoadError } from '../core/dicom/loadError.ts';
import { parseInstance } from '../core/dicom/parse.ts';
import { ProblemError } from '../core/result.ts';
import { encodeGreyPng } from './pngWrite.ts';

const usage = `Usage: consilium edges <file> --out edges.png [--sigma S] [--low L --high H]
  [--low-pct P --high-pct P] [--window min,max] [--frame N] [--magnitude magnitude.png]
  Thresholds are gradient magnitudes (Sobel scale, modality units) or, with -pct, percentiles
  of the gradient; the default is --low-pct 80 --high-pct 95 with --sigma 1.4.
`;

interface EdgesArgs {
  file: string;
  out: string;
  magnitudeOut: string | null;
  frame: number;
  options: CannyOptions;
}

function parse(argv: readonly string[]): EdgesArgs {
  const files: string[] = [];
  let out = '';
  let magnitudeOut: string | null = null;
  let frame = 1;
  const options: CannyOptions = { sigma: 1.4, low: 80, high: 95, thresholds: 'percentile' };
  let absolute = 0;
  let percent = 0;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (!a.startsWith('--')) {
      files.push(a);
      continue;
    }
    const v = argv[++k];
    const n = Number(v);
    const needNumber = (): number => {
      if (v === undefined || !Number.isFinite(n)) throw new Error(`${a} needs a number.`);
      return n;
    };
    if (a === '--out') out = v ?? '';
    else if (a === '--magnitude') magnitudeOut = v ?? null;
    else if (a === '--sigma') options.sigma = needNumber();
    else if (a === '--frame') frame = needNumber();
    else if (a === '--low') {
      options.low = needNumber();
      absolute++;
    } else if (a === '--high') {
      options.high = needNumber();
      absolute++;
    } else if (a === '--low-pct') {
      options.low = needNumber();
      percent++;
    } else if (a === '--high-pct') {
      options.high = needNumber();
      percent++;
    } else if (a === '--window') {
      const parts = (v ?? '').split(',').map(Number);
      if (parts.length !== 2 || parts.some((p) => !Number.isFinite(p))) {
        throw new Error('--window needs min,max in modality units.');
      }
      options.window = [parts[0], parts[1]];
    } else throw new Error(`Unknown option ${a}.`);
  }
  if (files.length !== 1) throw new Error('Give exactly one DICOM file.');
  if (!out) throw new Error('Give --out <file.png>.');
  if (absolute > 0 && percent > 0) throw new Error('Use --low/--high or --low-pct/--high-pct.');
  if (absolute > 0) {
    if (absolute !== 2) throw new Error('Give both --low and --high.');
    options.thresholds = 'absolute';
  }
  if (!(options.low <= options.high))
    throw new Error('The low threshold must not exceed the high one.');
  return { file: files[0], out, magnitudeOut, frame, options };
}

export async function edgesCommand(argv: string[]): Promise<number> {
  let args: EdgesArgs;
  try {
    args = parse(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  try {
    const bytes = new Uint8Array(await readFile(args.file));
    const parsed = parseInstance(bytes, args.file);
    if (!parsed.ok)
      throw new DicomLoadError(parsed.error.code, parsed.error.file, parsed.error.reason);
    const frame = await decodeFrame(bytes, parsed.meta, args.frame - 1);
    if (frame.samplesPerPixel !== 1) {
      const reason = 'edges need a grey image, this one is colour';
      throw new ProblemError('colour-image', reason, { file: args.file });
    }
    const image = { values: frame.values, width: frame.columns, height: frame.rows };
    const result = canny(image, args.options);
    const mask = new Uint8Array(result.edges.length);
    let count = 0;
    for (let i = 0; i < mask.length; i++) {
      mask[i] = result.edges[i] * 255;
      count += result.edges[i];
    }
    await writeFile(args.out, encodeGreyPng(mask, image.width, image.height));
    if (args.magnitudeOut) {
      let max = 0;
      for (const m of result.magnitude) if (m > max) max = m;
      const grey = new Uint8Array(mask.length);
      for (let i = 0; i < grey.length; i++)
        grey[i] = max > 0 ? Math.round((255 * result.magnitude[i]) / max) : 0;
      await writeFile(args.magnitudeOut, encodeGreyPng(grey, image.width, image.height));
    }
    const report = {
      ok: true,
      file: args.file,
      width: image.width,
      height: image.height,
      edgePixels: count,
      sigma: args.options.sigma,
      thresholds: args.options.thresholds,
      low: result.lowUsed,
      high: result.highUsed,
      window: args.options.window ?? null,
      out: args.out,
    };
    process.stdout.write(JSON.stringify(report) + '\n');
    return 0;
  } catch (e) {
    const err = e as { code?: string; file?: string; reason?: string };
    const report = {
      ok: false,
      code: err.code ?? 'edges-failed',
      file: err.file ?? args.file,
      reason: err.reason ?? String(e),
    };
    process.stdout.write(JSON.stringify(report) + '\n');
    return 1;
  }
}
