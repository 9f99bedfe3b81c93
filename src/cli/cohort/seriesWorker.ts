// Worker-thread entry for `--jobs N` and `consilium worker`: computes one series per message.
import { serve } from '../workerPool.ts';
import { runPooledSeriesTask } from './seriesTask.ts';

serve(runPooledSeriesTask);
