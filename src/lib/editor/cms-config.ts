/**
 * The web editor's configuration (Sveltia CMS, /admin/config.json), generated from the zod schemas
 * in src/schemas/ so the editor asks for exactly what the content check accepts: the same fields,
 * required or optional, the same patterns and messages. Swedish labels come from src/i18n/editor.ts.
 * @see https://sveltiacms.app/en/docs/fields
 */
import { z } from 'astro/zod';
import { editorBody, editorCollections, editorFields, type EditorText } from '../../i18n/editor.ts';
import { contactSchema } from '../../schemas/contact.ts';
import { idField, instantField, localDateField, localTimeField, pictureField } from '../../schemas/fields.ts';
import { organisationSchema } from '../../schemas/organisation.ts';
import { pageSchema } from '../../schemas/page.ts';
import { programmeSchema } from '../../schemas/programme.ts';
import { timeZoneLabel } from '../core/dates.ts';
import { RELEASE_FILE_SLUG_LENGTH } from '../core/slug.ts';
import { releaseSchema } from '../../schemas/release.ts';
import { speakerSchema } from '../../schemas/speaker.ts';
import { CONTENT_LAYOUT } from '../content-check/source.ts';
import { SUPPORTED as PICTURE_FORMATS } from '../content-check/pictures.ts';

/** Image fields accept what the content check accepts (MIME types, as the HTML `accept` attribute). */
export const PICTURE_ACCEPT = PICTURE_FORMATS.map((format) => `image/${format}`).join(',');

/** A field as Sveltia CMS reads it; only the options this generator writes. */
export interface CmsField {
  name: string;
  label: string;
  hint: string;
  widget: string;
  required: boolean;
  [option: string]: unknown;
}

/** What every field has, before its type is chosen. */
type BaseField = Pick<CmsField, 'name' | 'label' | 'hint' | 'required'>;

export type CmsCollection = Record<string, unknown> & { name: string; fields?: CmsField[] };

export interface CmsConfigOptions {
  /** GitHub repository "owner/name" the editor commits to. */
  repo: string;
  /** Branch the deploy workflow publishes from. */
  branch: string;
  /** Absolute URL of the published site, for the editor's "view on site" links. */
  siteUrl: string;
  /** "token": fine-grained personal access token only; "netlify": also Netlify's GitHub sign-in. */
  signIn: 'token' | 'netlify';
  /** The programme's time zone (content/program.yaml `timezone`): dates are entered and saved in it. */
  timeZone: string;
}

type Schema = z.ZodType;
type CollectionName = keyof typeof editorCollections;

/** Where an id field points: a field path → the collection whose file names are the ids. */
const RELATIONS: Record<string, CollectionName> = {
  'pressmeddelanden.organisations': 'organisationer',
  'pressmeddelanden.contacts': 'kontakter',
  'program.organisers': 'organisationer',
  'program.supporter': 'organisationer',
  'program.contacts': 'kontakter',
  'program.sessions.speakers': 'talare',
  'kontakter.organisation': 'organisationer',
};

/** Id fields that are ids themselves, typed by the editor, not references to pick. */
const OWN_IDS = new Set(['program.sessions.id']);

/** Fields with a different default in the editor than in the schema: new releases start as drafts. */
const EDITOR_DEFAULTS: Record<string, unknown> = { 'pressmeddelanden.draft': true };

interface CollectionSpec {
  name: CollectionName;
  schema: z.ZodObject;
  /** Markdown body under the frontmatter. */
  body?: boolean;
}

const COLLECTIONS: CollectionSpec[] = [
  { name: 'pressmeddelanden', schema: releaseSchema, body: true },
  { name: 'program', schema: programmeSchema },
  { name: 'talare', schema: speakerSchema },
  { name: 'kontakter', schema: contactSchema },
  { name: 'organisationer', schema: organisationSchema },
  { name: 'sidor', schema: pageSchema, body: true },
];

/** The schemas the editor covers, by collection name; the generator and its drift test read them here. */
export const EDITOR_SCHEMAS: Record<CollectionName, z.ZodObject> = Object.fromEntries(
  COLLECTIONS.map((spec) => [spec.name, spec.schema]),
) as Record<CollectionName, z.ZodObject>;

const FOLDER_KEYS = { talare: 'speakers', kontakter: 'contacts', organisationer: 'organisations' } as const;

/** Picture fields store their file in a `bilder/` folder next to the content file (src/schemas/fields.ts). */
const MEDIA = { media_folder: 'bilder', public_folder: './bilder' };

