// Work that may be asked for many times a frame (a store update, a progress bar) done once.
/** Calls `fn` once on the next animation frame (or after 100 ms where frames do not run). */
export function oncePerFrame(fn: () => void): () => void {
  let pending = false;
  const run = () => {
    if (!pending) return;
    pending = false;
    fn();
  };
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(run);
    setTimeout(run, 100);
  };
}
