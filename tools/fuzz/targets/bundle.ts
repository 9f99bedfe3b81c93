// The bundle verifier end to end: verifyBundle answers { ok: true } or { ok: false, error }
// and never throws, with or without trusted keys, and a bundle it accepts holds the members an
// independent zip reader extracts. Mutants are built at four levels: raw zip bytes, one
// member's bytes, manifest.json as JSON, and the CSVs as tables; the last three re-list the
// members' sizes and hashes and re-sign, so they get past the checksums into the readers.
import fc from 'fast-check';
import { canonicalJson } from '../../../src/core/crypto/canonicalJson';
import { sha256Hex } from '../../../src/core/crypto/sha256';
import { paramsHash } from '../../../src/core/bundle/paramsHash';
import { SIGNATURE_MEMBER, signManifest } from '../../../src/core/bundle/signature';
import type { JsonValue, Manifest } from '../../../src/core/bundle/types';
import { verifyBundle, type VerifyOptions } from '../../../src/core/bundle/verifyBundle';
import { MANIFEST_MEMBER } from '../../../src/core/bundle/writeBundle';
import { applyCsvEdits, csvEdit, type CsvEdit } from '../csvEdits';
import { zipFields } from '../fields';
import { fuzzKey } from '../fuzzKey';
import { differsFromIndependent } from '../independentZip';
import {
  applyJsonEdit,
  child,
  jsonEdit,
  toText,
  toTree,
  type JsonEdit,
  type JNode,
} from '../jsonEdits';
import { applyMutations, bytePlan, index, mutation, type BytePlan, type Mutation } from '../mutate';
import { bundleSeeds, membersOf, repack } from '../seeds/bundleSeeds';
import { uncaught, type Target, type Verdict } from '../target';

const MAX_BYTES = 4 * 1024 * 1024;

export type BundlePlan =
  | { readonly kind: 'zip'; readonly plan: BytePlan }
  | {
      readonly kind: 'member';
      readonly seed: number;
      readonly member: number;
      readonly mutations: readonly Mutation[];
      readonly resign: boolean;
    }
  | {
      readonly kind: 'manifest';
      readonly seed: number;
      readonly edits: readonly JsonEdit[];
      readonly rehash: boolean;
      readonly resign: boolean;
    }
  | {
      readonly kind: 'csv';
      readonly seed: number;
      readonly member: number;
      readonly edits: readonly CsvEdit[];
      readonly resign: boolean;
    };

const plan: fc.Arbitrary<BundlePlan> = fc.oneof(
  fc.record({ kind: fc.constant('zip' as const), plan: bytePlan }),
  fc.record({
    kind: fc.constant('member' as const),
    seed: index,
    member: index,
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
    resign: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('manifest' as const),
    seed: index,
    edits: fc.array(jsonEdit, { minLength: 1, maxLength: 3 }),
    rehash: fc.boolean(),
    resign: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('csv' as const),
    seed: index,
    member: index,
    edits: fc.array(csvEdit, { minLength: 1, maxLength: 4 }),
    resign: fc.boolean(),
  }),
);

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The manifest re-listing each member's size and hash, in the writer's own formatting. */
async function relist(files: Map<string, Uint8Array>): Promise<void> {
  const text = files.get(MANIFEST_MEMBER);
  if (!text) return;
  const manifest = JSON.parse(decoder.decode(text)) as Manifest;
  const members = [];
  for (const m of manifest.members) {
    const bytes = files.get(m.name);
    members.push(bytes ? { ...m, size: bytes.length, sha256: await sha256Hex(bytes) } : m);
  }
  files.set(MANIFEST_MEMBER, encoder.encode(canonicalJson({ ...manifest, members }, 2) + '\n'));
}

/** A signed seed is signed again over its edited manifest, so the signature still holds. */
async function resign(files: Map<string, Uint8Array>): Promise<void> {
  const manifest = files.get(MANIFEST_MEMBER);
  if (!manifest || !files.has(SIGNATURE_MEMBER)) return;
  const key = await fuzzKey();
  const signature = await signManifest(manifest, key.privateKey, key.publicKey);
  files.set(SIGNATURE_MEMBER, encoder.encode(canonicalJson(signature, 2) + '\n'));
}

