// Types for the ahead-of-time compiled Ajv validator beside this file.
export interface SchemaError {
  instancePath: string;
  message?: string;
  keyword: string;
}
export declare const validate: ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
export default validate;
