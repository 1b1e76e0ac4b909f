import type { ContentFolder } from '../../src/lib/content-check/source.ts';

/** A content folder held in memory, for checkContent without a disk: files by name ("pressmeddelanden/a.md"). */
export function inMemoryFolder(files: Record<string, string>): ContentFolder {
  return {
    files: new Map(Object.entries(files).map(([name, text]) => [name, { name, display: `content/${name}`, text }])),
    releases: Object.keys(files).filter((name) => name.startsWith('pressmeddelanden/')),
    pages: Object.keys(files).filter((name) => name.startsWith('sidor/')),
    entities: { speakers: [], contacts: [], organisations: [] },
    ignoredReleaseFiles: [],
    ignoredEntityFiles: [],
    pictures: new Map(),
    displayDir: 'content',
  };
}
