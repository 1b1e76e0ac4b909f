import path from 'node:path';
import type { z } from 'astro/zod';
import { contactSchema } from '../../schemas/contact.ts';
import { organisationSchema } from '../../schemas/organisation.ts';
import { pageSchema } from '../../schemas/page.ts';
import { DEFAULT_TIME_ZONE, programmeSchema, type Programme } from '../../schemas/programme.ts';
import { releaseSchema } from '../../schemas/release.ts';
import { speakerSchema } from '../../schemas/speaker.ts';
import { idField } from '../../schemas/fields.ts';
import { crossReferences, referenceView } from './cross-references.ts';
import { checkMarkdownBody, markdownPicturePaths } from './markdown.ts';
import { checkContacts } from './people.ts';
import { checkPicture, PICTURE_FOLDER, type PictureUse } from './pictures.ts';
import { checkProgramme } from './programme.ts';
import { checkReleases, checkUnquotedInstants, type CheckedRelease } from './releases.ts';
import { validate } from './schema.ts';
import { CONTENT_LAYOUT, missingDisplay, readContentFolder, splitFrontmatter, type ContentFolder, type EntityKind } from './source.ts';
import type { Problem, SourceFile } from './types.ts';
import { parseYamlSource, type YamlSource } from './yaml.ts';
import type { EntityFiles } from './cross-references.ts';
import { slugify } from '../core/slug.ts';

export interface CheckOptions {
  /** The build's clock (src/lib/core/status.ts buildTime()); releases after it get a warning. */
  now: Date;
}

/** Reads the content folder and checks it. `displayRoot` is what paths in messages are relative to. */
export async function checkContentFolder(dir: string, options: CheckOptions & { displayRoot?: string }): Promise<Problem[]> {
  return checkContent(await readContentFolder(dir, options.displayRoot), options);
}

/**
 * Every check on the editors' content, in one pass, so a build lists all problems at once:
 * YAML syntax, the site's zod schemas, references between files, programme times, release
 * addresses, Markdown safety, and warnings. Pure: takes the files in memory.
 */