export function buildCmsConfig(options: CmsConfigOptions): Record<string, unknown> {
  const fields = (name: CollectionName) => {
    const spec = COLLECTIONS.find((entry) => entry.name === name)!;
    const list = objectFields(EDITOR_SCHEMAS[name], name, options.timeZone);
    // No code-block component: its highlighting module is not on npm at the version the bundle
    // loads (src/lib/editor/admin-bundle.ts), and releases have no code.
    if (spec.body) list.push({ name: 'body', widget: 'markdown', required: true, ...editorBody, label: editorBody.label, editor_components: ['image'] });
    return list;
  };
  const people = (name: 'talare' | 'kontakter' | 'organisationer') => ({
    name,
    label: editorCollections[name].label,
    label_singular: editorCollections[name].singular,
    folder: `content/${CONTENT_LAYOUT[FOLDER_KEYS[name]]}`,
    extension: 'yaml',
    format: 'yaml',
    create: true,
    identifier_field: 'name',
    // The file name is the id other files refer to: "Simon Häggström" → simon-haggstrom.yaml.
    slug: '{{name}}',
    summary: '{{name}}',
    i18n: true,
    sortable_fields: ['name'],
    ...MEDIA,
    fields: fields(name),
  });
  const collections: CmsCollection[] = [
    {
      name: 'pressmeddelanden',
      label: editorCollections.pressmeddelanden.label,
      label_singular: editorCollections.pressmeddelanden.singular,
      folder: `content/${CONTENT_LAYOUT.releases}`,
      extension: 'md',
      format: 'yaml-frontmatter',
      create: true,
      identifier_field: 'title',
      // As `npm run ny` names them: date of creation, then the title's slug (src/lib/core/slug.ts). The file
      // name is the address (src/lib/content/addresses.ts): Sveltia names a new file once and never renames
      // it when the title changes, and adds "-1" when the name is taken, so two releases never share one.
      slug: '{{year}}-{{month}}-{{day}}-{{slug}}',
      summary: '{{title}}',
      i18n: true,
      sortable_fields: { fields: ['published', 'title'], default: { field: 'published', direction: 'descending' } },
      ...MEDIA,
      fields: fields('pressmeddelanden'),
    },
    {
      name: 'program',
      label: editorCollections.program.label,
      files: [
        {
          name: 'program',
          label: 'Konferensen och programmet',
          file: `content/${CONTENT_LAYOUT.programme}`,
          format: 'yaml',
          fields: fields('program'),
        },
      ],
    },
    people('talare'),
    people('kontakter'),
    people('organisationer'),
    {
      name: 'sidor',
      label: editorCollections.sidor.label,
      label_singular: editorCollections.sidor.singular,
      folder: `content/${CONTENT_LAYOUT.pages}`,
      extension: 'md',
      format: 'yaml-frontmatter',
      create: false,
      delete: false,
      identifier_field: 'title',
      fields: fields('sidor'),
    },
  ];
  return {
    backend: {
      name: 'github',
      repo: options.repo,
      branch: options.branch,
      auth_methods: options.signIn === 'netlify' ? ['oauth', 'token'] : ['token'],
      commit_messages: {
        create: 'Ny {{collection}}: {{slug}} (webbredaktören)',
        update: 'Ändrar {{collection}}: {{slug}} (webbredaktören)',
        delete: 'Tar bort {{collection}}: {{slug}} (webbredaktören)',
        uploadMedia: 'Laddar upp {{path}} (webbredaktören)',
        deleteMedia: 'Tar bort {{path}} (webbredaktören)',
      },
    },
    site_url: options.siteUrl,
    // Required globally; every collection sets its own `bilder/` folder.
    media_folder: 'content/bilder',
    public_folder: '/bilder',
    // One content language, Swedish, so file names are made with Swedish transliteration (ä → a,
    // ö → o; without a locale Sveltia writes ä → ae). With one locale and the locale left out of the
    // path, files keep their names and their content is not nested under a language key.
    i18n: { structure: 'multiple_files', locales: ['sv'], default_locale: 'sv', omit_default_locale_from_file_path: true },
    slug: {
      // "Människohandel på nätet" → manniskohandel-pa-natet, as src/lib/core/slug.ts makes it.
      encoding: 'ascii',
      clean_accents: true,
      // The whole file name: "ÅÅÅÅ-MM-DD-" plus at most MAX_SLUG_LENGTH characters of address.
      maxlength: RELEASE_FILE_SLUG_LENGTH,
      // {{year}}-{{month}}-{{day}} in the editor's own time, as `npm run ny` uses Swedish time.
      timezone: 'local',
    },
    output: {
      // The content check rejects "" and null for optional fields: leave them out instead.
      omit_empty_optional_fields: true,
      // Quoted strings, so "2019-09-25" and "08:30" stay text for js-yaml (the content check's and
      // Astro's YAML reader turns an unquoted date into a Date).
      yaml: { quote: 'double' },
    },
    collections,
  };
}

