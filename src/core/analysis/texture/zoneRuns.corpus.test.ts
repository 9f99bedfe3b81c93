// The run-based zone labelling against the voxel-by-voxel reference on the IBSI digital
// phantom: the same GLSZM and GLDZM matrices, in 3D and for every slice.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discretise } from '../discretise';
import { phantomVolume, type PhantomJson } from '../ibsiPhantom';
import { borderDistance } from './borderDistance';
import { gldzmMatrix } from './gldzm';
import { glszmMatrix } from './glszm';
import { labelZonesByVoxel } from './zoneRunsReference';

const phantom = phantomVolume(
  JSON.parse(readFileSync('../shared/data/ibsi/phantom.json', 'utf8')) as PhantomJson,
);

describe('run-based zones on the IBSI phantom', () => {
  it('give the GLSZM and GLDZM matrices of the voxel labelling, in 3D and per slice', () => {
    const v = discretise(phantom, phantom.mask, { kind: 'none' }, undefined);
    let zones = 0;
    for (let z = -1; z < v.dims[2]; z++) {
      const d = borderDistance(phantom.mask, v.dims, z);
      const reference = labelZonesByVoxel(v, z, d);
      zones += reference.count;
      expect(glszmMatrix(v, z)).toEqual(glszmMatrix(v, z, reference));
      expect(gldzmMatrix(v, phantom.mask, z)).toEqual(gldzmMatrix(v, phantom.mask, z, reference));
    }
    expect(zones).toBeGreaterThan(20);
  });
});
