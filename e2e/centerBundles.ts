// Unsigned bundles of synthetic whole-image features, one per center, for the Study view and
// federation specs: labels alternate benign/malignant, case keys are unique across centers, and
// each value is drawn by the spec's own formula from one seeded normal draw.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paramsHash } from '../src/core/bundle/paramsHash.ts';
import type { FeatureResult, JsonValue } from '../src/core/bundle/types.ts';
import { writeBundle } from '../src/core/bundle/writeBundle.ts';
import { seededRandom } from '../src/core/models/classifiers/random.ts';

export interface SyntheticCenter {
  readonly name: string;
  readonly cases: number;
}

export interface CenterBundleSpec<C extends SyntheticCenter> {
  readonly dir: string;
  readonly seed: number;
  readonly params: Record<string, JsonValue>;
  readonly centers: readonly C[];
  /** Feature names; feature g gets the code F00g unless `codes` gives real IBSI codes. */
  readonly names: readonly string[];
  readonly codes?: readonly string[];
  /** Case i's value of feature g at center c, given one standard normal draw. */
  readonly value: (c: C, i: number, g: number, normal: number) => number;
}

/** Writes <dir>/<center>.zip for each center: the paths and the bytes, in center order. */
export async function writeCenterBundles<C extends SyntheticCenter>(spec: CenterBundleSpec<C>) {
  const random = seededRandom(spec.seed);
  const normal = () => {
    const u = 1 - random.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
  };
  const hash = await paramsHash(spec.params);
  const files: string[] = [];
  const bytesOf: Uint8Array[] = [];
  for (const [k, c] of spec.centers.entries()) {
    const features: FeatureResult[] = Array.from({ length: c.cases }, (_, i) => ({
      caseKey: (k * 1000 + i).toString(16).padStart(32, '0'),
      roi: 'whole-image',
      params: spec.params,
      paramsHash: hash,
      label: i % 2 ? 'malignant' : 'benign',
      features: spec.names.map((name, g) => ({
        name,
        code: spec.codes?.[g] ?? `F00${g}`,
        value: spec.value(c, i, g, normal()),
      })),
    }));
    const bytes = await writeBundle({
      center: c.name,
      software: { name: 'consilium', version: 'test' },
      results: { features, predictions: [], edges: [] },
    });
    const path = join(spec.dir, `${c.name}.zip`);
    writeFileSync(path, bytes);
    files.push(path);
    bytesOf.push(bytes);
  }
  return { files, bytesOf };
}
