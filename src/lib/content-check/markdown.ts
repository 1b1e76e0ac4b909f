import { suspiciousEmailMessage, unknownTopLevelDomain } from './email.ts';
import { rawHtmlInMarkdown, rawHtmlInMdx } from './raw-html.ts';
import { positionAt } from './text.ts';
import type { Problem } from './types.ts';

/**
 * Rules on the text of a Markdown/MDX file: raw HTML (JSX in MDX) only from an allowlist
 * (raw-html.ts: the Markdown processor passes raw HTML through), links only to web, e-mail and
 * phone addresses, images with alt text, working e-mail addresses. Code blocks and `code` spans are
 * skipped: they are shown as text, never run.
 */
export function checkMarkdownBody(body: string, bodyLineOffset: number, file: string): Problem[] {
  const text = blankOutCode(body);
  const problems: Problem[] = [];
  const report = (index: number, severity: Problem['severity'], message: string) => {
    const { line, column } = positionAt(text, index);
    problems.push({ severity, file, position: { line: line + bodyLineOffset, column }, message });
  };

  for (const { position, message } of file.endsWith('.mdx') ? rawHtmlInMdx(body) : rawHtmlInMarkdown(body)) {
    problems.push({ severity: 'error', file, position: { line: position.line + bodyLineOffset, column: position.column }, message });
  }

  for (const image of (text.includes('![') ? text : '').matchAll(/!\[([^\]]*)\]\(/g)) {
    if ((image[1] ?? '').trim() === '') {
      report(image.index, 'error', 'Bilden saknar alternativtext. Skriv en kort beskrivning av vad bilden visar mellan hakparenteserna: ![Beskrivning av bilden](bild.jpg).');
    }
  }

  for (const { index, url } of urls(text, text.includes('<'))) {
    const scheme = /^([a-z][a-z0-9+.-]*):/.exec(normaliseUrl(url))?.[1];
    if (scheme === undefined || LINK_SCHEMES.includes(scheme)) continue;
    if (scheme === 'javascript' || scheme === 'vbscript') {
      report(index, 'error', `Länken "${url.slice(0, 40)}" kör skript i läsarens webbläsare. Använd en vanlig webbadress som börjar med https://.`);
    } else {
      report(
        index,
        'error',
        `Adressen "${url.slice(0, 40)}" börjar med "${scheme}:", som inte är tillåtet i länkar och bilder. Använd en webbadress som börjar med https:// (eller mailto: för e-post, tel: för telefon), eller en sökväg på webbplatsen.`,
      );
    }
  }

  // Most texts hold no address; skipping the Unicode-class scan then saves most of the check's time.
  const addresses = text.includes('@') ? text.matchAll(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*/gu) : [];
  for (const match of addresses) {
    const address = match[0].replace(/\.+$/, '');
    const label = unknownTopLevelDomain(address);
    if (label !== undefined) report(match.index, 'warning', suspiciousEmailMessage(address, label));
  }
  return problems.sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0));
}

/**
 * The schemes a link or image may use; anything else (javascript:, data:, vbscript:, file: …) is
 * refused. A URL without a scheme is a path on the site. No allowed HTML element takes a URL, so
 * only Markdown's own link syntax is read here.
 */
const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];

/** Link targets in Markdown syntax, with where each starts. */
function* urls(text: string, hasTags: boolean): Generator<{ index: number; url: string }> {
  const patterns = [
    /\]\(\s*<?([^)\s>]+)/g, // [text](url) and ![alt](url)
    /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm, // [id]: url
    // Autolinks need a "<" somewhere in the text.
    ...(hasTags ? [/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi] : []), // <scheme:...>
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const url = match.slice(1).find((group) => group !== undefined) ?? '';
      yield { index: match.index + match[0].indexOf(url), url };
    }
  }
}

/** Undoes the disguises browsers see through: character references, whitespace and control characters. */
function normaliseUrl(url: string): string {
  return url
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&(tab|newline);/gi, '')
    .replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
    .toLowerCase();
}

/** Replaces fenced code blocks and inline code spans with spaces, keeping every line and column. */
function blankOutCode(body: string): string {
  if (!body.includes('`') && !body.includes('~')) return body;
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  const lines = body.split('\n');
  let fence: string | undefined;
  const kept = lines.map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) {
      fence = marker;
      return blank(line);
    }
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      return blank(line);
    }
    return line;
  });
  return kept.join('\n').replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, (span) => blank(span));
}

/**
 * Pictures a Markdown text shows with `![alt](src)` from a path (not a web address): Astro's image
 * pipeline loads each at build time, so a missing one would stop the build with an English error.
 */
export function markdownPicturePaths(body: string, bodyLineOffset: number): { src: string; position: { line: number; column: number } }[] {
  if (!body.includes('![')) return [];
  const text = blankOutCode(body);
  const found: { src: string; position: { line: number; column: number } }[] = [];
  for (const image of text.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)/g)) {
    const src = image[1] ?? '';
    if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(src)) continue;
    const { line, column } = positionAt(text, image.index);
    found.push({ src, position: { line: line + bodyLineOffset, column } });
  }
  return found;
}
