import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;
/** Video levels of black and white in YUV (BT.601). */
const BLACK = 16;
const WHITE = 235;
/** The white margin a QR code needs around it to be found, in modules. */
const QUIET_ZONE = 4;

/**
 * A short Y4M video (what Chromium's `--use-file-for-fake-video-capture` plays as the camera) of `text` as a QR
 * code: black modules on white, centred with its quiet zone, as large as the 640×480 picture allows.
 */
export function qrCodeVideo(text: string, frames = 10): Buffer {
  const luma = qrLuma(text);
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128); // U and V: no colour
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'ascii'), luma, chroma]);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}

/** The picture's brightness plane: the code's modules scaled up to whole pixels. */
function qrLuma(text: string): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = modules.size + 2 * QUIET_ZONE;
  const scale = Math.floor(Math.min(WIDTH, HEIGHT) / side);
  const left = Math.floor((WIDTH - side * scale) / 2);
  const top = Math.floor((HEIGHT - side * scale) / 2);
  const plane = Buffer.alloc(WIDTH * HEIGHT, WHITE);
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (!modules.get(row, column)) continue;
      const y0 = top + (row + QUIET_ZONE) * scale;
      const x0 = left + (column + QUIET_ZONE) * scale;
      for (let y = y0; y < y0 + scale; y += 1) plane.fill(BLACK, y * WIDTH + x0, y * WIDTH + x0 + scale);
    }
  }
  return plane;
}
