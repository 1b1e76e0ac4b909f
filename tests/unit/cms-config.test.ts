import { Ajv } from 'ajv';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { editorFields } from '../../src/i18n/editor.ts';
import { buildCmsConfig, EDITOR_SCHEMAS, type CmsField } from '../../src/lib/editor/cms-config.ts';
import { slugify } from '../../src/lib/core/slug.ts';

const config = buildCmsConfig({ repo: 'agare/konferens', branch: 'main', siteUrl: 'https://konferens.example.se/', signIn: 'token', timeZone: 'Europe/Stockholm' });
type Collection = { name: string; fields?: CmsField[]; files?: { fields: CmsField[] }[] };
const collections = config.collections as Collection[];
const fieldsOf = (name: string): CmsField[] => {
  const collection = collections.find((entry) => entry.name === name)!;
  return collection.fields ?? collection.files![0]!.fields;
};

interface Leaf {
  path: string;
  required: boolean;
  pattern?: string;
  widget?: string;
}

/** Every field of a schema, read from zod's own JSON Schema output, independently of the generator. */
function schemaLeaves(json: Record<string, unknown>, prefix: string): Leaf[] {
  const properties = (json.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).flatMap(([name, property]) => {
    const here = `${prefix}.${name}`;
    const items = property.items as Record<string, unknown> | undefined;
    const nested = property.type === 'object' ? property : items?.type === 'object' ? items : undefined;
    const pattern = (property.pattern ?? items?.pattern) as string | undefined;
    return [{ path: here, required: required.has(name), ...(pattern ? { pattern } : {}) }, ...(nested ? schemaLeaves(nested, here) : [])];
  });
}

/** Every field the editor shows, by the same path scheme. */
function editorLeaves(fields: CmsField[], prefix: string): Leaf[] {
  return fields.flatMap((field) => {
    const here = `${prefix}.${field.name}`;
    const pattern = Array.isArray(field.pattern) ? (field.pattern[0] as string) : undefined;
    // A hidden constant takes no "required": it is always written.
    const leaf = { path: here, required: field.widget === 'hidden' ? false : field.required, widget: field.widget, ...(pattern ? { pattern } : {}) };
    return [leaf, ...(Array.isArray(field.fields) ? editorLeaves(field.fields as CmsField[], here) : [])];
  });
}

