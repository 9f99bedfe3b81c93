import { describe, expect, it } from 'vitest';
import type { TagRow } from '../../core/dicom/dumpTags.ts';
import { filterTags } from './filterTags.ts';

const rows: TagRow[] = [
  { tag: '(0028,0010)', vr: 'US', name: 'Rows', value: '512', depth: 0 },
  { tag: '(0028,1052)', vr: 'DS', name: 'Rescale Intercept', value: '-1024', depth: 0 },
  { tag: '(0010,0010)', vr: 'PN', name: "Patient's Name", value: 'Demo^Phantom', depth: 0 },
];

describe('tag search', () => {
  it('finds a tag by name, number in any spelling, or value', () => {
    expect(filterTags(rows, 'rescale').map((r) => r.name)).toEqual(['Rescale Intercept']);
    expect(filterTags(rows, '(0028,0010)').map((r) => r.name)).toEqual(['Rows']);
    expect(filterTags(rows, '00280010').map((r) => r.name)).toEqual(['Rows']);
    expect(filterTags(rows, 'phantom').map((r) => r.name)).toEqual(["Patient's Name"]);
  });

  it('needs every word, and keeps all rows for an empty query', () => {
    expect(filterTags(rows, 'ds -1024')).toHaveLength(1);
    expect(filterTags(rows, 'ds 512')).toHaveLength(0);
    expect(filterTags(rows, '  ')).toHaveLength(3);
  });
});
