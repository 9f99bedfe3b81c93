// Pixel bytes crossing between the page and its workers, counted in the page by an init script.
import type { Page } from 'playwright-core';

// Plain script text (not a function) so the bundler adds no helpers the page lacks. Posted:
// buffers cloned into a worker's message (neither transferred nor shared). Received: plain
// buffers arriving from workers (transferred or cloned; SharedArrayBuffers not counted).
export const countClones = `
  window.__pixels = { cloned: 0, posted: 0, received: 0 };
  const plainBytes = (message, moved) => {
    let bytes = 0;
    const seen = new Set();
    const stack = [message];
    while (stack.length) {
      const v = stack.pop();
      if (!v || typeof v !== 'object' || seen.has(v)) continue;
      seen.add(v);
      const buffer = ArrayBuffer.isView(v) ? v.buffer : v instanceof ArrayBuffer ? v : null;
      if (buffer) {
        if (buffer instanceof ArrayBuffer && !moved.has(buffer) && !seen.has(buffer))
          bytes += buffer.byteLength;
        seen.add(buffer);
        continue;
      }
      if (v instanceof Blob) continue;
      for (const k of Object.keys(v)) stack.push(v[k]);
    }
    return bytes;
  };
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, transfer) {
    const moved = new Set(Array.isArray(transfer) ? transfer : (transfer && transfer.transfer) || []);
    window.__pixels.cloned += plainBytes(message, moved);
    window.__pixels.posted++;
    return post.call(this, message, transfer);
  };
  const listen = Worker.prototype.addEventListener;
  const unlisten = Worker.prototype.removeEventListener;
  const wrapped = new WeakMap();
  Worker.prototype.addEventListener = function (type, listener, options) {
    if (type !== 'message' || !listener) return listen.call(this, type, listener, options);
    if (!wrapped.has(listener))
      wrapped.set(listener, (e) => {
        window.__pixels.received += plainBytes(e.data, new Set());
        return typeof listener === 'function' ? listener.call(this, e) : listener.handleEvent(e);
      });
    return listen.call(this, type, wrapped.get(listener), options);
  };
  Worker.prototype.removeEventListener = function (type, listener, options) {
    const counted = (listener && wrapped.get(listener)) || listener;
    return unlisten.call(this, type, counted, options);
  };
`;

export interface Pixels {
  cloned: number;
  posted: number;
  received: number;
}

/** The counts since the last call. */
export async function pixelsMoved(page: Page): Promise<Pixels> {
  return page.evaluate(() => {
    const w = window as unknown as { __pixels: Pixels };
    const counts = w.__pixels;
    w.__pixels = { cloned: 0, posted: 0, received: 0 };
    return counts;
  });
}
