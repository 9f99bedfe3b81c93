// Worker entry for `consilium features --jobs N`: computes one ROI per message.
import { runFeaturesTask } from './featuresTask.ts';
import { serve } from './workerPool.ts';

serve(runFeaturesTask);
