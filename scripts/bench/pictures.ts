/**
 * Deterministic synthetic "photographs" for the benchmark and the test fixtures: a sky gradient,
 * a sun and rolling hills, drawn pixel by pixel and encoded by sharp. The same seed and size always
 * give the same bytes, so builds that read them stay comparable and byte-identical. No real photo
 * is ever invented for content/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

export interface PictureSpec {
  width: number;
  height: number;
  /** Varies colours and the shape of the hills. */
  seed: number;
  format: 'jpeg' | 'png';
}

/** Raw RGB pixels of the picture. */
export function picturePixels({ width, height, seed }: Pick<PictureSpec, 'width' | 'height' | 'seed'>): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  const hue = (seed * 47) % 360;
  const sunX = width * (0.2 + ((seed * 13) % 60) / 100);
  const sunY = height * 0.3;
  const sunR = Math.min(width, height) * 0.09;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const hill = height * (0.62 + 0.08 * Math.sin((x / width) * Math.PI * (2 + (seed % 3)) + seed));
      let r: number;
      let g: number;
      let b: number;
      if (y > hill) {
        const depth = (y - hill) / (height - hill + 1);
        r = 40 + 30 * depth;
        g = 90 + 50 * (1 - depth);
        b = 50 + (hue % 40);
      } else if ((x - sunX) ** 2 + (y - sunY) ** 2 < sunR ** 2) {
        r = 250;
        g = 214;
        b = 120;
      } else {
        const t = y / hill;
        r = 70 + 120 * t;
        g = 120 + 90 * t + (hue % 30);
        b = 200 + 40 * t;
      }
      const i = (y * width + x) * 3;
      pixels[i] = Math.min(255, Math.round(r));
      pixels[i + 1] = Math.min(255, Math.round(g));
      pixels[i + 2] = Math.min(255, Math.round(b));
    }
  }
  return pixels;
}

/** Encodes the picture as JPEG or PNG. */
export function encodePicture(spec: PictureSpec): Promise<Buffer> {
  const image = sharp(picturePixels(spec), { raw: { width: spec.width, height: spec.height, channels: 3 } });
  return (spec.format === 'jpeg' ? image.jpeg({ quality: 82 }) : image.png()).toBuffer();
}

/** Writes the picture to `file`, creating its folder. */
export async function writePicture(file: string, spec: PictureSpec): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, await encodePicture(spec));
}
