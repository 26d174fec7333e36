/** Reads the QR codes in a video's current frame. */
export interface QrReader {
  read(video: HTMLVideoElement): Promise<string[]>;
}

/** Where the build puts zxing-wasm's reader (an asset in apps/web/project.json), beside index.html. */
export const ZXING_WASM_DIRECTORY = 'zxing/';

/** The browser's own Shape Detection API, where it has one (Android, macOS, ChromeOS; not Linux or Firefox). */
interface NativeBarcodeDetector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface NativeBarcodeDetectorClass {
  new (options: { formats: string[] }): NativeBarcodeDetector;
  getSupportedFormats(): Promise<string[]>;
}

/**
 * A QR reader: the browser's `BarcodeDetector` where it reads QR codes, else the `barcode-detector` polyfill
 * (ZXing as WebAssembly). The polyfill is imported here, on first use, so it stays out of the initial bundle,
 * and its .wasm comes from this app, never from the CDN the package would use by default.
 */
export async function loadQrReader(): Promise<QrReader> {
  const native = (globalThis as { BarcodeDetector?: NativeBarcodeDetectorClass }).BarcodeDetector;
  if (native && (await native.getSupportedFormats().catch((): string[] => [])).includes('qr_code')) {
    return readerOf(new native({ formats: ['qr_code'] }));
  }
  const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
  // Loaded now, so a missing or refused .wasm shows when the camera opens rather than as silence.
  await prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? zxingWasmUrl(path) : prefix + path) },
    fireImmediately: true,
  });
  return readerOf(new BarcodeDetector({ formats: ['qr_code'] }));
}

/** The .wasm's address in this app (under its base href). */
export function zxingWasmUrl(file: string): string {
  return new URL(`${ZXING_WASM_DIRECTORY}${file}`, document.baseURI).href;
}

function readerOf(detector: NativeBarcodeDetector): QrReader {
  return { read: async (video) => (await detector.detect(video)).map((barcode) => barcode.rawValue) };
}
