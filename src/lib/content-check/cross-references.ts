import type { Contact } from '../../schemas/contact.ts';
import type { Programme } from '../../schemas/programme.ts';
import { checkReferences } from '../references.ts';
import type { CheckedRelease } from './releases.ts';
import { CONTENT_LAYOUT, missingDisplay, type ContentFolder } from './source.ts';
import { fieldName, parseFieldName, sentence } from './text.ts';
import type { Problem, SourceFile } from './types.ts';
import type { YamlSource } from './yaml.ts';

export interface KeyedFile<T> {
  file: SourceFile;
  ids: string[];
  valid: { id: string; data: T }[];
}

/**
 * Cross-file ids, through checkReferences (src/lib/references.ts). A list that could not be read
 * counts as holding every id, so one broken file does not bury the report in follow-on errors.
 */
export function crossReferences(input: {
  programme: { data: Programme; file: string } | undefined;
  speakers: KeyedFile<unknown> | undefined;
  contacts: KeyedFile<Contact> | undefined;
  organisations: KeyedFile<unknown> | undefined;
  releases: readonly CheckedRelease[];
  sources: Map<string, YamlSource>;
  folder: ContentFolder;
}): Problem[] {
  const { programme, releases } = input;
  const data: Programme = programme?.data ?? referenceView(undefined);
  const everything = new Set<string>([
    UNREADABLE,
    ...data.sessions.flatMap((session) => session.speakers),
    ...data.organisers,
    ...(data.supporter ? [data.supporter] : []),
    ...data.contacts,
    ...releases.flatMap((release) => [...release.data.contacts, ...release.data.organisations]),
    ...(input.contacts?.valid.map((contact) => contact.data.organisation) ?? []),
  ]);
  const ids = (file: KeyedFile<unknown> | undefined) => (file ? [UNREADABLE, ...file.ids] : [...everything]);
  // A contact that failed the schema still exists; its own fields were reported already.
  const contacts = input.contacts
    ? input.contacts.ids.map(
        (id) => input.contacts?.valid.find((contact) => contact.id === id) ?? { id, data: { organisation: UNREADABLE } as Contact },
      )
    : [...everything].map((id) => ({ id, data: { organisation: UNREADABLE } as Contact }));
  const found = checkReferences({
    programme: { file: programme?.file ?? '', data },
    speakerIds: ids(input.speakers),
    contacts: [{ id: UNREADABLE, data: { organisation: UNREADABLE } as Contact }, ...contacts],
    organisationIds: ids(input.organisations),
    releases: releases.map((release) => ({ file: release.file, data: release.data })),
    files: {
      speakers: missingDisplay(input.folder, CONTENT_LAYOUT.speakers),
      contacts: missingDisplay(input.folder, CONTENT_LAYOUT.contacts),
      organisations: missingDisplay(input.folder, CONTENT_LAYOUT.organisations),
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

