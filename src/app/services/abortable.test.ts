import { describe, expect, it } from 'vitest';
import { abortable } from './abortable.ts';

describe('abortable calls', () => {
  it('resolve with the work when not aborted', async () => {
    let stopped = 0;
    const v = await abortable(new AbortController().signal, Promise.resolve(7), () => stopped++);
    expect(v).toBe(7);
    expect(stopped).toBe(0);
  });

  it('reject with AbortError and stop the worker when aborted mid-call', async () => {
    let stopped = 0;
    const ctl = new AbortController();
    const never = new Promise<number>(() => {});
    const call = abortable(ctl.signal, never, () => stopped++);
    ctl.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(stopped).toBe(1);
  });

  it('never start when the signal is already aborted', async () => {
    let stopped = 0;
    const ctl = new AbortController();
    ctl.abort();
    await expect(abortable(ctl.signal, Promise.resolve(1), () => stopped++)).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(stopped).toBe(1);
  });
});
