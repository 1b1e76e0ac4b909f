import { Tokenizer, type Token, type TokenHandler } from 'parse5';
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import { positionAt } from './text.ts';
import type { Position } from './types.ts';

/**
 * Raw HTML in Markdown and JSX in MDX, on an allowlist. Astro's Markdown processor (Sätteri) passes
 * raw HTML through untouched, so whatever an editor types reaches every reader's browser; a
 * blocklist (`<script`, `on*=`, `javascript:`) let `<iframe srcdoc>`, `<meta http-equiv="refresh">`,
 * `<style>`, `<form>`, `<base>`, `<object>` and `<embed>` through. Only what editors need and
 * Markdown cannot say passes:
 * - `<br>`: a line break inside a paragraph (an address, a poem); Markdown's own, two trailing
 *   spaces, is invisible in an editor.
 * - `<abbr title="…">`: the expansion of an abbreviation (WCAG 3.1.4); press releases are full of
 *   them (Digg, SoL, RFSL).
 * - `<sub>`, `<sup>`: CO₂, m², footnote marks; Sätteri's `~sub~`/`^sup^` syntax is off by default.
 * - `<span lang="…">`, and `lang` on each of these: a phrase in another language is read out in
 *   that language's voice (WCAG 3.1.2, level AA).
 * - comments (`<!-- … -->`): notes to other editors; they are no elements, and nothing in them runs.
 * Everything else (links, images, headings, lists, tables) has Markdown syntax, which the rest of
 * the check and the site's templates already handle (alt text, external links, pictures).
 *
 * The shape is hast-util-sanitize's `Schema` (tagNames, attributes with "*" for every element), so
 * it reads as the familiar format; that library itself strips silently, and editors need an error
 * with file and line instead. Raw HTML is found by Sätteri itself (the same parser that renders
 * the page, so what it calls text is text) and each piece read by parse5's tokenizer (the HTML
 * standard's, so entity and case tricks decode as a browser decodes them).
 */
export const RAW_HTML_ALLOWLIST = {
  tagNames: ['abbr', 'br', 'span', 'sub', 'sup'],
  attributes: { '*': ['lang'], abbr: ['title'] } as Record<string, string[]>,
} as const;

/** A language tag as `lang` takes it (BCP 47, loosely): "en", "en-GB", "se", "fit". */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

export interface RawHtmlFinding {
  position: Position;
  message: string;
}

const allowedElements = (): string => 'Tillåtna är bara <br>, <abbr> med title, <sub>, <sup> och <span> med lang';

/** Swedish message for an element that is not on the allowlist, with the Markdown to use instead. */
function elementMessage(name: string): string {
  const lower = name.toLowerCase();
  if (lower === 'script') return 'Texten innehåller en <script>-tagg. Skript får inte finnas i innehållet; ta bort taggen och allt mellan <script> och </script>.';
  const instead: Record<string, string> = {
    a: 'Skriv länkar med Markdown: [texten som syns](https://www.exempel.se/).',
    img: 'Skriv bilder med Markdown: ![Beskrivning av bilden](./bilder/bild.jpg).',
    Image: 'Skriv bilder med Markdown: ![Beskrivning av bilden](./bilder/bild.jpg).',
    p: 'Lämna en tom rad mellan styckena i stället.',
    b: 'Skriv **fet stil** med Markdown.',
    strong: 'Skriv **fet stil** med Markdown.',
    i: 'Skriv *kursiv stil* med Markdown.',
    em: 'Skriv *kursiv stil* med Markdown.',
    h2: 'Skriv mellanrubriker med Markdown: ## Rubrik.',
    h3: 'Skriv mellanrubriker med Markdown: ### Rubrik.',
    ul: 'Skriv punktlistor med Markdown: - punkt.',
    ol: 'Skriv numrerade listor med Markdown: 1. punkt.',
    table: 'Skriv tabeller med Markdown: | rubrik | rubrik |.',
  };
  return `Taggen "<${name}>" är inte tillåten i texten. ${allowedElements()}. ${instead[name] ?? instead[lower] ?? 'Ta bort taggen, eller skriv innehållet med Markdown.'}`;
}

/** Swedish message for an attribute the allowlist does not give this element. */
function attributeMessage(element: string, attribute: string): string {
  if (/^on/i.test(attribute)) return `Taggen "<${element}>" har attributet "${attribute}=", som kör skript när läsaren gör något. Ta bort attributet.`;
  const allowed = [...(RAW_HTML_ALLOWLIST.attributes[element] ?? []), ...RAW_HTML_ALLOWLIST.attributes['*']!];
  return `Taggen "<${element}>" har attributet "${attribute}=", som inte är tillåtet. På <${element}> får bara ${allowed.map((name) => `${name}=`).join(' och ')} stå. Ta bort attributet.`;
}

function checkAttribute(element: string, name: string, value: string | undefined): string | undefined {
  const allowed = [...(RAW_HTML_ALLOWLIST.attributes[element] ?? []), ...RAW_HTML_ALLOWLIST.attributes['*']!];
  if (!allowed.includes(name)) return attributeMessage(element, name);
  if (name === 'lang' && !LANGUAGE_TAG.test(value ?? '')) {
    return `Värdet "${value ?? ''}" i lang= på "<${element}>" är ingen språkkod. Skriv en kod som en (engelska), fi (finska) eller se (nordsamiska).`;
  }
  return undefined;
}

const isAllowedElement = (name: string) => (RAW_HTML_ALLOWLIST.tagNames as readonly string[]).includes(name);

