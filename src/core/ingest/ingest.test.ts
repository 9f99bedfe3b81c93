import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { isZip, unzipMembers } from './zip.ts';
import { isIgnoredPath } from './ignoredPath.ts';
import { inBatches } from './batches.ts';
import { stackPositions } from './stack.ts';
import type { InstanceMeta, SeriesNode } from '../dicom/types.ts';

describe('zip archives', () => {
  const archive = zipSync({
    'study/a.dcm': new Uint8Array([1, 2, 3]),
    'study/sub/b.dcm': new Uint8Array([4]),
    '__MACOSX/study/._a.dcm': new Uint8Array([9]),
    'study/.DS_Store': new Uint8Array([9]),
  });

  it('are recognised by their signature', () => {
    expect(isZip(archive)).toBe(true);
    expect(isZip(new Uint8Array([0x44, 0x49, 0x43, 0x4d]))).toBe(false);
    expect(isZip(new Uint8Array([0x50]))).toBe(false);
  });

  it('yield their files under the archive name, without OS clutter', () => {
    const members = unzipMembers('cases.zip', archive);
    expect(members.map((m) => m.name).sort()).toEqual([
      'cases.zip/study/a.dcm',
      'cases.zip/study/sub/b.dcm',
    ]);
    expect(Array.from(members.find((m) => m.name.endsWith('a.dcm'))!.bytes)).toEqual([1, 2, 3]);
  });
});

describe('ingest helpers', () => {
  it('ignore OS files only', () => {
    expect(isIgnoredPath('x/.DS_Store')).toBe(true);
    expect(isIgnoredPath('x/._IM0001')).toBe(true);
    expect(isIgnoredPath('x/IM0001')).toBe(false);
    expect(isIgnoredPath('DICOMDIR')).toBe(false);
  });

  it('batch items in order', () => {
    expect(inBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inBatches([], 3)).toEqual([]);
  });

  it('make every frame of a multi-frame instance a stack position', () => {
    const inst = (file: string, frames: number) => ({ file, frames }) as InstanceMeta;
    const series = { instances: [inst('a', 1), inst('b', 3), inst('c', 0)] } as SeriesNode;
    const stack = stackPositions(series);
    expect(stack.map((p) => `${p.instance.file}#${p.frame}`)).toEqual([
      'a#0',
      'b#0',
      'b#1',
      'b#2',
      'c#0',
    ]);
  });
});
