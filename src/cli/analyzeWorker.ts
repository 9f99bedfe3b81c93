// Worker entry for `consilium analyze --jobs N`: computes one series per message.
import { runAnalyzeTask } from './analyzeTask.ts';
import { serve } from './workerPool.ts';

serve(runAnalyzeTask);
