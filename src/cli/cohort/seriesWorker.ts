// Worker-thread entry for `--jobs N` and `consilium worker`: computes one series per message.
import { installCodecThread } from '../io/codecThread.ts';
import { serve } from '../workerPool.ts';
import { runPooledSeriesTask } from './seriesTask.ts';

// This thread's WASM decoding goes to its own codec thread, under the same budget as main's.
installCodecThread();
serve(runPooledSeriesTask);
