import { describe, expect, it } from 'vitest';
import { formatLabel, responsiveWidths, shareCrop, withFullStop } from '../../src/lib/content/pictures.ts';
import { inspectPicture, isPictureFolderFile, looksLikeFileName } from '../../src/lib/content-check/pictures.ts';
import { markdownPicturePaths } from '../../src/lib/content-check/markdown.ts';
import { encodePicture } from '../../scripts/bench/pictures.ts';

describe('shareCrop', () => {
  it('crops a large picture to 1200 × 630', () => {
    expect(shareCrop(2400, 1600)).toEqual({ width: 1200, height: 630 });
    expect(shareCrop(1600, 2400)).toEqual({ width: 1200, height: 630 });
  });

  it('never enlarges: a small or a narrow picture gives the largest 1.91:1 crop it holds', () => {
    expect(shareCrop(800, 600)).toEqual({ width: 800, height: 420 });
    expect(shareCrop(2000, 420)).toEqual({ width: 800, height: 420 });
  });
});

describe('responsiveWidths', () => {
  it('keeps the candidates below the original and adds the original once when it is smaller than the largest', () => {
    expect(responsiveWidths(2400, [400, 800, 1200, 1600])).toEqual([400, 800, 1200, 1600]);
    expect(responsiveWidths(1000, [400, 800, 1200, 1600])).toEqual([400, 800, 1000]);
    expect(responsiveWidths(800, [400, 800, 1200])).toEqual([400, 800]);
    expect(responsiveWidths(300, [400, 800])).toEqual([300]);
  });
});

describe('caption text', () => {
  it('ends each part with one full stop', () => {
    expect(withFullStop('Foto: Anna Andersson')).toBe('Foto: Anna Andersson.');
    expect(withFullStop('Fri att använda.')).toBe('Fri att använda.');
  });

  it('names formats the way editors know them', () => {
    expect(formatLabel('jpg')).toBe('JPEG');
    expect(formatLabel('png')).toBe('PNG');
  });
});

describe('inspectPicture', () => {
  it('reads the format and size of JPEG and PNG from their content', async () => {
    const jpeg = await encodePicture({ width: 640, height: 480, seed: 1, format: 'jpeg' });
    const png = await encodePicture({ width: 320, height: 200, seed: 2, format: 'png' });
    expect(inspectPicture(jpeg, jpeg.length)).toEqual({ format: 'jpeg', width: 640, height: 480, bytes: jpeg.length });
    expect(inspectPicture(png, 99)).toEqual({ format: 'png', width: 320, height: 200, bytes: 99 });
  });

  it('recognises HEIC and AVIF by their brand, whatever the file is called', () => {
    const box = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from(`ftyp${brand}\0\0\0\0mif1${brand}`, 'latin1')]);
    expect(inspectPicture(box('heic'), 24).format).toBe('heic');
    expect(inspectPicture(box('avif'), 24).format).toBe('avif');
  });

  it('finds a script or event handler in an SVG, and not in a plain one', () => {
    const svg = (body: string) => Buffer.from(`<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${body}</svg>`);
    expect(inspectPicture(svg('<script>alert(1)</script>'), 1)).toMatchObject({ format: 'svg', svgScript: true });
    expect(inspectPicture(svg('<rect onload="alert(1)"/>'), 1)).toMatchObject({ format: 'svg', svgScript: true });
    expect(inspectPicture(svg('<rect width="10" height="10"/>'), 1)).toMatchObject({ format: 'svg', svgScript: false, width: 10 });
  });

  it('calls anything else unknown, without a size', () => {
    expect(inspectPicture(Buffer.from('hej, det här är text'), 20)).toEqual({ format: 'unknown', bytes: 20 });
  });
});

describe('looksLikeFileName', () => {
  it('catches alt text that is the file name or a camera name', () => {
    expect(looksLikeFileName('IMG_2041.jpg', './bilder/IMG_2041.jpg')).toBe(true);
    expect(looksLikeFileName('img_2041', './bilder/IMG_2041.jpg')).toBe(true);
    expect(looksLikeFileName('konferens', './bilder/konferens.jpg')).toBe(true);
    expect(looksLikeFileName('foto.png', './bilder/annat.jpg')).toBe(true);
    expect(looksLikeFileName('DSC01234', './bilder/x.jpg')).toBe(true);
  });

  it('lets a description through, even one that mentions the place', () => {
    expect(looksLikeFileName('Konferenssalen på Selma Spa', './bilder/konferens.jpg')).toBe(false);
    expect(looksLikeFileName('Anna Sander', './bilder/anna-sander.jpg')).toBe(false);
  });
});

describe('isPictureFolderFile', () => {
  it('is true inside any bilder/ folder and false for the folder name in a file name', () => {
    expect(isPictureFolderFile('bilder/a.jpg')).toBe(true);
    expect(isPictureFolderFile('2019/bilder/a.jpg')).toBe(true);
    expect(isPictureFolderFile('bilder.md')).toBe(false);
    expect(isPictureFolderFile('a.jpg')).toBe(false);
  });
});

describe('markdownPicturePaths', () => {
  it('lists pictures shown from a path with their line, and skips web addresses, site paths and code', () => {
    const body = [
      'Text.',
      '![Salen](./bilder/salen.jpg) och ![Logga](https://example.se/logga.png)',
      '`![Exempel](./bilder/exempel.jpg)`',
      '![Karta](/karta.png)',
      '![Sunne](sunne.jpg "Sunne")',
    ].join('\n');
    expect(markdownPicturePaths(body, 10)).toEqual([
      { src: './bilder/salen.jpg', position: { line: 12, column: 1 } },
      { src: 'sunne.jpg', position: { line: 15, column: 1 } },
    ]);
  });
});
