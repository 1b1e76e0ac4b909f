import type { Programme } from '../schemas/programme.ts';
import type { ReleaseData } from '../schemas/release.ts';
import type { Contact } from '../schemas/contact.ts';
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
  contacts: readonly { id: string; data: Contact }[];
  organisationIds: readonly string[];
  releases: readonly { file: string; data: ReleaseData }[];
  files: { speakers: string; contacts: string; organisations: string };
}

/** Every id that points at a speaker, contact or organisation must exist. Returns all misses. */
export function checkReferences(input: ReferenceInput): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const speakers = new Set(input.speakerIds);
  const contacts = new Set(input.contacts.map((contact) => contact.id));
  const organisations = new Set(input.organisationIds);

  const expect = (known: Set<string>, kind: string, listFile: string, file: string, path: string, id: string) => {
    if (!known.has(id)) {
      problems.push({
        file,
        path,
        message: `hänvisar till ${kind} "${id}", som inte finns i ${listFile}${suggestion(id, known)}`,
      });
    }
  };

  const { file: programmeFile, data } = input.programme;
  data.sessions.forEach((session, i) =>
    session.speakers.forEach((id, j) =>
      expect(speakers, 'föreläsaren', input.files.speakers, programmeFile, `sessions[${i}].speakers[${j}]`, id),
    ),
  );
  data.organisers.forEach((id, i) =>
    expect(organisations, 'organisationen', input.files.organisations, programmeFile, `organisers[${i}]`, id),
  );
  if (data.supporter) {
    expect(organisations, 'organisationen', input.files.organisations, programmeFile, 'supporter', data.supporter);
  }
  data.contacts.forEach((id, i) =>
    expect(contacts, 'kontaktpersonen', input.files.contacts, programmeFile, `contacts[${i}]`, id),
  );
  for (const contact of input.contacts) {
    expect(organisations, 'organisationen', input.files.organisations, input.files.contacts, `${contact.id}.organisation`, contact.data.organisation);
  }
  for (const release of input.releases) {
    release.data.contacts.forEach((id, i) =>
      expect(contacts, 'kontaktpersonen', input.files.contacts, release.file, `contacts[${i}]`, id),
    );
    release.data.organisations.forEach((id, i) =>
      expect(organisations, 'organisationen', input.files.organisations, release.file, `organisations[${i}]`, id),
    );
  }
  return problems;
}

function suggestion(id: string, known: Set<string>): string {
  const close = closest(id, [...known]);
  return close ? `. Menade du "${close}"?` : '';
}
