// The codec thread's side (see codecThread.ts): decodes each frame it is sent with the WASM
// codec in this thread and sends the samples back (moved, not copied), or the Problem as data.
import { parentPort } from 'node:worker_threads';
import type { CodecFrame, CodecImageInfo } from '../../core/dicom/codecs/codecFrame.ts';
import type { WasmEncoding } from '../../core/dicom/codecs/codecRunner.ts';
import { decodeHere } from '../../core/dicom/codecs/decodeCompressed.ts';
import { DicomProblem } from '../../core/dicom/loadError.ts';
import type { LoadError } from '../../core/dicom/types.ts';

export interface CodecTask {
  encoding: WasmEncoding;
  frame: Uint8Array;
  info: CodecImageInfo;
}

export type CodecReply =
  | { ok: true; frame: CodecFrame }
  | { ok: false; problem?: Omit<LoadError, 'file'>; message: string };

const port = parentPort;
if (!port) throw new Error('codecThreadEntry.ts runs inside a worker thread.');

port.on('message', async ({ encoding, frame, info }: CodecTask) => {
  try {
    const decoded = await decodeHere(encoding, frame, info);
    const reply: CodecReply = { ok: true, frame: decoded };
    port.postMessage(reply, [decoded.samples.buffer as ArrayBuffer]);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const reply: CodecReply =
      e instanceof DicomProblem
        ? { ok: false, problem: { code: e.code, reason: e.reason, params: e.params }, message }
        : { ok: false, message };
    port.postMessage(reply);
  }
});
port.postMessage('ready');
