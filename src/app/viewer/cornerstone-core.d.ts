// The part of cornerstone-core 2.6 (which ships no types) that app/viewer uses.
declare module 'cornerstone-core' {
  export interface CornerstoneImage {
    imageId: string;
    minPixelValue: number;
    maxPixelValue: number;
    slope: number;
    intercept: number;
    windowCenter: number;
    windowWidth: number;
    getPixelData: () => ArrayLike<number>;
    rows: number;
    columns: number;
    height: number;
    width: number;
    color: boolean;
    columnPixelSpacing?: number;
    rowPixelSpacing?: number;
    invert: boolean;
    sizeInBytes: number;
  }

  export interface CornerstoneViewport {
    scale: number;
    translation: { x: number; y: number };
    voi: { windowWidth: number; windowCenter: number };
    invert: boolean;
    pixelReplication: boolean;
    rotation: number;
    hflip: boolean;
    vflip: boolean;
  }

  export interface ImageRenderedDetail {
    element: HTMLElement;
    viewport: CornerstoneViewport;
    image: CornerstoneImage;
  }

  const cornerstone: {
    enable(element: HTMLElement, options?: Record<string, unknown>): void;
    disable(element: HTMLElement): void;
    displayImage(
      element: HTMLElement,
      image: CornerstoneImage,
      viewport?: Partial<CornerstoneViewport>,
    ): void;
    setViewport(element: HTMLElement, viewport: Partial<CornerstoneViewport>): void;
    getViewport(element: HTMLElement): CornerstoneViewport | undefined;
    getDefaultViewportForImage(element: HTMLElement, image: CornerstoneImage): CornerstoneViewport;
    resize(element: HTMLElement, forceFitToWindow?: boolean): void;
    EVENTS: { IMAGE_RENDERED: string };
  };
  export default cornerstone;
}
