// Where the codec .wasm files are served: Vite copies each into the build and gives its URL on
// our own origin (never a CDN). The decode worker hands this to core before the first decode.
import charls from '@cornerstonejs/codec-charls/decodewasm?url';
import libjpegTurbo from '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasm?url';
import openjpeg from '@cornerstonejs/codec-openjpeg/decodewasm?url';
import openjph from '@cornerstonejs/codec-openjph/wasm?url';
import type { CodecWasm } from '../core/dicom/codecs/wasmLocator.ts';

export const codecWasmUrls: Record<CodecWasm, string> = {
  'libjpeg-turbo-8bit': libjpegTurbo,
  charls,
  openjpeg,
  openjph,
};
