import { defineCollection, type SchemaContext } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { releaseSchema } from './schemas/release.ts';
import { programmeSchema } from './schemas/programme.ts';
import { speakerSchema } from './schemas/speaker.ts';
import { contactSchema } from './schemas/contact.ts';
import { organisationSchema } from './schemas/organisation.ts';
import { pictureField } from './schemas/fields.ts';
import { pageSchema } from './schemas/page.ts';
import { siteSettings } from './lib/core/settings.ts';
import { afterContentCheck } from './integrations/content-gate.ts';

/** ./content unless CONTENT_DIR says otherwise (tests build fixture content). */
const CONTENT = siteSettings(process.env).contentDir;

/** The programme file holds one conference; it becomes the single entry "konferens". */
const PROGRAMME_ID = 'konferens';

/**
 * A picture whose file goes through Astro's image pipeline (astro:assets): `image()` turns `src`,
 * relative to the content file, into the image's metadata. Only here: the schemas in src/schemas/
 * keep `src` a plain string, which the content check and the web editor's fields read.
 */
const picture = (image: SchemaContext['image']) => pictureField.extend({ src: image() });

const releases = defineCollection({
  loader: afterContentCheck(
    glob({
      base: `${CONTENT}/pressmeddelanden`,
      pattern: '**/[^_]*.{md,mdx}',
      // Pages use the rendered HTML only. Without the Markdown source the data store is 40 % smaller,
      // and the build's peak memory at 4,000 releases fell from 1.8 to 1.2 GiB (docs/benchmarks.md).
      retainBody: false,
      // The file's path in the folder ("2019-09-23-konferens.md"): unique, and what the address is
      // made from (src/lib/content/addresses.ts), so editing the headline never moves a release.
      generateId: ({ entry }) => entry,
    }),
  ),
  schema: ({ image }) => releaseSchema.extend({ image: picture(image).optional() }),
});

const programme = defineCollection({
  loader: afterContentCheck(file(`${CONTENT}/program.yaml`, { parser: (text) => ({ [PROGRAMME_ID]: parseYaml(text) }) })),
  schema: programmeSchema,
});

/**
 * One YAML file per speaker, contact and organisation, named by its id: the shape a git-based web
 * editor can edit (it cannot edit one entry of a map keyed by id). The id is the file name as
 * written; the content check rejects names that are not valid ids.
 */
const entityFolder = (folder: string) =>
  afterContentCheck(glob({ base: `${CONTENT}/${folder}`, pattern: '[^_]*.yaml', generateId: ({ entry }) => entry.replace(/\.yaml$/, '') }));

const speakers = defineCollection({
  loader: entityFolder('talare'),
  schema: ({ image }) => speakerSchema.extend({ photo: picture(image).optional() }),
});
const contacts = defineCollection({ loader: entityFolder('kontakter'), schema: contactSchema });
const organisations = defineCollection({ loader: entityFolder('organisationer'), schema: organisationSchema });

const pages = defineCollection({
  // Each page is served at /<file name>/; the content check keeps file names valid and free.
  loader: afterContentCheck(
    glob({ base: `${CONTENT}/sidor`, pattern: '*.{md,mdx}', generateId: ({ entry }) => entry.replace(/\.mdx?$/, '') }),
  ),
  schema: pageSchema,
});

export const collections = { releases, programme, speakers, contacts, organisations, pages };
