import type { Programme } from '../../schemas/programme.ts';
import type { ReleaseData } from '../../schemas/release.ts';
import type { Contact } from '../../schemas/contact.ts';
import { closest } from './closest.ts';

/** A content problem an editor must fix; `path` names the field ("sessions[0].speakers[1]"). */
export interface ContentProblem {
  file: string;
  path: string;
  message: string;
}

export interface ReferenceInput {
  programme: { file: string; data: Programme };
  speakerIds: readonly string[];
  /** Contacts whose own fields could be read, with their files, for their organisation reference. */
  contacts: readonly { id: string; file: string; data: Pick<Contact, 'organisation'> }[];
  /** Every contact id that exists, whether or not its file passed the schema. */
  contactIds: readonly string[];
  organisationIds: readonly string[];
  releases: readonly { file: string; data: ReleaseData }[];
  /** The folders entries live in, one `<id>.yaml` each: "content/talare". */
  folders: { speakers: string; contacts: string; organisations: string };
}

/** Every id that points at a speaker, contact or organisation must exist. Returns all misses. */
export function checkReferences(input: ReferenceInput): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const speakers = new Set(input.speakerIds);
  const contacts = new Set(input.contactIds);
  const organisations = new Set(input.organisationIds);

  const expect = (known: Set<string>, kind: string, folder: string, file: string, path: string, id: string) => {
    if (!known.has(id)) {
      problems.push({
        file,
        path,
        message: `hänvisar till ${kind} "${id}", men det finns ingen fil ${folder}/${id}.yaml${suggestion(id, known)}`,
      });
    }
  };

  const { file: programmeFile, data } = input.programme;
  data.sessions.forEach((session, i) =>
    session.speakers.forEach((id, j) =>
      expect(speakers, 'föreläsaren', input.folders.speakers, programmeFile, `sessions[${i}].speakers[${j}]`, id),
    ),
  );
  data.organisers.forEach((id, i) =>
    expect(organisations, 'organisationen', input.folders.organisations, programmeFile, `organisers[${i}]`, id),
  );
  if (data.supporter) {
    expect(organisations, 'organisationen', input.folders.organisations, programmeFile, 'supporter', data.supporter);
  }
  data.contacts.forEach((id, i) =>
    expect(contacts, 'kontaktpersonen', input.folders.contacts, programmeFile, `contacts[${i}]`, id),
  );
  for (const contact of input.contacts) {
    expect(organisations, 'organisationen', input.folders.organisations, contact.file, 'organisation', contact.data.organisation);
  }
  for (const release of input.releases) {
    release.data.contacts.forEach((id, i) =>
      expect(contacts, 'kontaktpersonen', input.folders.contacts, release.file, `contacts[${i}]`, id),
    );
    release.data.organisations.forEach((id, i) =>
      expect(organisations, 'organisationen', input.folders.organisations, release.file, `organisations[${i}]`, id),
    );
  }
  return problems;
}

function suggestion(id: string, known: Set<string>): string {
  const close = closest(id, [...known]);
  return close ? `. Menade du "${close}"?` : '';
}
