/**
 * Where each press release answers, and what its earlier addresses answer with.
 *
 * A release's address comes from its FILE NAME, not its headline: `2019-09-23-konferens.md` is
 * /pressmeddelanden/konferens/. `npm run ny` and the web editor name the file from the headline once,
 * when the release is created, and never rename it, so correcting a published headline never moves
 * its address. Moving one on purpose means renaming the file and listing the old address in
 * `previousAddresses`; withdrawing one means setting `withdrawn` (docs/redaktorer.md).
 *
 * The build (src/lib/content/content.ts), the content check and the deploy check
 * (scripts/check-addresses.ts) all go through this module, so they agree on every address.
 */
import { publicationState } from './releases.ts';
import { slugify } from '../core/slug.ts';
import { withBase } from '../core/urls.ts';

/** "2019-09-23-" at the start of a file name: the day `npm run ny` or the web editor created it. */
const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})-/;

/** Where the releases live, as the deployed address list names their files. */
export const RELEASE_FOLDER = 'content/pressmeddelanden';

/** The address list's path below the base: the deploy check reads the live site's copy. */
export const ADDRESS_FILE = 'pressmeddelanden/adresser.json';

/** The slug a file name asks for, and its creation date; `name` is relative to the releases folder. */
export function fileStem(name: string): { slug: string; date?: string } {
  const base = name.slice(name.lastIndexOf('/') + 1).replace(/\.mdx?$/, '');
  const date = DATE_PREFIX.exec(base)?.[1];
  const slug = slugify(date ? base.slice(date.length + 1) : base);
  return date ? { slug: slug || slugify(date), date } : { slug };
}

/** Slugs that would shadow another route: /pressmeddelanden/2/ is the list's second page. */
function reserved(slug: string): boolean {
  return slug === '' || /^\d+$/.test(slug);
}