export function checkContent(folder: ContentFolder, options: CheckOptions): Problem[] {
  const problems: Problem[] = [];
  const display = (name: string) => folder.files.get(name)?.display ?? name;
  const sources = new Map<string, YamlSource>();

  for (const { display: file, code } of folder.unreadable ?? []) {
    problems.push({ severity: 'error', file, message: unreadableMessage(code) });
  }
  const unreadable = new Set((folder.unreadable ?? []).map(({ name }) => name));
  for (const name of [CONTENT_LAYOUT.programme, ...CONTENT_LAYOUT.requiredPages]) {
    if (!folder.files.has(name) && !unreadable.has(name)) {
      problems.push({
        severity: 'error',
        file: missingDisplay(folder, name),
        message: 'Filen saknas. Webbplatsen kan inte byggas utan den; återställ den från git (till exempel på GitHub under "History").',
      });
    }
  }

  const parse = (file: SourceFile, text = file.text, lineOffset = 0, timestamps = false): YamlSource | undefined => {
    const source = parseYamlSource(text, lineOffset, { timestamps });
    for (const error of source.errors) {
      problems.push({ severity: 'error', file: file.display, position: error.position, message: error.message });
    }
    if (source.errors.length > 0) return undefined;
    sources.set(file.display, source);
    return source;
  };

  // One file per entry, named by its id: each file validated on its own.
  const entityFiles = <S extends z.ZodType>(kind: EntityKind, schema: S): EntityFiles<z.output<S>> => {
    const ids: string[] = [];
    const valid: EntityFiles<z.output<S>>['valid'] = [];
    for (const name of folder.entities[kind]) {
      const file = folder.files.get(name);
      if (!file) continue;
      const id = path.posix.basename(name, '.yaml');
      ids.push(id);
      if (!idField.safeParse(id).success) {
        problems.push({
          severity: 'error',
          file: file.display,
          position: { line: 1, column: 1 },
          message: `Filnamnet är också postens id, och "${id}" får bara innehålla små bokstäver a–z, siffror och bindestreck. Döp om filen, till exempel till ${suggestedFileName(id)}.`,
        });
      }
      const source = parse(file);
      if (!source) continue;
      const result = validate(schema, source.value ?? {}, source, file.display);
      problems.push(...result.problems);
      if (result.data !== undefined) valid.push({ id, file: file.display, source, data: result.data });
    }
    return { ids, valid };
  };

  const speakers = entityFiles('speakers', speakerSchema);
  const contacts = entityFiles('contacts', contactSchema);
  const organisations = entityFiles('organisations', organisationSchema);
  problems.push(...checkContacts(contacts.valid));

  let programme: { data: Programme; file: string } | undefined;
  const programmeFile = folder.files.get(CONTENT_LAYOUT.programme);
  if (programmeFile) {
    const source = parse(programmeFile);
    if (source) {
      const result = validate(programmeSchema, source.value ?? {}, source, programmeFile.display);
      problems.push(...result.problems);
      problems.push(...checkProgramme(source.value, source, programmeFile.display));
      programme = { data: result.data ?? referenceView(source.value), file: programmeFile.display };
    }
  }

  // Markdown files: frontmatter against the schema, then the body.
  const markdown = <S extends z.ZodType>(name: string, schema: S) => {
    const file = folder.files.get(name);
    if (!file) return undefined;
    const split = splitFrontmatter(file.text);
    problems.push(...checkMarkdownBody(split.body, split.bodyLineOffset, file.display));
    if (name.startsWith(`${CONTENT_LAYOUT.releases}/`)) {
      // Every file under the releases folder is listed, so a picture there that is not found is missing.
      for (const { src, position } of markdownPicturePaths(split.body, split.bodyLineOffset)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(name), decodeURI(src.replace(/[?#].*$/, ''))));
        if (!target.startsWith(`${CONTENT_LAYOUT.releases}/`) || folder.files.has(target) || folder.pictures.has(target)) continue;
        problems.push({
          severity: 'error',
          file: file.display,
          position,
          message:
            `Det finns ingen bildfil ${folder.displayDir}/${target}. Lägg bilden i mappen ${folder.displayDir}/${path.posix.dirname(name)}/bilder/ ` +
            `och skriv ![Beskrivning](./bilder/${path.posix.basename(target)}), eller rätta namnet (stora och små bokstäver räknas).`,
        });
      }
    }
    if (!split.frontmatter) {
      problems.push({
        severity: 'error',
        file: file.display,
        position: { line: 1, column: 1 },
        message: split.unclosed
          ? 'Fälten överst i filen avslutas aldrig. Lägg till en rad med bara --- efter det sista fältet, före texten.'
          : 'Filen börjar inte med fälten (frontmatter). Första raden ska vara ---, sedan fälten (title, published …), sedan en rad med bara ---.',
      });
      return undefined;
    }
    const source = parse(file, split.frontmatter.text, split.frontmatter.lineOffset, true);
    if (!source) return undefined;
    const result = validate(schema, source.value ?? {}, source, file.display);
    problems.push(...result.problems);
    if (name.startsWith(`${CONTENT_LAYOUT.releases}/`)) problems.push(...checkUnquotedInstants(source, file.display));
    return result.data === undefined ? undefined : { file: file.display, data: result.data as z.output<S>, source };
  };

  const releaseName = (name: string) => name.slice(CONTENT_LAYOUT.releases.length + 1);
  const releases: CheckedRelease[] = folder.releases.flatMap((name) => {
    const checked = markdown(name, releaseSchema);
    return checked ? [{ ...checked, name: releaseName(name) }] : [];
  });
  for (const name of folder.pages) {
    problems.push(...checkPageName(name, display(name)));
    markdown(name, pageSchema);
  }
  problems.push(...checkReleases(releases, options.now, programmeTimeZone(programme?.data), folder.releases.map(releaseName)));

  // Pictures: the file each picture field names, its format, alt text and size.
  const nameOf = new Map([...folder.files.values()].map((file) => [file.display, file.name]));
  const pictureUses: PictureUse[] = [
    ...releases.flatMap(({ file, source, data }) =>
      data.image ? [{ file: { name: nameOf.get(file) ?? file, display: file }, source, at: ['image'], picture: data.image, shared: true }] : [],
    ),
    ...speakers.valid.flatMap(({ file, source, data }) =>
      data.photo ? [{ file: { name: nameOf.get(file) ?? file, display: file }, source, at: ['photo'], picture: data.photo, shared: false }] : [],
    ),
  ];
  for (const use of pictureUses) problems.push(...checkPicture(use, folder.pictures, folder.displayDir));

  // A picture outside a bilder/ folder is not a misnamed entry: it needs moving, never renaming to
  // .yaml or .md. One named by a picture field already has the error saying so.
  const namedPictures = new Set(pictureUses.map(({ file, picture }) => path.posix.normalize(path.posix.join(path.posix.dirname(file.name), picture.src))));
  const strayPicture = (name: string) => PICTURE_FILE_NAME.test(name);
  for (const name of [...folder.ignoredEntityFiles, ...folder.ignoredReleaseFiles].filter(strayPicture)) {
    if (namedPictures.has(name)) continue;
    const folderShown = `${folder.displayDir}/${path.posix.dirname(name)}/${PICTURE_FOLDER}/`;
    problems.push({
      severity: 'warning',
      file: display(name),
      message: `Bilden kommer inte med på webbplatsen: bilder ska ligga i mappen ${folderShown}. Flytta den dit och skriv ./${PICTURE_FOLDER}/${path.posix.basename(name)} där den används.`,
    });
  }

  for (const name of folder.ignoredEntityFiles.filter((name) => !strayPicture(name))) {
    problems.push({
      severity: 'warning',
      file: display(name),
      message: `Filen kommer inte med på webbplatsen: i ${folder.displayDir}/${path.posix.dirname(name)}/ läses bara filer som slutar på .yaml. Döp om den till ${path.posix.basename(name).replace(/\.[^.]*$/, '')}.yaml om den ska användas.`,
    });
  }

  for (const name of folder.ignoredReleaseFiles.filter((name) => !strayPicture(name))) {
    problems.push({
      severity: 'warning',
      file: display(name),
      message: `Filen kommer inte med på webbplatsen: bara filer som slutar på .md eller .mdx blir pressmeddelanden. Döp om den till ${path.posix.basename(name).replace(/\.[^.]*$/, '')}.md om den ska publiceras.`,
    });
  }

  problems.push(...crossReferences({ programme, speakers, contacts, organisations, releases, sources, folder }));
  return sortProblems(problems);
}

/** File names the check takes for pictures, whatever their content: formats the site shows or rejects. */
const PICTURE_FILE_NAME = /\.(jpe?g|png|webp|avif|gif|tiff?|heic|heif|svg)$/i;

/** Why a path that exists could not be read, and what to do, in Swedish. */
function unreadableMessage(code: string): string {
  if (code === 'EISDIR') return 'Det här är en mapp, men här ska det vara en fil. Ta bort eller döp om mappen och lägg filen här.';
  if (code === 'ENOTDIR') return 'Det här är en fil, men här ska det vara en mapp. Döp om filen och skapa mappen.';
  if (code === 'EACCES' || code === 'EPERM') {
    return 'Filen eller mappen kunde inte läsas: behörighet saknas. Ge ditt konto läsrätt (till exempel med "chmod u+r"), eller hämta den på nytt från git.';
  }
  return `Filen eller mappen kunde inte läsas (${code}). Kontrollera att den finns och går att öppna, eller hämta den på nytt från git.`;
}

/** The programme's time zone when it has a valid one, else the schema's default. */
function programmeTimeZone(data: Partial<Programme> | undefined): string {
  const parsed = programmeSchema.shape.timezone.safeParse(data?.timezone);
  return parsed.success ? parsed.data : DEFAULT_TIME_ZONE;
}

/** By file, then line and column; the order editors read a file in. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file, 'sv') ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0),
  );
}

/** A page's file name is its address (/<name>/): it must be a valid id and not one another route uses. */
function checkPageName(name: string, file: string): Problem[] {
  const base = path.posix.basename(name);
  const id = base.replace(/\.mdx?$/, '');
  const extension = base.slice(id.length);
  if (!idField.safeParse(id).success) {
    return [
      {
        severity: 'error',
        file,
        position: { line: 1, column: 1 },
        message: `Filnamnet blir sidans adress (/${id}/) och får bara innehålla små bokstäver a–z, siffror och bindestreck. Döp om filen, till exempel till ${slugify(id) || 'sida'}${extension}.`,
      },
    ];
  }
  if ((CONTENT_LAYOUT.reservedPageNames as readonly string[]).includes(id)) {
    return [
      {
        severity: 'error',
        file,
        position: { line: 1, column: 1 },
        message: `Filnamnet blir sidans adress, och /${id}/ används redan av webbplatsen. Döp om filen till något annat, till exempel om-${id}${extension}.`,
      },
    ];
  }
  return [];
}

/** "Simon Häggström.yaml" → "simon-haggstrom.yaml": what the file should be called. */
function suggestedFileName(id: string): string {
  return `${slugify(id) || 'namn'}.yaml`;
}
