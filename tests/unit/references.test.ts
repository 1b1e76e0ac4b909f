import { describe, expect, it } from 'vitest';
import { checkReferences, type ReferenceInput } from '../../src/lib/content-check/references.ts';
import { programmeSchema } from '../../src/schemas/programme.ts';
import { releaseSchema } from '../../src/schemas/release.ts';

const folders = { speakers: 'content/talare', contacts: 'content/kontakter', organisations: 'content/organisationer' };

function input(overrides: { speakers?: string[]; releaseContacts?: string[]; organisers?: string[]; contactOrganisation?: string } = {}): ReferenceInput {
  const programme = programmeSchema.parse({
    name: 'Konferens',
    summary: 'Kort',
    audience: 'Alla',
    organisers: overrides.organisers ?? ['lansstyrelsen-varmland'],
    supporter: 'socialstyrelsen',
    contacts: ['isabel-persson'],
    venue: { name: 'Selma Spa', town: 'Sunne' },
    days: [{ date: '2019-09-25', start: '11:00', end: '16:30' }],
    sessions: [{ id: 'a', title: 'A', speakers: overrides.speakers ?? ['simon-haggstrom'] }],
  });
  const release = releaseSchema.parse({
    title: 'R',
    published: '2019-09-23T13:57:00+02:00',
    organisations: ['lansstyrelsen-varmland'],
    contacts: overrides.releaseContacts ?? ['isabel-persson'],
  });
  return {
    programme: { file: 'content/program.yaml', data: programme },
    speakerIds: ['simon-haggstrom', 'mia-schyberg'],
    contacts: [{ id: 'isabel-persson', file: 'content/kontakter/isabel-persson.yaml', data: { organisation: overrides.contactOrganisation ?? 'lansstyrelsen-varmland' } }],
    contactIds: ['isabel-persson'],
    organisationIds: ['lansstyrelsen-varmland', 'socialstyrelsen'],
    releases: [{ file: 'content/pressmeddelanden/r.md', data: release }],
    folders,
  };
}

describe('checkReferences', () => {
  it('finds nothing wrong with consistent content', () => {
    expect(checkReferences(input())).toEqual([]);
  });

  it('names the file, the field and the unknown speaker, and suggests a near miss', () => {
    expect(checkReferences(input({ speakers: ['simon-hagstrom', 'okand-person'] }))).toEqual([
      {
        file: 'content/program.yaml',
        path: 'sessions[0].speakers[0]',
        message: 'hänvisar till föreläsaren "simon-hagstrom", men det finns ingen fil content/talare/simon-hagstrom.yaml. Menade du "simon-haggstrom"?',
      },
      {
        file: 'content/program.yaml',
        path: 'sessions[0].speakers[1]',
        message: 'hänvisar till föreläsaren "okand-person", men det finns ingen fil content/talare/okand-person.yaml',
      },
    ]);
  });

  it('reports unknown contacts in releases and unknown organisers, all at once', () => {
    const problems = checkReferences(input({ releaseContacts: ['nobody'], organisers: ['lansstyrelsen-dalarna'] }));
    expect(problems.map((problem) => `${problem.file} ${problem.path}`)).toEqual([
      'content/program.yaml organisers[0]',
      'content/pressmeddelanden/r.md contacts[0]',
    ]);
  });

  it("checks a contact's organisation in the contact's own file", () => {
    expect(checkReferences(input({ contactOrganisation: 'lansstyrelsen-orebro' }))).toEqual([
      {
        file: 'content/kontakter/isabel-persson.yaml',
        path: 'organisation',
        message: 'hänvisar till organisationen "lansstyrelsen-orebro", men det finns ingen fil content/organisationer/lansstyrelsen-orebro.yaml',
      },
    ]);
  });
});
