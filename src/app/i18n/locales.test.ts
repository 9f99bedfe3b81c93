import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every namespace exists in both languages with the same keys, no empty strings and the same
// {{placeholders}}: a string missing in Chinese would silently show English.
const root = join(import.meta.dirname, 'locales');
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const read = (lng: string, file: string) =>
  flatten(JSON.parse(readFileSync(join(root, lng, file), 'utf8')) as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const files = readdirSync(join(root, 'en')).filter((f) => f.endsWith('.json'));

  it('has the same namespaces in English and Chinese', () => {
    expect(readdirSync(join(root, 'zh-CN')).sort()).toEqual(files.sort());
  });

  for (const file of files) {
    it(`${file}: same keys, no empty strings, same placeholders`, () => {
      const en = read('en', file);
      const zh = read('zh-CN', file);
      expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, text] of en) {
        expect(text.trim(), `en ${key}`).not.toBe('');
        expect(zh.get(key)!.trim(), `zh-CN ${key}`).not.toBe('');
        // "{{reason}}" in English is core's own English words for a Problem (they name the very
        // file, size and limit); the Chinese must then be real words, not the same English.
        if (text === '{{reason}}') expect(zh.get(key), key).not.toMatch(/\{\{\s*reason/);
        else expect(placeholders(zh.get(key)!), key).toEqual(placeholders(text));
      }
    });
  }
});

describe('format', async () => {
  const { formatDicomDate } = await import('./format.ts');
  it('shows DICOM dates as dates in the locale', () => {
    expect(formatDicomDate('19941105', 'en')).toBe('Nov 5, 1994');
    expect(formatDicomDate('1994.11.05', 'zh-CN')).toBe('1994年11月5日');
    expect(formatDicomDate('garbage', 'en')).toBe('garbage');
  });
});