/** Every result's paramsHash recomputed from its (edited) params, where they still parse. */
async function rehash(root: JNode): Promise<void> {
  const results = child(root, 'results');
  for (const list of [child(results, 'features'), child(results, 'edges')]) {
    if (list?.t !== 'arr') continue;
    for (const r of list.items) {
      const params = child(r, 'params');
      if (r.t !== 'obj' || !params) continue;
      try {
        const hash = await paramsHash(JSON.parse(toText(params)) as { [key: string]: JsonValue });
        const entry = r.entries.find(([k]) => k === 'paramsHash');
        if (entry) entry[1] = { t: 'raw', text: JSON.stringify(hash) };
      } catch {
        // params nested past what JSON.parse or canonical JSON take: leave the old hash.
      }
    }
  }
}

/** A member, CSV or manifest edit of a seed the writer could have made; undefined otherwise. */
async function buildStructured(
  p: Exclude<BundlePlan, { kind: 'zip' }>,
  seeds: readonly Uint8Array[],
): Promise<Uint8Array | undefined> {
  const files = membersOf(seeds[p.seed % seeds.length]);
  const names = [...files.keys()];
  const manifest = files.get(MANIFEST_MEMBER);
  if (p.kind === 'member') {
    const name = names[p.member % names.length];
    const bytes = files.get(name);
    if (!bytes) return undefined;
    files.set(
      name,
      applyMutations(bytes, p.mutations, [], () => [], MAX_BYTES),
    );
    if (name !== MANIFEST_MEMBER && name !== SIGNATURE_MEMBER) await relist(files);
  } else if (p.kind === 'csv') {
    const csvs = names.filter((n) => n.endsWith('.csv'));
    const name = csvs[p.member % csvs.length];
    const bytes = name === undefined ? undefined : files.get(name);
    if (!bytes) return undefined;
    files.set(name, encoder.encode(applyCsvEdits(decoder.decode(bytes), p.edits)));
    await relist(files);
  } else {
    if (!manifest) return undefined;
    let root = toTree(JSON.parse(decoder.decode(manifest)));
    for (const edit of p.edits) root = applyJsonEdit(root, edit);
    if (p.rehash) await rehash(root);
    files.set(MANIFEST_MEMBER, encoder.encode(toText(root)));
  }
  if (p.resign) await resign(files);
  return repack(files);
}

async function build(p: BundlePlan, seeds: readonly Uint8Array[]): Promise<Uint8Array> {
  if (p.kind === 'zip')
    return applyMutations(
      seeds[p.plan.seed % seeds.length],
      p.plan.mutations,
      seeds,
      zipFields,
      MAX_BYTES,
    );
  // Corpus seeds that are not zips the writer could make (the hostile ones) get byte edits.
  const structured = await buildStructured(p, seeds).catch(() => undefined);
  if (structured) return structured;
  const mutations = p.kind === 'member' ? p.mutations : [];
  return applyMutations(seeds[p.seed % seeds.length], mutations, seeds, zipFields, MAX_BYTES);
}

export async function checkBundle(bytes: Uint8Array): Promise<Verdict | undefined> {
  const key = await fuzzKey();
  const trusting: VerifyOptions[] = [{}, { trustedKeys: [key.fingerprint] }];
  for (const options of trusting) {
    let result;
    try {
      result = await verifyBundle(bytes, options);
    } catch (e) {
      return uncaught('verifyBundle', e);
    }
    if (!result.ok) {
      if (typeof result.error?.code !== 'string' || typeof result.error.reason !== 'string')
        return { kind: 'wrong-ok', message: 'verifyBundle failed without a code and a reason' };
      continue;
    }
    const differs = await differsFromIndependent(bytes, result.bundle.members, 'verifyBundle');
    if (differs) return { kind: 'differential', message: differs };
  }
  return undefined;
}

export const bundleTarget: Target<BundlePlan> = {
  name: 'bundle',
  ext: 'zip',
  plan,
  seedOf: (p) => (p.kind === 'zip' ? p.plan.seed : p.seed),
  seeds: bundleSeeds,
  build,
  check: checkBundle,
};
