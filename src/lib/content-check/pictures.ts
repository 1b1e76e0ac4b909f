import path from 'node:path';
import { imageSize } from 'image-size';
import type { Picture } from '../../schemas/fields.ts';
import { closest } from './closest.ts';
import type { Problem } from './types.ts';
import type { PathSegment, YamlSource } from './yaml.ts';

/** The formats Astro's image pipeline turns into AVIF, WebP and the original. */
export type PictureFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'tiff' | 'heic' | 'svg' | 'unknown';
/** The formats the check accepts; the web editor's image fields accept the same (src/lib/editor/cms-config.ts). */
export const SUPPORTED: readonly PictureFormat[] = ['jpeg', 'png', 'webp', 'avif'];

/** What the check needs to know about a picture file, read from its first bytes. */
export interface PictureFacts {
  format: PictureFormat;
  /** Pixels, when the header could be read. */
  width?: number;
  height?: number;
  /** The file's size in bytes. */
  bytes: number;
  /** SVG only: it holds a script or an event handler. */
  svgScript?: boolean;
}

/** A picture file in a bilder/ folder, as the check sees it. */
export interface PictureFile {
  /** Path relative to the content folder: "pressmeddelanden/bilder/x.jpg". */
  name: string;
  /** Path shown to editors: "content/pressmeddelanden/bilder/x.jpg". */
  display: string;
  facts: PictureFacts;
}

/** The folder pictures live in, next to the files that use them (src/schemas/fields.ts). */
export const PICTURE_FOLDER = 'bilder';

/** Whether `relative` (with forward slashes) lies in a bilder/ folder. */
export function isPictureFolderFile(relative: string): boolean {
  return relative.split('/').slice(0, -1).includes(PICTURE_FOLDER);
}

/** Bytes read from the start of a picture: enough for any header, also behind a large EXIF block. */
export const PICTURE_HEAD_BYTES = 512 * 1024;
/** A shared picture narrower than this looks blurred in link previews. */
export const MIN_SHARE_WIDTH = 600;
/** A larger original is slow to download for journalists and heavy in the repository. */
export const MAX_PICTURE_BYTES = 10 * 1024 * 1024;

/**
 * The format from the file's content, never its name: a photo from a phone can be HEIC even when
 * it is called .jpg. `head` is the start of the file (all of it for SVG, which is text).
 */
export function inspectPicture(head: Uint8Array, bytes: number): PictureFacts {
  const format = sniffFormat(head);
  const facts: PictureFacts = { format, bytes };
  if (format === 'svg') {
    const text = new TextDecoder().decode(head);
    facts.svgScript = /<script[\s>/]|\son[a-z]+\s*=|javascript:/i.test(text);
  }
  try {
    const size = imageSize(head);
    if (size.width && size.height) {
      // EXIF orientation 5–8: the picture is shown turned a quarter, so width and height swap.
      const turned = (size.orientation ?? 1) >= 5;
      facts.width = turned ? size.height : size.width;
      facts.height = turned ? size.width : size.height;
    }
  } catch {
    // No readable size: the format message, or none, says enough.
  }
  return facts;
}

function sniffFormat(head: Uint8Array): PictureFormat {
  const ascii = (start: number, end: number) => String.fromCharCode(...head.subarray(start, end));
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(1, 4) === 'PNG') return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'tiff';
  if (ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heic';
  }
  const text = new TextDecoder().decode(head.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text)) return 'svg';
  return 'unknown';
}

export interface PictureUse {
  /** The content file that names the picture: its path inside the content folder, and as shown. */
  file: { name: string; display: string };
  source: YamlSource;
  /** Where the picture sits in the file: ["image"] or ["photo"]. */
  at: readonly PathSegment[];
  picture: Picture;
  /** Shown when the page is shared, so it needs to be wide enough for a link preview. */
  shared: boolean;
}

/**
 * A picture field against the file it names: the file exists in a bilder/ folder, in a format the
 * site can show, with alt text that describes it; warnings for a small shared picture and a big file.
 */
