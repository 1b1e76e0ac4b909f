import type { Contact } from '../../schemas/contact.ts';
import type { Programme } from '../../schemas/programme.ts';
import { checkReferences } from './references.ts';
import type { CheckedRelease } from './releases.ts';
import { CONTENT_LAYOUT, type ContentFolder } from './source.ts';
import { fieldName, parseFieldName, sentence } from './text.ts';
import type { Problem } from './types.ts';
import type { YamlSource } from './yaml.ts';

/** The entries of one folder with a file per entry: every id found, and the entries that passed the schema. */
export interface EntityFiles<T> {
  ids: string[];
  valid: { id: string; file: string; source: YamlSource; data: T }[];
}

/** Cross-file ids, through checkReferences (src/lib/content-check/references.ts). */
export function crossReferences(input: {
  programme: { data: Programme; file: string } | undefined;
  speakers: EntityFiles<unknown>;
  contacts: EntityFiles<Contact>;
  organisations: EntityFiles<unknown>;
  releases: readonly CheckedRelease[];
  sources: Map<string, YamlSource>;
  folder: ContentFolder;
}): Problem[] {
  const { programme, releases } = input;
  const data: Programme = programme?.data ?? referenceView(undefined);
  const ids = (entities: EntityFiles<unknown>) => [UNREADABLE, ...entities.ids];
  const folder = (name: string) => `${input.folder.displayDir}/${name}`;
  const found = checkReferences({
    programme: { file: programme?.file ?? '', data },
    speakerIds: ids(input.speakers),
    contacts: input.contacts.valid.map(({ id, file, data: contact }) => ({ id, file, data: contact })),
    // A contact that failed the schema still exists; its own fields were reported already.
    contactIds: ids(input.contacts),
    organisationIds: ids(input.organisations),
    releases: releases.map((release) => ({ file: release.file, data: release.data })),
    folders: {
      speakers: folder(CONTENT_LAYOUT.speakers),
      contacts: folder(CONTENT_LAYOUT.contacts),
      organisations: folder(CONTENT_LAYOUT.organisations),
    },
  });
  return found.map((problem) => {
      const segments = parseFieldName(problem.path);
      const source = input.sources.get(problem.file);
      return {
        severity: 'error' as const,
        file: problem.file,
        ...(source ? { position: source.locate(segments).position } : {}),
        field: fieldName(segments),
        message: `Fältet ${sentence(problem.message)}`,
      };
    });
}

/** Stands for a value that is not an id at all (the schema reported it); every list "holds" it. */
const UNREADABLE = '\u0000';

/**
 * The ids a programme refers to, taken from its raw YAML when it fails the schema, keeping every
 * list position so "sessions[2].speakers[0]" still points at the right line.
 */
export function referenceView(raw: unknown): Programme {
  const object = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  const ids = (value: unknown) => (Array.isArray(value) ? value.map((id) => (typeof id === 'string' ? id : UNREADABLE)) : []);
  const data = object(raw);
  const view = {
    sessions: (Array.isArray(data.sessions) ? data.sessions : []).map((session) => ({ speakers: ids(object(session).speakers) })),
    organisers: ids(data.organisers),
    contacts: ids(data.contacts),
    supporter: typeof data.supporter === 'string' ? data.supporter : undefined,
  };
  // Only the fields checkReferences reads are filled in.
  return view as unknown as Programme;
}

