// Work that may be asked for many times a frame (a store update, a progress bar) done once.
/**
 * Calls `fn` once on the next animation frame (or after 100 ms where frames do not run), and
 * with `minGapMs`, not sooner than that after its last run: a series arriving at 60 updates a
 * second cost the page a render each (about a second of its main thread for 200 slices), where
 * a few a second show the same progress.
 */
export function oncePerFrame(fn: () => void, minGapMs = 0): () => void {
  let pending = false;
  let last = -Infinity;
  const onFrame = () => {
    // Its own run, so the fallback timer of a request already served cannot serve the next.
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      pending = false;
      last = Date.now();
      fn();
    };
    requestAnimationFrame(run);
    setTimeout(run, 100);
  };
  return () => {
    if (pending) return;
    pending = true;
    const wait = last + minGapMs - Date.now();
    if (wait > 0) setTimeout(onFrame, wait);
    else onFrame();
  };
}
