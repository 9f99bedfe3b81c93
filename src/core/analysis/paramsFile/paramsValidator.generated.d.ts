// Types for the ahead-of-time compiled Ajv validator beside this file.
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: { readonly [name: string]: unknown };
  message?: string;
  /** With verbose: the value and the schema it failed. */
  data?: unknown;
  parentSchema?: { properties?: { readonly [key: string]: unknown } };
}
export declare const validate: ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
export default validate;