/** Tags in one piece of raw HTML, with offsets into it; the tokenizer decodes entities and folds case. */
function tokenize(html: string): { kind: 'start' | 'end' | 'doctype'; token: Token.TagToken | Token.DoctypeToken }[] {
  const found: { kind: 'start' | 'end' | 'doctype'; token: Token.TagToken | Token.DoctypeToken }[] = [];
  const ignore = () => {};
  const handler: TokenHandler = {
    onStartTag: (token) => found.push({ kind: 'start', token }),
    onEndTag: (token) => found.push({ kind: 'end', token }),
    onDoctype: (token) => found.push({ kind: 'doctype', token }),
    onComment: ignore,
    onEof: ignore,
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
  };
  new Tokenizer({ sourceCodeLocationInfo: true }, handler).write(html, true);
  return found;
}

interface Located {
  value: string;
  position?: { start: { line: number; column: number; offset?: number } } | undefined;
}

/** Walks an mdast tree, depth first. */
function* nodes(node: MdastNode): Generator<MdastNode> {
  yield node;
  for (const child of (node as { children?: MdastNode[] }).children ?? []) yield* nodes(child);
}

/** Raw HTML in a Markdown body that is not on the allowlist; positions are 1-based within the body. */
export function rawHtmlInMarkdown(body: string): RawHtmlFinding[] {
  if (!body.includes('<')) return [];
  const findings: RawHtmlFinding[] = [];
  // Each inline tag is a piece of its own: an element's end tag needs no second error.
  const reported = new Set<string>();
  for (const node of nodes(markdownToMdast(body))) {
    if (node.type !== 'html') continue;
    const { value, position } = node as unknown as Located;
    const start = position?.start ?? { line: 1, column: 1 };
    // The piece is a verbatim slice of the body unless a container (a quote's "> ") was cut from it.
    const verbatim = start.offset !== undefined && body.slice(start.offset, start.offset + value.length) === value;
    const at = (offset: number, line: number, column: number): Position =>
      verbatim ? positionAt(body, start.offset! + offset) : line === 1 ? { line: start.line, column: start.column + column - 1 } : { line: start.line + line - 1, column };
    for (const { kind, token } of tokenize(value)) {
      const location = token.location;
      const where = location ? at(location.startOffset, location.startLine, location.startCol) : { line: start.line, column: start.column };
      if (kind === 'doctype') {
        findings.push({ position: where, message: `En <!DOCTYPE>-rad hör inte hemma i texten. Ta bort den.` });
        continue;
      }
      const tag = token as Token.TagToken;
      if (!isAllowedElement(tag.tagName)) {
        if (kind === 'end' && reported.has(tag.tagName)) continue;
        reported.add(tag.tagName);
        findings.push({ position: where, message: elementMessage(tag.tagName) });
        continue;
      }
      if (kind === 'end') continue;
      for (const attribute of tag.attrs) {
        const message = checkAttribute(tag.tagName, attribute.name, attribute.value);
        const attributeLocation = tag.location?.attrs?.[attribute.name];
        if (message) findings.push({ position: attributeLocation ? at(attributeLocation.startOffset, attributeLocation.startLine, attributeLocation.startCol) : where, message });
      }
    }
  }
  return findings;
}

/** The MDX nodes that are code, not text: import/export and {expressions}. */
const MDX_CODE = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);

/**
 * JSX and code in an MDX body that are not on the allowlist. MDX has no raw HTML: `<abbr>` is a
 * JSX element, and `{…}` and import/export are JavaScript, which could build any element, so they
 * are refused too. A body MDX cannot parse is left to the build, which names the place.
 */
export function rawHtmlInMdx(body: string): RawHtmlFinding[] {
  if (!/[<{]|^(import|export)\b/m.test(body)) return [];
  let tree: MdastNode;
  try {
    tree = mdxToMdast(body);
  } catch {
    return [];
  }
  const findings: RawHtmlFinding[] = [];
  for (const node of nodes(tree)) {
    const start = (node as { position?: { start: Position } }).position?.start ?? { line: 1, column: 1 };
    const position = { line: start.line, column: start.column };
    if (MDX_CODE.has(node.type)) {
      findings.push({
        position,
        message:
          node.type === 'mdxjsEsm'
            ? 'Raden är JavaScript-kod (import eller export), som inte är tillåten i texten. Ta bort raden; bilder och länkar skrivs med Markdown.'
            : 'Klammerparenteserna { } är JavaScript-kod i en .mdx-fil, som inte är tillåten i texten. Skriv \\{ och \\} för vanliga klammertecken, eller byt filen till .md.',
      });
      continue;
    }
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') continue;
    const element = node as unknown as { name: string | null; attributes: { type: string; name?: string; value?: unknown }[] };
    if (element.name === null || !isAllowedElement(element.name)) {
      findings.push({ position, message: elementMessage(element.name ?? '') });
      continue;
    }
    for (const attribute of element.attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.name !== 'string') {
        findings.push({ position, message: `Taggen "<${element.name}>" har ett attribut med JavaScript-kod ({…}), som inte är tillåtet. Ta bort det.` });
        continue;
      }
      if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
        findings.push({ position, message: `Attributet "${attribute.name}=" på "<${element.name}>" är JavaScript-kod ({…}). Skriv värdet inom citattecken: ${attribute.name}="…".` });
        continue;
      }
      const message = checkAttribute(element.name, attribute.name, attribute.value as string | undefined);
      if (message) findings.push({ position, message });
    }
  }
  return findings;
}