export function checkPicture(use: PictureUse, pictures: ReadonlyMap<string, PictureFile>, contentDir: string): Problem[] {
  const { file, source, at, picture } = use;
  const field = (key: string) => [...at, key].join('.');
  const problem = (severity: Problem['severity'], key: string, message: string): Problem => ({
    severity,
    file: file.display,
    position: source.locate([...at, key]).position,
    field: field(key),
    message,
  });
  const problems: Problem[] = [];
  const contentFolder = path.posix.dirname(file.name);
  const example = `./${PICTURE_FOLDER}/${path.posix.basename(picture.src) || 'bild.jpg'}`;
  const folderShown = `${contentDir}/${contentFolder}/${PICTURE_FOLDER}/`;

  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(picture.src)) {
    return [
      problem(
        'error',
        'src',
        `Bilden ska vara en fil på webbplatsen, inte en webbadress. Spara bilden i mappen ${folderShown} och skriv src: "${example}".`,
      ),
    ];
  }
  const name = path.posix.normalize(path.posix.join(contentFolder, picture.src));
  if (name.startsWith('../') || !name.split('/').slice(0, -1).includes(PICTURE_FOLDER)) {
    return [
      problem(
        'error',
        'src',
        `Bilden ska ligga i mappen ${folderShown}, och src skrivas från filen som använder den. Flytta bilden dit och skriv src: "${example}".`,
      ),
    ];
  }

  const found = pictures.get(name);
  if (!found) {
    const neighbours = [...pictures.keys()].filter((other) => path.posix.dirname(other) === path.posix.dirname(name));
    const suggestion = closest(path.posix.basename(name), neighbours.map((other) => path.posix.basename(other)));
    problems.push(
      problem(
        'error',
        'src',
        `Det finns ingen bildfil ${contentDir}/${name}.` +
          (suggestion
            ? ` Menade du "./${path.posix.relative(contentFolder, path.posix.join(path.posix.dirname(name), suggestion))}"?`
            : ` Lägg bilden i mappen ${contentDir}/${path.posix.dirname(name)}/ eller rätta namnet (stora och små bokstäver räknas).`),
      ),
    );
  } else {
    problems.push(...checkFile(found, use, problem));
  }

  if (looksLikeFileName(picture.alt, picture.src)) {
    problems.push(
      problem(
        'error',
        'alt',
        `Alternativtexten "${picture.alt}" är bara ett filnamn och säger inget om bilden för den som inte ser den. ` +
          'Beskriv kort vad bilden visar, till exempel "Föreläsare på scenen i konferenssalen".',
      ),
    );
  }
  return problems;
}

function checkFile(
  found: PictureFile,
  use: PictureUse,
  problem: (severity: Problem['severity'], key: string, message: string) => Problem,
): Problem[] {
  const { facts } = found;
  const problems: Problem[] = [];
  if (facts.format === 'heic') {
    problems.push(
      problem(
        'error',
        'src',
        `Bilden är i formatet HEIC (vanligt från iPhone), som webbläsare och bildverktyget inte kan visa: ${found.display}. ` +
          'Spara om bilden som JPEG (i iPhone: Inställningar > Kamera > Format > Mest kompatibel), eller exportera den som JPEG, och byt filen.',
      ),
    );
  } else if (facts.format === 'svg') {
    problems.push(
      problem(
        'error',
        'src',
        `Bilden är en SVG-fil` +
          (facts.svgScript ? ' som innehåller ett skript, som skulle köras när någon öppnar den' : '') +
          `: ${found.display}. Pressbilder och porträtt ska vara foton: spara bilden som JPEG eller PNG och byt filen.`,
      ),
    );
  } else if (!SUPPORTED.includes(facts.format)) {
    problems.push(
      problem(
        'error',
        'src',
        `Bilden är inte i ett format som webbplatsen kan visa: ${found.display}. Använd JPEG, PNG, WebP eller AVIF.`,
      ),
    );
  } else if (facts.width === undefined) {
    problems.push(problem('error', 'src', `Bildens storlek gick inte att läsa: ${found.display}. Filen kan vara skadad: spara om bilden och byt filen.`));
  } else if (use.shared && facts.width < MIN_SHARE_WIDTH) {
    problems.push(
      problem(
        'warning',
        'src',
        `Bilden är ${facts.width} pixlar bred och visas när pressmeddelandet delas i sociala medier, där den blir suddig. ` +
          `Använd en bild som är minst ${MIN_SHARE_WIDTH} pixlar bred, helst 1200.`,
      ),
    );
  }
  if (facts.bytes > MAX_PICTURE_BYTES) {
    problems.push(
      problem(
        'warning',
        'src',
        `Bildfilen är ${(facts.bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB: ${found.display}. Originalet går att ladda ner som pressbild, ` +
          `och över ${MAX_PICTURE_BYTES / 1024 / 1024} MB tar det lång tid. Spara en mindre version, till exempel 3000 pixlar bred i JPEG.`,
      ),
    );
  }
  return problems;
}

/** Alt text that is only the file's name ("IMG_1234.jpg", "konferens", "DSC01234"). */
export function looksLikeFileName(alt: string, src: string): boolean {
  const text = alt.trim().toLowerCase();
  const file = path.posix.basename(src).toLowerCase();
  const stem = file.replace(/\.[^.]+$/, '');
  if (text === file || text === stem) return true;
  if (/^[\w\-. ]+\.(jpe?g|png|webp|avif|gif|heic|heif|tiff?|svg)$/i.test(text)) return true;
  return /^(img|dsc|dscn|dsc_|pxl|photo|bild|image)[_-]?\d+$/i.test(text.replace(/\s+/g, ''));
}
