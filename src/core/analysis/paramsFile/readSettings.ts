// Settings file text (JSON or YAML, Consilium's own or a PyRadiomics parameter file) to the
// settings of a feature run, or one error naming every wrong key in plain words.
import { parse } from 'yaml';
import { fail, ok, type Result } from '../../result.ts';
import { validate } from './paramsValidator.generated.js';
import { isPyRadiomics, pyRadiomicsSettings } from './pyradiomics.ts';
import { schemaProblems, type SettingsProblem } from './schemaProblems.ts';
import { settingsOfFile, type FeatureSettings, type SettingsFile } from './settings.ts';

export interface ReadSettings {
  settings: FeatureSettings;
  /** The file as Consilium writes it (a PyRadiomics file translated). */
  file: SettingsFile;
  from: 'consilium' | 'pyradiomics';
}

/** Checks the schema cannot express: bounds in order, per slice only with in-plane resampling. */
function crossKeyProblems(file: SettingsFile): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  const r = file.resegment;
  if (r && r[0] !== null && r[1] !== null && r[0] > r[1])
    out.push({
      key: 'resegment',
      code: 'out-of-range',
      reason: `needs min not above max (got [${r[0]}, ${r[1]}])`,
    });
  if (r && r[0] === null && r[1] === null)
    out.push({ key: 'resegment', code: 'out-of-range', reason: 'needs at least one bound' });
  if (file.perSlice && file.resample?.spacingMm.length === 3)
    out.push({
      key: 'perSlice',
      code: 'conflict',
      reason: 'computes each slice alone; resample within slices (resample.spacingMm: [x, y])',
    });
  const twice = file.families?.find((f, i) => file.families?.indexOf(f) !== i);
  if (twice) out.push({ key: 'families', code: 'duplicate', reason: `lists ${twice} twice` });
  return out;
}

/** The problems as one Problem: each key on its own line, code and words. */
export function settingsFailure<T>(name: string, problems: readonly SettingsProblem[]) {
  const n = problems.length;
  const lines = problems.map((p) => `  ${p.key || '(the file)'}: ${p.reason} [${p.code}]`);
  return fail<T>(
    'bad-settings',
    `${name}: ${n === 1 ? 'one setting is' : `${n} settings are`} wrong:\n${lines.join('\n')}`,
    { file: name, keys: problems.map((p) => p.key).join(', ') },
  );
}

/** A parsed object (Consilium's keys or PyRadiomics') as validated settings. */
export function settingsOfObject(data: unknown, name = 'settings'): Result<ReadSettings> {
  const value = data ?? {}; // an empty file is the defaults
  let from: ReadSettings['from'] = 'consilium';
  let candidate = value;
  if (isPyRadiomics(value)) {
    const translated = pyRadiomicsSettings(value);
    if (translated.problems.length > 0) return settingsFailure(name, translated.problems);
    from = 'pyradiomics';
    candidate = translated.file;
  }
  if (!validate(candidate)) return settingsFailure(name, schemaProblems(validate.errors ?? []));
  const file = candidate as SettingsFile;
  const problems = crossKeyProblems(file);
  if (problems.length > 0) return settingsFailure(name, problems);
  return ok({ settings: settingsOfFile(file), file, from });
}

/** Text of a .json, .yaml or .yml file (JSON is read as the YAML it also is). */
export function readSettings(text: string, name = 'settings'): Result<ReadSettings> {
  let data: unknown;
  try {
    data = parse(text, { uniqueKeys: true, prettyErrors: true });
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return fail('settings-syntax', `${name} is not readable as YAML or JSON: ${why}`, {
      file: name,
    });
  }
  return settingsOfObject(data, name);
}
