import { load as loadJsYaml } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLError } from 'yaml';
import type { Position } from './types.ts';

/** One step into a YAML tree: a key of a mapping or an index of a list. */
export type PathSegment = string | number;

/** Where a field is in the source and how it was written. */
export interface Located {
  position: Position;
  /** False when the path runs out before the field: the field is missing. */
  exists: boolean;
  /** The value as the editor wrote it, shortened, for "Hittade …"; undefined when missing. */
  found?: Found;
}

/** What the editor wrote: the literal text of a value, or a description ("en lista") of a structure. */
export interface Found {
  text: string;
  literal: boolean;
}

/** A YAML syntax error in Swedish, with its position. */
export interface YamlSyntaxError {
  position: Position;
  message: string;
}

/** A parsed YAML text that can point back at the line and column of any field. */
export interface YamlSource {
  /** Plain JavaScript value; undefined when the text has syntax errors. */
  value: unknown;
  errors: YamlSyntaxError[];
  /** Position and source text of the node at `path` (or of the deepest parent that exists). */
  locate(path: readonly PathSegment[]): Located;
  /** Position of the key itself, for problems about a key ("unknown field"). */
  locateKey(path: readonly PathSegment[]): Position | undefined;
}

/**
 * Parses YAML the way the content loaders do, able to point back at any field. The .yaml files go
 * through the `yaml` package (YAML 1.2 core), as the loaders read them. Markdown frontmatter goes
 * through js-yaml, the parser Astro itself uses, which also turns an unquoted 2019-09-25 into a
 * Date. Positions need `yaml`'s document model, five times slower than js-yaml on frontmatter, so a
 * frontmatter that js-yaml reads is parsed with positions only when a problem asks for one.
 * `lineOffset` shifts lines for YAML that starts further down a file.
 */
export function parseYamlSource(text: string, lineOffset = 0, { timestamps = false } = {}): YamlSource {
  if (timestamps) {
    let value: unknown;
    try {
      value = loadJsYaml(text);
    } catch {
      // A syntax error: let the position-keeping parser find and word it.
      return parseWithPositions(text, lineOffset, true);
    }
    let located: YamlSource | undefined;
    const positions = () => (located ??= parseWithPositions(text, lineOffset, true));
    return {
      value,
      errors: [],
      locate: (path) => positions().locate(path),
      locateKey: (path) => positions().locateKey(path),
    };
  }
  return parseWithPositions(text, lineOffset, false);
}

function parseWithPositions(text: string, lineOffset: number, timestamps: boolean): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, ...(timestamps ? { customTags: ['timestamp'] } : {}) });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const start: Position = { line: 1 + lineOffset, column: 1 };

  // Only the first syntax error: after it the parser is guessing, and what it reports next is
  // usually the same mistake seen from further down. Other files are still checked in full.
  const first = doc.errors[0];
  const errors: YamlSyntaxError[] = first
    ? [{ position: toPosition(errorOffset(first, text)), message: yamlErrorMessage(first) }]
    : [];

  const walk = (path: readonly PathSegment[]) => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    let depth = 0;
    for (const segment of path) {
      const next = child(node, segment);
      if (!next) break;
      node = next.value;
      keyNode = next.key;
      depth++;
    }
    return { node, keyNode, complete: depth === path.length };
  };

  return {
    value: errors.length > 0 ? undefined : doc.toJS(),
    errors,
    locate(path) {
      const { node, keyNode, complete } = walk(path);
      const valueStart = rangeStart(node);
      const keyStart = rangeStart(keyNode);
      // An empty value ("end:" and nothing after it) has no range of its own; point at the key.
      const offset = complete && valueStart !== undefined && !isEmptyScalar(node) ? valueStart : (keyStart ?? valueStart);
      const position = offset === undefined ? start : toPosition(offset);
      if (!complete) return { position, exists: false };
      return { position, exists: true, found: describe(node, text) };
    },
    locateKey(path) {
      const { keyNode, complete } = walk(path);
      const offset = complete ? rangeStart(keyNode) : undefined;
      return offset === undefined ? undefined : toPosition(offset);
    },
  };
}

