/**
 * The baseline: a bare Astro site with one glob collection, one list page and a page per entry,
 * no integrations and Astro's default Markdown processor. It reads the same Markdown files as our
 * build, so the ratio between the two is the cost of everything the project adds. A release with a
 * press picture (the bench's --pictures variant) gets the same <Picture> as ours: AVIF and WebP
 * plus the original format at the same widths, so both builds do the same image work.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const bareSiteFiles: Record<string, string> = {
  'package.json': `${JSON.stringify(
    { name: 'bench-bare-astro', private: true, type: 'module', scripts: { build: 'astro build' } },
    null,
    2,
  )}\n`,
  // Same environment contract as the project's config, so both builds get the same folders and site.
  'astro.config.mjs': `import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.SITE_URL,
  outDir: process.env.ASTRO_OUT_DIR,
  cacheDir: process.env.ASTRO_CACHE_DIR,
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const releases = defineCollection({
  loader: glob({ base: './content/pressmeddelanden', pattern: '**/*.md' }),
  schema: ({ image }) =>
    z.looseObject({
      title: z.string(),
      published: z.coerce.date(),
      image: z.looseObject({ src: image(), alt: z.string() }).optional(),
    }),
});

export const collections = { releases };
`,
  'src/pages/index.astro': `---
import { getCollection } from 'astro:content';

const releases = (await getCollection('releases')).sort(
  (a, b) => b.data.published.getTime() - a.data.published.getTime(),
);
---

<html lang="sv">
  <head><meta charset="utf-8" /><title>Pressmeddelanden</title></head>
  <body>
    <h1>Pressmeddelanden</h1>
    <ul>{releases.map((entry) => <li><a href={\`/\${entry.id}/\`}>{entry.data.title}</a></li>)}</ul>
  </body>
</html>
`,
  'src/pages/[id].astro': `---
import { Picture } from 'astro:assets';
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const releases = await getCollection('releases');
  return releases.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---

<html lang="sv">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body>
    <h1>{entry.data.title}</h1>
    {entry.data.image && (
      <Picture
        src={entry.data.image.src}
        alt={entry.data.image.alt}
        widths={[400, 800, 1200, 1600].filter((width) => width < entry.data.image.src.width).concat(entry.data.image.src.width)}
        sizes="(min-width: 52rem) 50rem, 100vw"
        formats={['avif', 'webp']}
      />
    )}
    <Content />
  </body>
</html>
`,
};

/** Writes the bare site's own files into `dir` (node_modules and content are the caller's). */
export async function writeBareSite(dir: string): Promise<void> {
  for (const [file, text] of Object.entries(bareSiteFiles)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}
