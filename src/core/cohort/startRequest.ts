// What the Cohort tab sends to start a run (POST /api/cohorts) and `consilium serve` checks: a
// folder's name, a command, and the command's options under the CLI's own flag names, as the
// CLI takes them (strings; --filter repeatable), so the server validates them with the CLI's
// parsers and the page needs no rules of its own.

export const startCommands = ['features', 'infer', 'analyze'] as const;
export type StartCommand = (typeof startCommands)[number];

export interface StartOptions {
  /** --families: comma-separated family ids; absent: every family. */
  readonly families?: string;
  readonly 'bin-width'?: string;
  readonly 'bin-count'?: string;
  /** --filter, once per IBSI 2 filter spec (e.g. log:sigma=3,boundary=mirror). */
  readonly filter?: readonly string[];
  /** A model's name from the server's list (ModelChoice), never a path; absent: the default. */
  readonly model?: string;
}

export type StartOptionName = keyof StartOptions;

/** The options each command takes here (analyze computes every family, as on the CLI). */
export const optionsOf: Readonly<Record<StartCommand, readonly StartOptionName[]>> = {
  features: ['families', 'bin-width', 'bin-count', 'filter'],
  analyze: ['model', 'bin-width', 'bin-count', 'filter'],
  infer: ['model'],
};

/** A model `consilium serve` offers for infer and analyze runs: the shipped default, or one of
 * its --models folder, known to the page by name only. */
export interface ModelChoice {
  readonly name: string;
  /** From its card. */
  readonly version: string;
  readonly description: string;
  /** The shipped model: what a run without `model` uses. */
  readonly default: boolean;
}

export interface StartRequest {
  readonly input: string;
  readonly command: StartCommand;
  readonly options?: StartOptions;
}