describe('web editor configuration from the schemas', () => {
  it('covers six collections, each with fields', () => {
    expect(collections.map((collection) => collection.name)).toEqual(['pressmeddelanden', 'program', 'talare', 'kontakter', 'organisationer', 'sidor']);
    for (const collection of collections) expect(fieldsOf(collection.name).length, collection.name).toBeGreaterThan(2);
  });

  for (const [name, schema] of Object.entries(EDITOR_SCHEMAS)) {
    it(`${name}: every schema field has an editor field with the same required status and pattern, and no other`, () => {
      const fromSchema = schemaLeaves(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>, name);
      const fromEditor = editorLeaves(fieldsOf(name), name).filter((leaf) => leaf.path !== `${name}.body`);
      expect(fromSchema.length).toBeGreaterThan(2);
      const shape = (leaves: Leaf[]) => leaves.map(({ path, required }) => ({ path, required }));
      expect(shape(fromEditor)).toEqual(shape(fromSchema));
      // A typed text field checks the schema's own pattern; ids are picked, dates and times picked.
      const typed = fromEditor.filter((leaf) => leaf.widget === 'string' && fromSchema.find((entry) => entry.path === leaf.path)?.pattern);
      for (const leaf of typed) expect(leaf.pattern, leaf.path).toBe(fromSchema.find((entry) => entry.path === leaf.path)?.pattern);
    });
  }

  it('every field has a Swedish label and hint, and the label map has no field the schemas lack', () => {
    const paths = Object.entries(EDITOR_SCHEMAS).flatMap(([name, schema]) =>
      schemaLeaves(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>, name).map((leaf) => leaf.path),
    );
    expect(paths.length).toBeGreaterThan(40);
    expect(Object.keys(editorFields).sort()).toEqual([...paths].sort());
    for (const name of Object.keys(EDITOR_SCHEMAS)) {
      for (const field of editorLeavesWithText(fieldsOf(name))) {
        expect(field.label, field.name).toMatch(/\S/);
        if (field.widget !== 'hidden') expect(field.hint, field.name).toMatch(/\S/);
      }
    }
  });

  it('names a schema field that has no Swedish label, and still gives it an editor field', async () => {
    const { buildCmsConfig: build, fieldsWithoutLabel } = await import('../../src/lib/editor/cms-config.ts');
    expect(fieldsWithoutLabel()).toEqual([]);
    const original = EDITOR_SCHEMAS.talare;
    (EDITOR_SCHEMAS as Record<string, z.ZodObject>).talare = original.extend({ country: z.string().optional() });
    try {
      expect(fieldsWithoutLabel()).toEqual(['talare.country']);
      const talare = (build({ repo: 'a/b', branch: 'main', siteUrl: 'https://x.se/', signIn: 'token', timeZone: 'Europe/Stockholm' }).collections as Collection[]).find((entry) => entry.name === 'talare')!;
      expect(talare.fields!.map((field) => field.name)).toContain('country');
    } finally {
      (EDITOR_SCHEMAS as Record<string, z.ZodObject>).talare = original;
    }
  });

  it('references are pickers over existing entries, never free text', () => {
    const relation = (collection: string, name: string) => {
      const field = findField(fieldsOf(collection), name);
      return [field.widget, field.collection, field.value_field, field.multiple];
    };
    expect(relation('pressmeddelanden', 'organisations')).toEqual(['relation', 'organisationer', '{{slug}}', true]);
    expect(relation('pressmeddelanden', 'contacts')).toEqual(['relation', 'kontakter', '{{slug}}', true]);
    expect(relation('program', 'sessions.speakers')).toEqual(['relation', 'talare', '{{slug}}', true]);
    expect(relation('program', 'organisers')).toEqual(['relation', 'organisationer', '{{slug}}', true]);
    expect(relation('program', 'supporter')).toEqual(['relation', 'organisationer', '{{slug}}', false]);
    expect(relation('kontakter', 'organisation')).toEqual(['relation', 'organisationer', '{{slug}}', false]);
    expect(findField(fieldsOf('pressmeddelanden'), 'organisations').min).toBe(1);
  });

  it('writes dates, times and the publication instant as the schema wants them', () => {
    expect(findField(fieldsOf('pressmeddelanden'), 'published')).toMatchObject({
      widget: 'datetime',
      input_timezone: 'Europe/Stockholm',
      output_utc: false,
      required: true,
    });
    expect(findField(fieldsOf('program'), 'sessions.start')).toMatchObject({ widget: 'datetime', type: 'time', format: 'HH:mm', required: false });
    expect(findField(fieldsOf('program'), 'sessions.day')).toMatchObject({ widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' });
    expect(findField(fieldsOf('program'), 'days.date')).toMatchObject({ widget: 'datetime', type: 'date', required: true });
    expect(findField(fieldsOf('pressmeddelanden'), 'draft')).toMatchObject({ widget: 'boolean', default: true });
    expect(findField(fieldsOf('pressmeddelanden'), 'image.src')).toMatchObject({ widget: 'image', required: true });
  });

  it("enters dates in the programme's own time zone and names it in the hints", () => {
    const helsinki = buildCmsConfig({ repo: 'a/b', branch: 'main', siteUrl: 'https://x.se/', signIn: 'token', timeZone: 'Europe/Helsinki' });
    const releaseFields = (helsinki.collections as { name: string; fields: CmsField[] }[]).find((c) => c.name === 'pressmeddelanden')!.fields;
    expect(findField(releaseFields, 'published')).toMatchObject({ input_timezone: 'Europe/Helsinki' });
    expect(findField(releaseFields, 'published').hint).toContain('i finsk tid');
    expect(findField(fieldsOf('pressmeddelanden'), 'published').hint).toContain('i svensk tid');
    const hints = JSON.stringify(helsinki);
    expect(hints).not.toContain('svensk tid');
    expect(hints).not.toContain('{tid}');
  });

  it('names new releases as npm run ny does, omits empty optional fields and quotes strings', () => {
    const releases = collections.find((collection) => collection.name === 'pressmeddelanden') as Record<string, unknown>;
    expect(releases.slug).toBe('{{year}}-{{month}}-{{day}}-{{slug}}');
    expect(releases).toMatchObject({ folder: 'content/pressmeddelanden', extension: 'md', format: 'yaml-frontmatter', media_folder: 'bilder', public_folder: './bilder' });
    // maxlength: the date and at most MAX_SLUG_LENGTH characters of address, as `npm run ny` writes.
    expect(config.slug).toEqual({ encoding: 'ascii', clean_accents: true, maxlength: 91, timezone: 'local' });
    // Swedish transliteration for file names needs the content locale "sv"; without it ä → ae.
    expect(config.i18n).toMatchObject({ locales: ['sv'], default_locale: 'sv', omit_default_locale_from_file_path: true });
    expect(releases.i18n).toBe(true);
    expect(config.output).toEqual({ omit_empty_optional_fields: true, yaml: { quote: 'double' } });
    expect(slugify('Människohandel på nätet')).toBe('manniskohandel-pa-natet');
  });

  it('signs in with a token by default, and also through Netlify when asked', () => {
    expect(config.backend).toMatchObject({ name: 'github', repo: 'agare/konferens', branch: 'main', auth_methods: ['token'] });
    const netlify = buildCmsConfig({ repo: 'a/b', branch: 'main', siteUrl: 'https://x.se/', signIn: 'netlify', timeZone: 'Europe/Stockholm' });
    expect((netlify.backend as { auth_methods: string[] }).auth_methods).toEqual(['oauth', 'token']);
  });

  it('validates against the JSON Schema shipped in @sveltia/cms', async () => {
    const schema = JSON.parse(await readFile(path.resolve('node_modules/@sveltia/cms/schema/sveltia-cms.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, formats: { regex: true, uri: true } });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // The control: a malformed option is rejected.
    const broken = structuredClone(config) as { collections: { fields: { required: unknown }[] }[] };
    broken.collections[0]!.fields[0]!.required = 'ja';
    expect(validate(broken)).toBe(false);
  });
});

function findField(fields: CmsField[], dotted: string): CmsField {
  const [first, ...rest] = dotted.split('.');
  const field = fields.find((entry) => entry.name === first);
  if (!field) throw new Error(`no field ${dotted}`);
  return rest.length === 0 ? field : findField(field.fields as CmsField[], rest.join('.'));
}

function editorLeavesWithText(fields: CmsField[]): CmsField[] {
  return fields.flatMap((field) => [field, ...(Array.isArray(field.fields) ? editorLeavesWithText(field.fields as CmsField[]) : [])]);
}
