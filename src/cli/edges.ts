// `consilium edges`: Canny edges of one DICOM frame in modality values, written as a PNG mask.
// It prints one Result record: what was written, or the problem with the file.
import { writeFile } from 'node:fs/promises';
import { canny } from '../core/analysis/edges/canny.ts';
import { decodeFrame } from '../core/dicom/decode.ts';
import { DicomLoadError } from '../core/dicom/loadError.ts';
import { parseInstance } from '../core/dicom/parse.ts';
import { ok, ProblemError } from '../core/result.ts';
import { parseEdgesArgs, type EdgesArgs } from './edgesArgs.ts';
import { parseOrUsage } from './io/commandArgs.ts';
import { problemAbout, writeRecord } from './io/records.ts';
import { walkInputs, type InputFile } from './io/walkInputs.ts';
import { encodeGreyPng } from './pngWrite.ts';

const usage = `Usage: consilium edges <file> --out edges.png [--sigma S] [--low L --high H]
  [--low-pct P --high-pct P] [--window min,max] [--frame N] [--magnitude magnitude.png]
  Thresholds are gradient magnitudes (Sobel scale, modality units) or, with -pct, percentiles
  of the gradient; the default is --low-pct 80 --high-pct 95 with --sigma 1.4.
  The file may be a zip holding one DICOM file.
`;

/** The one input file: a DICOM file, or a zip (or folder) that holds exactly one file. */
async function theInput(path: string): Promise<InputFile> {
  const inputs = walkInputs([path]);
  const first = await inputs.next();
  if (first.done) throw new ProblemError('no-image', 'there is no file to read', { file: path });
  if (!first.value.ok)
    throw new ProblemError(
      first.value.error.code,
      first.value.error.reason,
      first.value.error.params,
    );
  if (!(await inputs.next()).done)
    throw new ProblemError('several-images', 'edges take one image; this holds several files', {
      file: path,
    });
  return first.value.value;
}

async function edges(args: EdgesArgs) {
  const { file, bytes } = await theInput(args.file);
  const parsed = parseInstance(bytes, file);
  if (!parsed.ok) throw new DicomLoadError(parsed.error.code, file, parsed.error.reason);
  const frame = await decodeFrame(bytes, parsed.meta, args.frame - 1);
  if (frame.samplesPerPixel !== 1)
    throw new ProblemError('colour-image', 'edges need a grey image, this one is colour', {
      file,
    });
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
  return {
    file,
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
}

export async function edgesCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parseEdgesArgs);
  if ('exit' in args) return args.exit;
  try {
    writeRecord(ok(await edges(args)));
    return 0;
  } catch (e) {
    writeRecord({ ok: false, error: problemAbout(e, 'edges-failed', args.file) });
    return 1;
  }
}
