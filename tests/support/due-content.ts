import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readContentFolder } from '../../src/lib/content-check/source.ts';
import { buildFileText, clockedContent, clockedInstants, nextDue } from '../../src/lib/publishing/due.ts';

// Invented content for the due tests: one conference day that starts at midnight Swedish time, so
// the status change falls on a date boundary that UTC does not share (00:00 CEST is 22:00 UTC the
// day before).
const PROGRAMME = `name: Testkonferens
summary: En konferens för testerna
audience: Testare.
organisers: [testorganisation]
timezone: Europe/Stockholm
venue:
  name: Testlokalen
  town: Teststad
days:
  - date: "2019-09-25"
    start: "00:00"
    end: "16:30"
`;

/** A release file's text. */
export const release = (title: string, published: string, extra = '') =>
  `---\ntitle: ${title}\npublished: "${published}"\norganisations:\n  - testorganisation\n${extra}---\n\nText.\n`;

/** Writes a content folder (the programme and the given release files) under `root`; returns its path. */
export async function contentWith(root: string, releases: Record<string, string>): Promise<string> {
  const dir = path.join(root, 'content');
  await mkdir(path.join(dir, 'pressmeddelanden'), { recursive: true });
  await writeFile(path.join(dir, 'program.yaml'), PROGRAMME);
  for (const [file, text] of Object.entries(releases)) await writeFile(path.join(dir, 'pressmeddelanden', file), text);
  return dir;
}

/** The next instant something comes due in a content folder, seen from a build at `clock`. */
export async function nextDueIn(dir: string, clock: Date): Promise<Date | undefined> {
  const content = clockedContent(await readContentFolder(dir, path.dirname(dir)));
  return nextDue(clockedInstants(content, clock), clock);
}

/** The /build.json a build of `dir` at `clock` from `commit` writes. */
export async function buildFileOf(dir: string, clock: Date, commit?: string): Promise<string> {
  return buildFileText(clock, { commit, nextDue: await nextDueIn(dir, clock) });
}
