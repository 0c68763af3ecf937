/**
 * Draws the Teams app icons in code: a white shield with a keyhole, on the accent
 * colour (color.png, 192×192) or alone on transparency (outline.png, 32×32, white as
 * Teams requires). Shapes are sampled 4×4 per pixel for smooth edges.
 */
import { encodePng } from './encode-png.js';

export const ACCENT = [0x24, 0x57, 0xc5] as const;
const SAMPLES = 4;

/** Shield silhouette in unit coordinates (0..1 each way), scaled about the centre by `k`. */
function inShield(u: number, v: number, k = 1): boolean {
  const x = (u - 0.5) / k;
  const y = (v - 0.5) / k + 0.5;
  if (y < 0.2 || y > 0.84) return false;
  const half = y < 0.52 ? 0.3 : 0.3 * Math.sqrt(Math.max(0, 1 - ((y - 0.52) / 0.32) ** 2));
  return Math.abs(x) <= half;
}

function inKeyhole(u: number, v: number): boolean {
  const r = Math.hypot(u - 0.5, v - 0.44);
  return r <= 0.075 || (Math.abs(u - 0.5) <= 0.032 && v >= 0.44 && v <= 0.62);
}

function render(size: number, coverage: (u: number, v: number) => boolean, background: readonly number[] | null): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++) if (coverage((x + (sx + 0.5) / SAMPLES) / size, (y + (sy + 0.5) / SAMPLES) / size)) hits++;
      const a = hits / (SAMPLES * SAMPLES);
      const i = (y * size + x) * 4;
      if (background) {
        for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(255 * a + background[c]! * (1 - a));
        rgba[i + 3] = 255;
      } else {
        rgba.set([255, 255, 255, Math.round(255 * a)], i);
      }
    }
  return encodePng(size, size, rgba);
}

/** color.png: 192×192, white shield and accent-coloured keyhole on the accent colour. */
export function drawColorIcon(): Buffer {
  return render(192, (u, v) => inShield(u, v) && !inKeyhole(u, v), ACCENT);
}

/** outline.png: 32×32, white shield outline and keyhole on a transparent background. */
export function drawOutlineIcon(): Buffer {
  return render(32, (u, v) => (inShield(u, v, 1.1) && !inShield(u, v, 0.78)) || inKeyhole(u, v), null);
}
