// The only door to cornerstone-core: an image view on one element. The rest of the app
// speaks DecodedFrame and DisplayState and never touches cornerstone's globals.
import cornerstone, { type CornerstoneImage, type ImageRenderedDetail } from 'cornerstone-core';
import type { DecodedFrame, InstanceMeta } from '../../core/dicom/types.ts';
import type { Voi } from '../store/viewerSlice.ts';
import { toCornerstoneImage } from './toCornerstoneImage.ts';

export interface DisplayState {
  voi: Voi | null;
  scale: number | null;
  pan: { x: number; y: number };
  invert: boolean;
}

/** What is on screen after defaults are filled in. */
export interface AppliedDisplay {
  voi: Voi;
  scale: number;
  pan: { x: number; y: number };
  invert: boolean;
}

export interface ImageView {
  show(
    imageId: string,
    frame: DecodedFrame,
    meta: InstanceMeta,
    display: DisplayState,
  ): AppliedDisplay;
  resize(): void;
  /** Called after each paint, with what was painted (tests and overlays wait on this). */
  onRendered(listener: (applied: AppliedDisplay, imageId: string) => void): void;
  destroy(): void;
}

// One cornerstone image per decoded frame, built once: scrolling back costs no conversion, and
// the entry goes when the frame cache drops the frame.
const images = new WeakMap<DecodedFrame, CornerstoneImage>();

export function createImageView(element: HTMLDivElement): ImageView {
  cornerstone.enable(element);
  let current: { id: string; image: CornerstoneImage; frameInvert: boolean } | null = null;
  let listener: ((applied: AppliedDisplay, imageId: string) => void) | null = null;

  const rendered = (e: Event) => {
    const { viewport, image } = (e as CustomEvent<ImageRenderedDetail>).detail;
    if (!listener || !current) return;
    listener(
      {
        voi: { center: viewport.voi.windowCenter, width: viewport.voi.windowWidth },
        scale: viewport.scale,
        pan: { ...viewport.translation },
        // MONOCHROME1 is drawn inverted; the user's invert is relative to that.
        invert: viewport.invert !== current.frameInvert,
      },
      image.imageId,
    );
  };
  element.addEventListener(cornerstone.EVENTS.IMAGE_RENDERED, rendered);

  return {
    show(imageId, frame, meta, display) {
      let image = images.get(frame);
      if (!image) {
        image = toCornerstoneImage(imageId, frame, meta);
        images.set(frame, image);
      }
      const fit = cornerstone.getDefaultViewportForImage(element, image);
      const voi = display.voi ?? { center: image.windowCenter, width: image.windowWidth };
      const viewport = {
        ...fit,
        scale: display.scale ?? fit.scale,
        translation: { ...display.pan },
        voi: { windowCenter: voi.center, windowWidth: voi.width },
        invert: display.invert !== frame.invert,
      };
      if (current?.id === imageId) cornerstone.setViewport(element, viewport);
      else cornerstone.displayImage(element, image, viewport);
      current = { id: imageId, image, frameInvert: frame.invert };
      return { voi, scale: viewport.scale, pan: { ...display.pan }, invert: display.invert };
    },
    resize() {
      cornerstone.resize(element, false);
    },
    onRendered(l) {
      listener = l;
    },
    destroy() {
      element.removeEventListener(cornerstone.EVENTS.IMAGE_RENDERED, rendered);
      cornerstone.disable(element);
      current = null;
    },
  };
}
