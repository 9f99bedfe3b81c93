import type { ReactNode } from 'react';

/** A 100×100 SVG plot that stretches to its box, with a caption stating its range. */
export function PlotFigure({
  label,
  caption,
  children,
}: {
  label: string;
  caption: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure>
      <svg
        className="plot"
        viewBox="0 0 100 100"
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
      >
        {children}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
