import { useEffect, useRef } from 'react';
import type { StackPosition } from '../../core/ingest/stack.ts';
import { useThumbnail } from './useThumbnail.ts';

const SIZE = 56;

export function SeriesThumbnail({ stack }: { stack: StackPosition[] | undefined }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const rgba = useThumbnail(stack, SIZE);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !rgba) return;
    c.width = rgba.width;
    c.height = rgba.height;
    c.getContext('2d')?.putImageData(
      new ImageData(rgba.data as Uint8ClampedArray<ArrayBuffer>, rgba.width, rgba.height),
      0,
      0,
    );
  }, [rgba]);
  return (
    <span className="thumbnail" aria-hidden="true">
      <canvas ref={canvas} data-testid="series-thumbnail" data-ready={rgba ? 'true' : 'false'} />
    </span>
  );
}
