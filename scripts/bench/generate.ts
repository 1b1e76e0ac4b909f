/**
 * Deterministic synthetic Swedish press releases for the benchmark. The same seed and count always
 * give byte-identical files, so two benchmark runs (and our build and the bare Astro site) read the
 * same Markdown. The vocabulary is deliberately small: that is the worst case for the search index,
 * where every common word points at most of the pages.
 *
 * Run alone: `node_modules/.bin/node scripts/bench/generate.ts --n 100 --out /tmp/releases [--pictures]`
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { isoWithOffset, zonedInstant } from '../../src/lib/core/dates.ts';
import { slugify } from '../../src/lib/core/slug.ts';
import { writePicture, type PictureSpec } from './pictures.ts';

export const DEFAULT_SEED = 20190925;

/** A generated release: file name inside content/pressmeddelanden/ and its full text. */
export interface GeneratedRelease {
  file: string;
  text: string;
  words: number;
  /** The press picture, in the pictures variant: its file in the releases' bilder/ folder. */
  picture?: { file: string; spec: PictureSpec };
}

/**
 * One release in this many belongs to a series whose long headlines share their first 80 characters
 * ("…, del 1", "…, del 2"), as a weekly series would: before addresses came from file names
 * (src/lib/content/addresses.ts), such headlines competed for one address and stopped the build.
 */
export const SERIES_EVERY = 100;
const SERIES_TITLE =
  'Länsstyrelserna i Värmland, Dalarna och Örebro bjuder in kommuner, regioner och ideella organisationer till en utbildningsdag om människohandel';

/** In the pictures variant, one release in this many has a press picture. */
export const PICTURE_EVERY = 10;
/**
 * Size of the generated press pictures: a photo as an editor might export it for the web. Every
 * picture has its own seed, so no two files are alike and Astro cannot reuse one's transforms.
 */
export const BENCH_PICTURE = { width: 1200, height: 800, format: 'jpeg' } as const;

/** Ids the frontmatter may refer to, read from the project's content/*.yaml. */
export interface ReferenceIds {
  organisations: string[];
  /** Contact id with the id of the organisation it belongs to. */
  contacts: { id: string; organisation: string }[];
}

/** A word that occurs in most generated releases; the benchmark searches for it (worst case). */
export const COMMON_SEARCH_WORD = 'socialtjänsten';

