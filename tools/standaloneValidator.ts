// Compiles a JSON schema into a standalone Ajv validator module. Why: Ajv compiles schemas with
// `new Function`, which the app's Content-Security-Policy forbids (no 'unsafe-eval'), so the
// browser runs this precompiled code instead. Each schema passes its own Ajv options and header.
import { readFileSync } from 'node:fs';
import { Ajv, type Options } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { format, resolveConfig } from 'prettier';

export interface StandaloneValidator {
  schemaPath: string;
  /** The generated module; its Prettier config formats the output. */
  target: string;
  /** Lines placed above the code: who generated it, and lint/type opt-outs. */
  header: string;
  options: Omit<Options, 'code'>;
}

export async function standaloneValidatorSource(v: StandaloneValidator): Promise<string> {
  const schema = JSON.parse(readFileSync(v.schemaPath, 'utf8')) as object;
  const ajv = new Ajv({ ...v.options, code: { source: true, esm: true } });
  const source = v.header + standaloneCode(ajv, ajv.compile(schema));
  return format(source, { ...(await resolveConfig(v.target)), filepath: v.target });
}
