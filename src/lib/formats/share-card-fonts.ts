import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ShareCardFont } from './share-card.ts';

/**
 * Source Sans 3 (SIL Open Font License 1.1) from the @fontsource package: a font file in
 * node_modules, never a download. satori reads WOFF, not WOFF2; the Latin subset holds å, ä, ö.
 * Resolved from the project folder, since this runs from Astro's bundled build output.
 */
export async function shareCardFonts(root = process.cwd()): Promise<ShareCardFont[]> {
  const require = createRequire(path.join(root, 'package.json'));
  const load = (weight: 400 | 700) =>
    readFile(require.resolve(`@fontsource/source-sans-3/files/source-sans-3-latin-${weight}-normal.woff`));
  const [regular, bold] = await Promise.all([load(400), load(700)]);
  return [
    { name: 'Source Sans 3', data: regular, weight: 400 },
    { name: 'Source Sans 3', data: bold, weight: 700 },
  ];
}