/** mulberry32: tiny, fast, good enough for text and identical on every platform. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOWNS = [
  'Sunne',
  'Karlstad',
  'Arvika',
  'Torsby',
  'Kristinehamn',
  'Säffle',
  'Hagfors',
  'Filipstad',
  'Falun',
  'Borlänge',
  'Mora',
  'Ludvika',
  'Avesta',
  'Hedemora',
  'Leksand',
  'Rättvik',
  'Älvdalen',
  'Örebro',
  'Karlskoga',
  'Lindesberg',
  'Kumla',
  'Hallsberg',
  'Askersund',
  'Nora',
  'Hällefors',
];
const COUNTIES = ['Värmlands län', 'Dalarnas län', 'Örebro län'];
const SUBJECTS = [
  'Länsstyrelsen',
  'Socialtjänsten',
  'Regionkoordinatorn',
  'Kommunen',
  'Kompetensnätverket',
  'Polisen',
  'Socialstyrelsen',
  'Ungdomsmottagningen',
  'Elevhälsan',
  'Migrationsverket',
];
const TOPICS = [
  'prostitution',
  'människohandel för sexuella ändamål',
  'sugardating',
  'sexuell exploatering av barn',
  'stöd till utsatta',
  'utbildning för socialtjänsten',
  'samverkan mellan myndigheter',
  'förebyggande arbete',
  'våld i nära relationer',
  'hedersrelaterat våld',
  'köp av sexuell tjänst',
  'tvångsarbete',
];
const HEADLINE_VERBS = [
  'bjuder in till',
  'satsar på',
  'stärker arbetet mot',
  'kartlägger',
  'utvärderar',
  'ordnar dialogmöte om',
  'får medel för',
  'presenterar ny rapport om',
  'samlar kommunerna kring',
  'öppnar rådgivning om',
];
const VERBS = [
  'ansvarar för',
  'arbetar med',
  'följer upp',
  'samordnar',
  'utvecklar',
  'granskar',
  'stödjer',
  'förstärker',
  'möjliggör',
  'förbättrar',
  'kartlägger',
  'värnar',
  'prioriterar',
  'belyser',
];
const OBJECTS = [
  'kunskapen om',
  'rutinerna kring',
  'samverkan kring',
  'stödet vid',
  'utbildningen om',
  'kartläggningen av',
  'uppföljningen av',
  'arbetet mot',
  'förståelsen för',
  'insatserna vid',
];
const CLOSINGS = [
  'i hela länet',
  'under året',
  'tillsammans med kommunerna',
  'på ett enhetligt sätt',
  'i nära dialog med civilsamhället',
  'för barn och unga',
  'inom ramen för uppdraget',
  'med stöd från Socialstyrelsen',
  'i samtliga tre län',
  'utifrån aktuell forskning',
  'så att fler får hjälp',
  'över kommungränserna',
];
const ADVERBS = ['även', 'dessutom', 'fortsatt', 'särskilt', 'därför', 'nu', 'också', 'tydligt'];
const HEADINGS = [
  'Bakgrund',
  'Så går det till',
  'Tid och plats',
  'Därför behövs arbetet',
  'Om uppdraget',
  'Nästa steg',
  'Fakta om människohandel',
  'Vad händer nu?',
  'Målgrupp',
  'Stöd och hjälp',
  'Så kan du delta',
  'Frågor och svar',
];
const LIST_ITEMS = [
  'föreläsningar om prostitution och människohandel',
  'workshop om samtalsmetodik',
  'erfarenhetsutbyte mellan kommunerna',
  'fördjupning om sugardating och unga',
  'genomgång av lagstiftningen',
  'stöd till regionkoordinatorn',
  'handläggning av ärenden i socialtjänsten',
  'kontaktvägar till polisen',
  'uppföljning efter ett år',
  'material för skolor och ungdomsmottagningar',
  'rådgivning för yrkesverksamma',
  'kunskapsstöd från Socialstyrelsen',
  'nätverksträffar i Värmland, Dalarna och Örebro',
  'utvärdering av insatserna',
];
const LINKS: [string, string][] = [
  ['Länsstyrelsens webbplats', 'https://www.lansstyrelsen.se/'],
  ['Socialstyrelsens kunskapsstöd', 'https://www.socialstyrelsen.se/'],
  ['Nationellt metodstöd mot prostitution och människohandel', 'https://www.nmtsverige.se/'],
  ['Jämställdhetsmyndigheten', 'https://www.jamstalldhetsmyndigheten.se/'],
  ['Polisens information om människohandel', 'https://polisen.se/'],
];
const TAGS = [
  'prostitution',
  'människohandel',
  'socialtjänst',
  'sugardating',
  'utbildning',
  'samverkan',
  'stöd',
  'barn och unga',
];

/** Fisher–Yates, so the order depends on the seed only, not on the engine's sort. */
function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Generates `count` releases; the frontmatter is valid for src/schemas/release.ts and refers to existing ids. */
export function generateReleases(
  count: number,
  ids: ReferenceIds,
  seed = DEFAULT_SEED,
  options: { pictures?: boolean } = {},
): GeneratedRelease[] {
  if (ids.organisations.length === 0) throw new Error('content/organisationer/ has no organisations to refer to');
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const two = (value: number) => String(value).padStart(2, '0');
  const usedTitles = new Set<string>();
  const usedFiles = new Set<string>();
  const releases: GeneratedRelease[] = [];

  const sentence = (): string => {
    const text = `${pick(SUBJECTS)} i ${pick(TOWNS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TOPICS)} ${pick(CLOSINGS)}`;
    const extra = random() < 0.4 ? `, och ${pick(ADVERBS)} ${pick(OBJECTS)} ${pick(TOPICS)}` : '';
    return `${text}${extra}.`;
  };
  const paragraph = (sentences: number, withLink: boolean): string => {
    const parts = Array.from({ length: sentences }, sentence);
    if (withLink) {
      const [label, url] = pick(LINKS);
      parts.push(`Läs mer på [${label.toLowerCase()}](${url}).`);
    }
    return parts.join(' ');
  };

  for (let index = 0; index < count; index += 1) {
    // Spread over 2014–2025, before the benchmark's pinned build time; the clock times are office hours.
    const year = 2014 + Math.floor((index / Math.max(count, 1)) * 12);
    const month = between(1, 12);
    const day = between(1, 28);
    const hour = between(7, 17);
    const minute = between(0, 59);
    // With the offset Swedish time has that day, as the content check demands.
    const published = isoWithOffset(zonedInstant(`${year}-${two(month)}-${two(day)}`, `${two(hour)}:${two(minute)}`, 'Europe/Stockholm'), 'Europe/Stockholm');

    const town = pick(TOWNS);
    let title = `${pick(SUBJECTS)} i ${town} ${pick(HEADLINE_VERBS)} ${pick(TOPICS)}`;
    // A repeated title gets a number, so no two releases read alike. By the title itself, not its
    // slug: a slug cut at 80 characters stays the same whatever number follows, and at 10,000
    // releases some long title always came twice, so this loop never ended. (Addresses come from
    // file names now, below, so equal slugs no longer matter.) Corpora that ended are unchanged.
    for (let n = 2; usedTitles.has(title); n += 1) title = `${title.replace(/ \(\d+\)$/, '')} (${n})`;
    usedTitles.add(title);
    // Decided without the random source, so every other release is the same with or without series.
    if (index % SERIES_EVERY === SERIES_EVERY / 2) title = `${SERIES_TITLE}, del ${Math.floor(index / SERIES_EVERY) + 1}`;

    const organisations = [...new Set([pick(ids.organisations), ...(random() < 0.3 ? [pick(ids.organisations)] : [])])];
    const contacts = ids.contacts.filter((contact) => organisations.includes(contact.organisation)).map((c) => c.id);
    const tags = [...new Set([pick(TAGS), pick(TAGS), pick(TAGS)])];
    const ingress = `${pick(COUNTIES)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TOPICS)} ${pick(CLOSINGS)}`;

    // Body: 300–800 words of paragraphs, headings, a bullet list, a numbered list and links.
    const target = between(300, 800);
    const blocks: string[] = [paragraph(between(3, 5), false)];
    let words = 0;
    words += wordCount(blocks[0] ?? '');
    let section = 0;
    // Headings are not repeated within a release, as an editor would write it.
    const headings = shuffle(HEADINGS, random);
    while (words < target) {
      section += 1;
      const block: string[] = [
        `## ${headings[(section - 1) % headings.length]}`,
        paragraph(between(2, 4), random() < 0.5),
      ];
      if (section % 2 === 1)
        block.push(Array.from({ length: between(3, 5) }, () => `- ${pick(LIST_ITEMS)}`).join('\n'));
      if (section % 3 === 2)
        block.push(Array.from({ length: between(2, 4) }, (_, i) => `${i + 1}. ${pick(LIST_ITEMS)}`).join('\n'));
      const text = block.join('\n\n');
      const added = wordCount(text.replace(/^## /gm, '').replace(/^(- |\d+\. )/gm, ''));
      // Leave room for the closing sentence (under 15 words) within the 800-word cap.
      if (words + added > 785 && words >= 300) break;
      blocks.push(text);
      words += added;
    }
    blocks.push(
      `Media är välkomna att kontakta ${town === 'Sunne' ? 'länsstyrelsen' : `kommunen i ${town}`} för frågor.`,
    );
    words += wordCount(blocks[blocks.length - 1] ?? '');

    // Decided without the random source, so the text of every release is the same with or without pictures.
    const picture =
      options.pictures && index % PICTURE_EVERY === 0
        ? { file: `bilder/bild-${String(index).padStart(5, '0')}.jpg`, spec: { ...BENCH_PICTURE, seed: index + 1 } }
        : undefined;
    const frontmatter = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `ingress: ${JSON.stringify(ingress)}`,
      `published: "${published}"`,
      'kind: Pressmeddelande',
      'organisations:',
      ...organisations.map((id) => `  - ${id}`),
      ...(contacts.length > 0 ? ['contacts:', ...contacts.map((id) => `  - ${id}`)] : []),
      'tags:',
      ...tags.map((tag) => `  - ${tag}`),
      ...(picture
        ? ['image:', `  src: ./${picture.file}`, `  alt: ${JSON.stringify(`Genererad bild till ${title}`)}`, '  credit: Benchmark']
        : []),
      'draft: false',
      '---',
    ];
    // Named as `npm run ny` names a file: date and slug, "-2" when that name is taken.
    const stem = `${published.slice(0, 10)}-${slugify(title)}`;
    let file = `${stem}.md`;
    for (let n = 2; usedFiles.has(file); n += 1) file = `${stem}-${n}.md`;
    usedFiles.add(file);
    releases.push({
      file,
      text: `${frontmatter.join('\n')}\n\n${blocks.join('\n\n')}\n`,
      words,
      ...(picture && { picture }),
    });
  }
  return releases;
}

/** Organisation and contact ids from a project folder's content/organisationer/ and content/kontakter/. */
export async function readReferenceIds(projectDir: string): Promise<ReferenceIds> {
  const folder = (name: string) => path.join(projectDir, 'content', name);
  const yamlIds = async (name: string) =>
    (await readdir(folder(name))).filter((file) => /^[^_.].*\.yaml$/.test(file)).map((file) => file.slice(0, -'.yaml'.length)).sort();
  const organisations = await yamlIds('organisationer');
  const contacts = await Promise.all(
    (await yamlIds('kontakter')).map(async (id) => {
      const value = parseYaml(await readFile(path.join(folder('kontakter'), `${id}.yaml`), 'utf8')) as { organisation?: unknown } | null;
      return { id, organisation: String(value?.organisation ?? '') };
    }),
  );
  return { organisations, contacts };
}

/** Writes the releases into `dir` (created if missing), and their pictures into its bilder/ folder. */
export async function writeReleases(dir: string, releases: GeneratedRelease[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  // One at a time: drawing a picture is CPU work, and sharp has its own threads.
  for (const release of releases) if (release.picture) await writePicture(path.join(dir, release.picture.file), release.picture.spec);
  // Small batches keep the number of open files low on big corpora.
  for (let start = 0; start < releases.length; start += 200) {
    await Promise.all(
      releases.slice(start, start + 200).map((release) => writeFile(path.join(dir, release.file), release.text)),
    );
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '100' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      out: { type: 'string' },
      pictures: { type: 'boolean', default: false },
    },
  });
  if (!values.out) throw new Error('--out <folder> is required');
  const projectDir = path.resolve(import.meta.dirname, '../..');
  const releases = generateReleases(Number(values.n), await readReferenceIds(projectDir), Number(values.seed), {
    pictures: values.pictures,
  });
  await writeReleases(values.out, releases);
  const words = releases.map((release) => release.words);
  console.log(`${releases.length} releases in ${values.out} (${Math.min(...words)}–${Math.max(...words)} words)`);
}