/**
 * Where to point for an error. The parser notices a missing closing quote only where the text
 * ends; the editor needs the line where the quote was opened.
 */
function errorOffset(error: YAMLError, text: string): number {
  if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
    const opening = [...text.slice(0, error.pos[0]).matchAll(/(?:^|[:\-[,{]\s*)(["'])/gm)].pop();
    if (opening) return opening.index + opening[0].length - 1;
  }
  return error.pos[0];
}

function child(node: unknown, segment: PathSegment): { key?: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === String(segment));
    return pair ? { key: pair.key, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? range[0] : undefined;
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && !!node.range && node.range[0] === node.range[1];
}

/** How a value looked in the file, short enough for one line. */
function describe(node: unknown, text: string): Found | undefined {
  if (node === null || node === undefined) return undefined;
  if (isMap(node)) return { text: 'en grupp av fält', literal: false };
  if (isSeq(node)) return { text: node.items.length === 0 ? 'en tom lista' : 'en lista', literal: false };
  if (isScalar(node)) {
    if (node.value === null) return { text: 'ett tomt värde', literal: false };
    const range = node.range;
    let raw = range ? text.slice(range[0], range[1]) : String(node.value);
    raw = raw.replace(/\s+/g, ' ').trim();
    if (/^(["']).*\1$/.test(raw)) raw = raw.slice(1, -1);
    if (/^[>|][-+]?\s/.test(raw)) raw = String(node.value).replace(/\s+/g, ' ').trim();
    if (raw === '') return { text: 'en tom text', literal: false };
    return { text: raw.length > 60 ? `${raw.slice(0, 57)}...` : raw, literal: true };
  }
  return undefined;
}

/** The YAML library's error, said in plain Swedish with a hint at the usual cause. */
export function yamlErrorMessage(error: YAMLError): string {
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'YAML-koden går inte att läsa här: ett kolon (:) mitt i ett värde, eller fel indrag. Sätt värden som innehåller kolon inom citattecken, till exempel title: "Konferens: program och tider".';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'YAML-koden går inte att läsa här: raden saknar kolon efter fältnamnet, eller så är den indragen fel. Skriv till exempel title: Rubrik.';
    case 'MISSING_CHAR':
      return /quote/i.test(error.message)
        ? 'Ett avslutande citattecken saknas. Ett värde som börjar med " måste också sluta med ".'
        : /-/.test(error.message)
          ? 'Raden är indragen som en del av en lista men börjar inte med bindestreck (-). Kontrollera indraget: fälten i en listpunkt ska stå exakt under varandra.'
          : 'Ett tecken saknas här, oftast ett avslutande citattecken eller en hakparentes.';
    case 'BAD_INDENT':
      return 'Fel indrag: fälten på samma nivå ska börja lika långt in på raden (samma antal mellanslag).';
    case 'TAB_AS_INDENT':
      return 'Raden är indragen med tabb. YAML tillåter bara mellanslag som indrag.';
    case 'DUPLICATE_KEY':
      return 'Samma fält eller id finns två gånger på samma nivå. Ta bort eller byt namn på det ena.';
    case 'BAD_SCALAR_START':
      return 'Värdet börjar med ett tecken som YAML reserverar (till exempel @, ` eller %). Sätt värdet inom citattecken.';
    case 'BAD_DQ_ESCAPE':
      return 'Ett omvänt snedstreck (\\) inom dubbla citattecken måste skrivas \\\\. Använd hellre enkla citattecken runt värdet.';
    case 'UNEXPECTED_TOKEN':
      return 'Oväntad text efter värdet. Om värdet innehåller citattecken: sätt hela värdet inom enkla citattecken, till exempel title: \'Konferensen "Nya problem"\'.';
    case 'MULTIPLE_DOCS':
      return 'En rad med bara --- delar filen i två. Ta bort raden (eller skriv texten inom citattecken).';
    default:
      return `YAML-koden går inte att läsa här. Kontrollera citattecken, kolon och indrag. (Teknisk detalj: ${error.message.split('\n')[0]})`;
  }
}
