// The WebAssembly run count on the IBSI digital phantom, against the plain TypeScript walk.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discretise, intensityMaskOf } from '../../discretise';
import { phantomVolume, type PhantomJson } from '../../ibsiPhantom';
import { directions2d, directions3d } from '../directions';
import { glrlmMatricesReference } from '../glrlm';
import { runMatricesWasm } from './runsWasm';

const phantom = phantomVolume(
  JSON.parse(readFileSync('../shared/data/ibsi/phantom.json', 'utf8')) as PhantomJson,
);

describe('GLRLM of the IBSI phantom in WebAssembly', () => {
  it('equals the plain TypeScript runs in 3D and in every slice', () => {
    const levels = discretise(phantom, intensityMaskOf(phantom), { kind: 'none' });
    const wasm = runMatricesWasm(levels, directions3d, -1);
    expect(wasm).not.toBeNull();
    expect(wasm).toEqual(glrlmMatricesReference(levels, directions3d, -1));
    for (let z = 0; z < levels.dims[2]; z++)
      expect(runMatricesWasm(levels, directions2d, z)).toEqual(
        glrlmMatricesReference(levels, directions2d, z),
      );
  });
});
