import { useStore } from '../store/store.ts';

export function SliceSlider({
  viewport,
  count,
  index,
}: {
  viewport: number;
  count: number;
  index: number;
}) {
  const setIndex = useStore((s) => s.setIndex);
  return (
    <input
      className="slice-slider"
      type="range"
      min={0}
      max={count - 1}
      value={index}
      aria-label="Slice"
      onChange={(e) => setIndex(viewport, Number(e.target.value))}
    />
  );
}
