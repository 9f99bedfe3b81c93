// One DICOM series read into its analysis volume as it decodes: each file is read, parsed and
// decoded in turn, each frame written straight into the volume (int16 for a CT, promoted where a
// later slice needs more: core/volume/voxelStack.ts) and let go with its file's bytes. Files come
// in the order the walk met them, so slices are written in that order and put in display order
// once every header is known (in place, one slice of scratch). Peak: the volume, one file and
// one frame, where decoding every frame first held the series as float32 and all its files.
import { greyPixels } from '../core/analysis/luminance.ts';
import type { ImageVolume, VoxelValues } from '../core/analysis/volume.ts';
import { sliceSizeError, spacingOf } from '../core/analysis/volumeFromFrames.ts';
import { orderInstances } from '../core/dicom/studyIndex.ts';
import type { InstanceMeta, LoadError } from '../core/dicom/types.ts';
import { VoxelStack } from '../core/volume/voxelStack.ts';
import { eachFrame, parseInput, type SeriesGrid } from './analysisInput.ts';
import { readSources, type InputFile } from './io/walkInputs.ts';
import type { SeriesRef } from './io/seriesIndex.ts';

/** A series ready for features: its grid, and its volume (or why it cannot be stacked: slices
 * of different sizes, thrown as core's shape-mismatch error). */
export interface StackedSeries extends SeriesGrid {
  volume: () => ImageVolume<VoxelValues>;
}

/** A series' files, read one at a time (a zip's members together, as its archive opens once). */
async function* seriesFiles(ref: SeriesRef): AsyncGenerator<InputFile> {
  let members: Uint8Array[] | null = null;
  let nextMember = 0;
  for (const { file, source, bytes } of ref.files) {
    if (!source) {
      yield { file, bytes: bytes! };
    } else if (source.member === undefined) {
      yield { file, bytes: (await readSources([source]))[0] };
    } else {
      members ??= await readSources(
        ref.files.flatMap((f) => (f.source?.member !== undefined ? [f.source] : [])),
      );
      const at = nextMember++;
      const member = members[at];
      members[at] = new Uint8Array(0); // let go once decoded
      yield { file, bytes: member };
    }
  }
}

type Size = { columns: number; rows: number };

/**
 * Reads, decodes and stacks one indexed DICOM series; `errors` gets each file's load errors
 * (with the file they came from) in the order the files were met. Null when no frame decoded.
 */
export async function stackSeries(
  ref: SeriesRef,
  errors: { file: string; error: LoadError }[],
): Promise<StackedSeries | null> {
  const instances: InstanceMeta[] = [];
  // Slots in the order frames were decoded: each instance's slots, and each slot's size.
  const slotsOf = new Map<InstanceMeta, number[]>();
  const sizes: Size[] = [];
  // No stack once slices of more than one size come: then only the error about them is left.
  const built: { stack: VoxelStack | null; mixed: boolean } = { stack: null, mixed: false };
  const stackFile = async (input: InputFile, fileErrors: LoadError[]): Promise<void> => {
    const meta = parseInput(input, fileErrors);
    if (!meta) return;
    instances.push(meta);
    const slots: number[] = [];
    slotsOf.set(meta, slots);
    await eachFrame(input, meta, fileErrors, (frame) => {
      const grey = greyPixels(frame);
      const slot = sizes.length;
      slots.push(slot);
      sizes.push({ columns: grey.columns, rows: grey.rows });
      if (built.mixed) return;
      const first = sizes[0];
      if (grey.columns !== first.columns || grey.rows !== first.rows) {
        built.mixed = true;
        built.stack = null;
        return;
      }
      // Shared: the threads of --jobs read the volume as it is (cli/familyThreads.ts).
      const slices = ref.files.length * meta.frames;
      built.stack ??= new VoxelStack(first.columns * first.rows, slices, true);
      built.stack.put(slot, grey.values, frame.samplesPerPixel !== 1);
    });
  };
  for await (const input of seriesFiles(ref)) {
    const fileErrors: LoadError[] = [];
    await stackFile(input, fileErrors);
    for (const error of fileErrors) errors.push({ file: input.file, error });
  }
  const metas: InstanceMeta[] = [];
  const from: number[] = [];
  for (const meta of orderInstances(instances))
    for (const slot of slotsOf.get(meta) ?? []) {
      metas.push(meta);
      from.push(slot);
    }
  if (metas.length === 0) return null;
  const first = sizes[from[0]];
  return {
    seriesInstanceUID: ref.uid,
    modality: metas[0].modality,
    metas,
    ...first,
    volume: () => {
      const { stack } = built;
      if (!stack) {
        // As volumeFromFrames says it: the first slice, in display order, of another size.
        const z = from.findIndex(
          (s) => sizes[s].columns !== first.columns || sizes[s].rows !== first.rows,
        );
        throw sliceSizeError(metas, z, sizes[from[z]], first);
      }
      stack.reorder(from);
      from.forEach((_, z) => (from[z] = z)); // in order now: a second call changes nothing
      return {
        values: stack.values(),
        dims: [first.columns, first.rows, metas.length],
        spacingMm: spacingOf(metas),
      };
    },
  };
}
