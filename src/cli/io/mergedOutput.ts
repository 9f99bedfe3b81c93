// The merged records of a run (<dir>/<command>.jsonl), written line by line to a temporary file
// and renamed once the run completes: the file is there only for a whole run.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { partialPath } from './resultsDir.ts';

export class MergedOutput {
  private readonly partial: string;
  private readonly stream: WriteStream;

  constructor(private readonly path: string) {
    this.partial = partialPath(path);
    this.stream = createWriteStream(this.partial);
  }

  async line(text: string): Promise<void> {
    if (!this.stream.write(text + '\n')) await once(this.stream, 'drain');
  }

  async commit(): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.stream.end((e?: Error | null) => (e ? reject(e) : resolve())),
    );
    await rename(this.partial, this.path);
  }

  async discard(): Promise<void> {
    this.stream.destroy();
    await rm(this.partial, { force: true });
  }
}