/** Fields of a zod object, in schema order. */
function objectFields(schema: z.ZodObject, path: string, zone: string): CmsField[] {
  const json = jsonSchema(schema);
  const required = new Set(Array.isArray(json.required) ? (json.required as string[]) : []);
  return Object.entries(schema.shape).map(([name, field]) => editorField(name, field as Schema, `${path}.${name}`, required.has(name), zone));
}

function editorField(name: string, field: Schema, path: string, required: boolean, zone: string): CmsField {
  const text = editorText(path);
  // Hints name the programme's zone in words ("svensk tid", "finsk tid"), as the site does.
  const hint = text.hint.replaceAll('{tid}', timeZoneLabel(zone));
  const { schema, defaultValue } = unwrap(field);
  const base: BaseField = { name, label: text.label, hint, required };
  const editorDefault = path in EDITOR_DEFAULTS ? EDITOR_DEFAULTS[path] : defaultValue;
  const withDefault = editorDefault === undefined || (Array.isArray(editorDefault) && editorDefault.length === 0) ? {} : { default: editorDefault };
  const kind = schema._zod.def.type;

  if (schema === instantField) {
    // Entered in the programme's zone and written with its offset, "2019-09-23T13:57:00+02:00", as the
    // schema wants. Sveltia's default output for a named input zone: ISO 8601 with seconds and offset.
    return { ...base, widget: 'datetime', input_timezone: zone, output_utc: false };
  }
  if (schema === localDateField) return { ...base, widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' };
  if (schema === localTimeField) return { ...base, widget: 'datetime', type: 'time', format: 'HH:mm' };
  if (schema === pictureField) {
    const [src, ...rest] = objectFields(pictureField, path, zone);
    // An image picker instead of a text input; it uploads into the collection's bilder/ folder.
    const { pattern: _pattern, ...image } = src!;
    // Only the formats the content check accepts: a HEIC photo is refused here, not after the commit.
    return { ...base, widget: 'object', collapsed: false, fields: [{ ...image, widget: 'image', accept: PICTURE_ACCEPT }, ...rest] };
  }
  if (schema === idField) return idEditorField(base, path, false, 0);
  if (kind === 'array') {
    const element = unwrap((schema._zod.def as unknown as { element: Schema }).element).schema;
    const minItems = Number(jsonSchema(schema).minItems ?? 0);
    const min = minItems > 0 ? { min: minItems } : {};
    if (element === idField) return idEditorField(base, path, true, minItems);
    if (element._zod.def.type === 'object') {
      return { ...base, widget: 'list', ...min, ...withDefault, summary: listSummary(element as z.ZodObject), fields: objectFields(element as z.ZodObject, path, zone) };
    }
    return { ...base, widget: 'list', ...min, ...withDefault, field: leaf(name, element, path, base) };
  }
  if (kind === 'object') return { ...base, widget: 'object', collapsed: false, fields: objectFields(schema as z.ZodObject, path, zone) };
  return { ...leaf(name, schema, path, base), ...withDefault };
}

/** A string, number, boolean or constant. */
function leaf(name: string, schema: Schema, path: string, base: BaseField): CmsField {
  const json = jsonSchema(schema);
  switch (json.type) {
    case 'boolean':
      return { ...base, name, widget: 'boolean' };
    case 'number':
      return { ...base, name, widget: 'number', value_type: 'float', ...(typeof json.minimum === 'number' ? { min: json.minimum } : {}), ...(typeof json.maximum === 'number' ? { max: json.maximum } : {}) };
    case 'string': {
      // A constant: kept in the file, not shown (Sveltia's hidden field takes no hint or required).
      if (typeof json.const === 'string') return { name, label: base.label, widget: 'hidden', default: json.const } as unknown as CmsField;
      const pattern = stringPattern(schema, json);
      const long = editorTextOrUndefined(path)?.long;
      return { ...base, name, widget: long ? 'text' : 'string', ...(pattern ? { pattern } : {}) };
    }
    default:
      throw new Error(`cms-config: no editor field type for ${path} (JSON Schema type ${String(json.type)}); extend src/lib/editor/cms-config.ts`);
  }
}

/** The schema's own pattern and its Swedish message; "not blank" for text that must not be empty. */
function stringPattern(schema: Schema, json: Record<string, unknown>): [string, string] | undefined {
  for (const check of (schema._zod.def as { checks?: { _zod: { def: Record<string, unknown> } }[] }).checks ?? []) {
    const def = check._zod.def;
    if (def.check === 'string_format' && def.pattern instanceof RegExp) return [def.pattern.source, issueMessage(def)];
  }
  if (json.format === 'uri') return ['^https?://\\S+$', 'ska vara en webbadress som börjar med https://'];
  if (typeof json.minLength === 'number' && json.minLength > 0) {
    const check = ((schema._zod.def as { checks?: { _zod: { def: Record<string, unknown> } }[] }).checks ?? []).find((entry) => entry._zod.def.check === 'min_length');
    return ['\\S', check ? issueMessage(check._zod.def) : 'får inte vara tomt'];
  }
  return undefined;
}

function issueMessage(def: Record<string, unknown>): string {
  const message = typeof def.error === 'function' ? (def.error as (issue: unknown) => unknown)({ input: '' }) : undefined;
  return typeof message === 'string' ? message : 'har fel form';
}

function idEditorField(base: BaseField, path: string, multiple: boolean, min: number): CmsField {
  if (OWN_IDS.has(path)) {
    const pattern = stringPattern(idField, jsonSchema(idField));
    return { ...base, widget: 'string', ...(pattern ? { pattern } : {}) };
  }
  const target = RELATIONS[path];
  if (!target) throw new Error(`cms-config: ${path} is an id but no relation says which collection it points to; add it to RELATIONS in src/lib/editor/cms-config.ts`);
  return {
    ...base,
    widget: 'relation',
    collection: target,
    // The referenced file's name without extension: the id the content check resolves.
    value_field: '{{slug}}',
    search_fields: ['name'],
    display_fields: ['name'],
    multiple,
    ...(min > 0 ? { min } : {}),
  };
}

function listSummary(schema: z.ZodObject): string {
  const keys = Object.keys(schema.shape);
  // Only required fields: Sveltia shows no summary when a placeholder has no value.
  if (keys.includes('title')) return '{{fields.title}}';
  return keys.map((key) => `{{fields.${key}}}`).slice(0, 3).join(' ');
}

/** Strips optional/default wrappers; keeps the schema's default value. */
function unwrap(field: Schema): { schema: Schema; defaultValue: unknown } {
  let schema = field;
  let defaultValue: unknown;
  for (;;) {
    const def = schema._zod.def as { type: string; innerType?: Schema; defaultValue?: unknown };
    if (def.type === 'default') defaultValue = def.defaultValue;
    if ((def.type === 'optional' || def.type === 'default') && def.innerType) schema = def.innerType;
    else return { schema, defaultValue };
  }
}

function jsonSchema(schema: Schema): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

function editorTextOrUndefined(path: string): EditorText | undefined {
  return editorFields[path];
}

/**
 * A field without a Swedish label still gets an editor field (named after the field), so a schema
 * change never stops the build; the build warns and tests/unit/cms-config.test.ts fails.
 */
function editorText(path: string): EditorText {
  const text = editorFields[path];
  if (text) return text;
  const name = path.split('.').at(-1)!;
  return { label: name, hint: '' };
}

/** Schema fields with no Swedish label in src/i18n/editor.ts. */
export function fieldsWithoutLabel(): string[] {
  const missing: string[] = [];
  const walk = (schema: z.ZodObject, prefix: string) => {
    for (const [name, field] of Object.entries(schema.shape)) {
      const here = `${prefix}.${name}`;
      if (!editorFields[here]) missing.push(here);
      let inner = unwrap(field as Schema).schema;
      if (inner._zod.def.type === 'array') inner = unwrap((inner._zod.def as unknown as { element: Schema }).element).schema;
      if (inner._zod.def.type === 'object') walk(inner as z.ZodObject, here);
    }
  };
  for (const spec of COLLECTIONS) walk(EDITOR_SCHEMAS[spec.name], spec.name);
  return missing;
}