/** Creation order: the date prefix, then the name, compared by code point so no locale can reorder. */
function byCreation(a: string, b: string): number {
  const [x, y] = [fileStem(a).date ?? '', fileStem(b).date ?? ''];
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The address slug of every release file (names relative to the releases folder), drafts and
 * scheduled ones included, so that publishing one never moves another. Two files asking for the
 * same slug never stop the build: the one created first (earliest date prefix) keeps it, every
 * later one gets its creation date added ("konferens-2019-09-25"). Adding a file never changes the
 * address of one created before it.
 */
export function releaseSlugs(names: readonly string[]): Map<string, string> {
  const sorted = [...names].sort(byCreation);
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  // In creation order, so a file's address never depends on a file created after it.
  for (const name of sorted) {
    const { slug, date } = fileStem(name);
    const stem = reserved(slug) || taken.has(slug) ? [slug || 'pressmeddelande', date].filter(Boolean).join('-') : slug;
    let candidate = stem;
    for (let n = 2; taken.has(candidate) || reserved(candidate); n += 1) candidate = `${stem}-${n}`;
    taken.add(candidate);
    slugs.set(name, candidate);
  }
  return slugs;
}

/** What a release's frontmatter says about its addresses, with its file name. */
export interface AddressedRelease {
  /** Path relative to the releases folder: "2019-09-23-konferens.md". */
  name: string;
  title: string;
  published: Date;
  draft: boolean;
  withdrawn?: Date | undefined;
  /** Earlier address slugs; each answers with a redirect to the current address. */
  previousAddresses: readonly string[];
}

const ADDRESS_KINDS = ['release', 'redirect', 'withdrawn'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

/** One line of /pressmeddelanden/adresser.json: an address that answers, and with what. */
export interface SiteAddress {
  /** Below the base path: "pressmeddelanden/konferens/". */
  path: string;
  /** The release's file: "content/pressmeddelanden/2019-09-23-konferens.md". */
  file: string;
  kind: AddressKind;
  /** The headline, for kind "release" only (a withdrawn headline appears in no built file). */
  title?: string;
  /** Where a redirect leads, below the base path. */
  to?: string;
  /** When the release was withdrawn, ISO 8601 in UTC, for kind "withdrawn" only. */
  withdrawn?: string;
}

const releasePath = (slug: string) => `pressmeddelanden/${slug}/`;

/**
 * Every release address that answers at `now`: each published release (or its withdrawal notice)
 * and each of its earlier addresses. Drafts and scheduled releases have none yet. An earlier
 * address that another release answers at, or that an earlier-created release already claims, is
 * left out (the content check reports it as an error). Sorted by path, so the list is byte-stable.
 */
export function siteAddresses(releases: readonly AddressedRelease[], now: Date, options: { unpublished?: boolean } = {}): SiteAddress[] {
  const slugs = releaseSlugs(releases.map((release) => release.name));
  const live = [...releases]
    .filter((release) => options.unpublished || publicationState(release, now) === 'published')
    .sort((a, b) => byCreation(a.name, b.name));
  const addresses: SiteAddress[] = [];
  const used = new Set<string>();
  for (const release of live) {
    const path = releasePath(slugs.get(release.name) ?? '');
    used.add(path);
    const file = `${RELEASE_FOLDER}/${release.name}`;
    addresses.push(
      release.withdrawn
        ? { path, file, kind: 'withdrawn', withdrawn: release.withdrawn.toISOString() }
        : { path, file, kind: 'release', title: release.title },
    );
  }
  for (const release of live) {
    const to = releasePath(slugs.get(release.name) ?? '');
    for (const previous of release.previousAddresses) {
      const path = releasePath(previous);
      if (used.has(path) || reserved(previous)) continue;
      used.add(path);
      addresses.push({ path, file: `${RELEASE_FOLDER}/${release.name}`, kind: 'redirect', to });
    }
  }
  return addresses.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The text of /pressmeddelanden/adresser.json. */
export function addressFileText(addresses: readonly SiteAddress[]): string {
  return `${JSON.stringify({ addresses }, null, 2)}\n`;
}

/** A Netlify/Cloudflare Pages `_redirects` file: one permanent redirect per earlier address. */
export function redirectsFileText(addresses: readonly SiteAddress[], base: string): string {
  const lines = addresses.flatMap((address) =>
    address.kind === 'redirect' && address.to ? [`${withBase(address.path, base)} ${withBase(address.to, base)} 301`] : [],
  );
  return ['# Pressmeddelanden som har flyttat (skrivs av bygget från previousAddresses).', ...lines, ''].join('\n');
}

/**
 * The address list in a file a deployed site serves; an error in Swedish when it is not one. Each
 * entry needs a path, a file and a kind (the deploy check and the deploy summary read it).
 */
export function parseAddressFile(text: string): SiteAddress[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('adresslistan är inte JSON');
  }
  const list = (parsed as { addresses?: unknown } | null)?.addresses;
  if (!Array.isArray(list)) throw new Error('adresslistan saknar "addresses"');
  return list.map((entry: unknown, index) => {
    const { path, file, kind } = (entry ?? {}) as Partial<SiteAddress>;
    if (typeof path !== 'string' || typeof file !== 'string') throw new Error(`adress nummer ${index + 1} saknar "path" eller "file"`);
    if (!ADDRESS_KINDS.includes(kind as AddressKind)) throw new Error(`adress nummer ${index + 1} har ingen känd "kind"`);
    return entry as SiteAddress;
  });
}

/** Live addresses the new build would no longer answer at, with neither a redirect nor a withdrawal notice. */
export function vanishedAddresses(live: readonly SiteAddress[], next: readonly SiteAddress[]): SiteAddress[] {
  const answering = new Set(next.map((address) => address.path));
  return live.filter((address) => !answering.has(address.path));
}

/** The deploy check's Swedish message for a vanished address. */
export function vanishedMessage(address: SiteAddress, base: string): string {
  const what = address.kind === 'release' && address.title ? `pressmeddelandet "${address.title}"` : 'ett pressmeddelande';
  return (
    `Adressen ${withBase(address.path, base)} (${what}, ${address.file}) finns på den publicerade webbplatsen men inte i det nya bygget, ` +
    'så länkar som redan har delats skulle sluta fungera. Döp inte om eller ta bort en publicerad fil: ' +
    'har adressen flyttats, skriv den gamla adressen under previousAddresses i den nya filen; ' +
    'ska pressmeddelandet bort, behåll filen och skriv när det drogs tillbaka under withdrawn (docs/redaktorer.md).'
  );
}
