import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../core/result.ts';
import { problemText } from '../i18n/problemText.ts';
import type { OcclusionMap } from '../../core/inference/saliency.ts';
import type { StackPosition } from '../../core/ingest/stack.ts';
import { frameContext } from '../predictions/classify.ts';
import { loadFrame } from '../services/frames.ts';
import { inferenceWorker } from './PredictionsSession.tsx';

/**
 * Occlusion sensitivity of the classified image: where hiding the image lowers the score. The
 * worker still holds the classified input under the prediction's id; if it has dropped it, it
 * asks for the frame (from the frame cache, shared rather than copied) and prepares it again.
 */
export function PredictionsSaliency({
  predictionId,
  position,
}: {
  predictionId: string;
  position: StackPosition;
}) {
  const { t } = useTranslation('panels');
  const [progress, setProgress] = useState<[number, number] | null>(null);
  const [map, setMap] = useState<OcclusionMap | null>(null);
  const [error, setError] = useState<Problem | null>(null);

  const start = async () => {
    setMap(null);
    setError(null);
    setProgress([0, 1]);
    const onProgress = (done: number, total: number) => setProgress([done, total]);
    const frameOf = async () => ({
      frame: await loadFrame(position.instance, position.frame),
      ctx: frameContext(position.instance),
    });
    const r = await inferenceWorker.call(
      undefined,
      'saliency',
      predictionId,
      4,
      2,
      onProgress,
      frameOf,
    );
    setProgress(null);
    if (r.ok) setMap(r.value);
    else setError(r.error);
  };
  const cancel = () => void inferenceWorker.call(undefined, 'cancelSaliency');

  return (
    <div className="predictions-saliency">
      {progress ? (
        <>
          <progress max={progress[1]} value={progress[0]} aria-label={t('saliency.progress')} />
          <button type="button" onClick={cancel}>
            {t('cancel')}
          </button>
        </>
      ) : (
        <button type="button" onClick={start}>
          {t('saliency.start')}
        </button>
      )}
      {error && <p role="alert">{problemText(t, error)}</p>}
      {map && <SaliencyCanvas map={map} />}
    </div>
  );
}

/** Red where occlusion lowers the explained label's probability, blue where it raises it. */
function SaliencyCanvas({ map }: { map: OcclusionMap }) {
  const { t } = useTranslation('panels');
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const scale = Math.max(1e-6, ...Array.from(map.map, Math.abs));
    const img = ctx.createImageData(map.width, map.height);
    map.map.forEach((v, i) => {
      const a = Math.min(1, Math.abs(v) / scale);
      img.data.set(v >= 0 ? [255, 0, 0, 255 * a] : [0, 80, 255, 255 * a], i * 4);
    });
    ctx.putImageData(img, 0, 0);
  }, [map]);
  return (
    <figure>
      <canvas
        ref={ref}
        width={map.width}
        height={map.height}
        data-testid="occlusion-map"
        style={{ width: 168, height: 168, imageRendering: 'pixelated' }}
      />
      <figcaption className="muted">
        {t('saliency.caption', { label: map.label, p: map.baseline.toFixed(3) })}
      </figcaption>
    </figure>
  );
}
