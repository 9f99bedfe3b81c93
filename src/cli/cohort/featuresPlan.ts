// What `consilium features` computes, decided before any series is: the records that lead the
// output (files that could not be read, masks that could not be used) and the image series in
// input order. Shared by the single-machine run and `cohort submit`, so both give the same output.
import { resolve, sep } from 'node:path';
import type { FeaturesArgs } from '../featuresArgs.ts';
import {
  featuresSettings,
  masksFor,
  type FeaturesRecord,
  type FeaturesSettings,
} from '../featuresTask.ts';
import { problemAbout } from '../io/records.ts';
import { indexSeries, type SeriesRef } from '../io/seriesIndex.ts';

export interface FeaturesPlan {
  readonly settings: FeaturesSettings;
  readonly leading: FeaturesRecord[];
  readonly series: SeriesRef[];
  /** Every image series' UID when there are masks (an RTSTRUCT naming some applies to those). */
  readonly imageUids: string[];
}

/** True when `file` is one of `paths` or lies in one of them (a folder). */
function within(file: string, paths: readonly string[]): boolean {
  const f = resolve(file);
  return paths.some((p) => {
    const r = resolve(p);
    return f === r || f.startsWith(r + sep);
  });
}

export async function planFeatures(args: FeaturesArgs): Promise<FeaturesPlan> {
  const masks = await masksFor(args.maskPaths);
  // Files given as masks (e.g. the RTSTRUCT of a study folder given as input) are not images.
  const skip = args.maskPaths.length > 0 ? (f: string) => within(f, args.maskPaths) : undefined;
  const index = await indexSeries(args.paths, { nifti: true, ...(skip ? { skip } : {}) });
  const leading: FeaturesRecord[] = [...index.problems, ...masks.errors].map((error) => ({
    ok: false,
    error: problemAbout(error, 'read-failed', String(error.params.file ?? '')),
  }));
  const maskUids = new Set(masks.series.map((m) => m.seriesInstanceUID));
  const series = index.series.filter((s) => !maskUids.has(s.uid));
  const imageUids = args.maskPaths.length > 0 ? series.map((s) => s.uid) : [];
  return { settings: featuresSettings(args), leading, series, imageUids };
}
