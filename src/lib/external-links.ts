/**
 * Marks links to other sites in rendered HTML with rel="noopener noreferrer".
 *
 * Astro 7's default Markdown processor (Sätteri) takes no rehype plugins, and switching to the
 * unified pipeline measured 3.6x slower, so the rendered HTML of a content entry is post-processed
 * instead: src/components/RenderedContent.astro wraps every rendered Markdown entry. The input is
 * HTML a Markdown renderer wrote: the scan only looks at `<a …>` start tags and leaves every other
 * byte untouched.
 */

/** An `<a>` start tag: the tag name, then any number of attributes with quoted or bare values. */
const ANCHOR_TAG = /<a((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)(\s*\/?)>/gi;
const ATTRIBUTE = /\s+([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Tokens every external link carries. */
export const EXTERNAL_REL = ['noopener', 'noreferrer'] as const;

interface Attribute {
  name: string;
  value: string | undefined;
  /** The attribute's source text, leading whitespace included. */
  raw: string;
}

function parseAttributes(source: string): Attribute[] {
  return [...source.matchAll(ATTRIBUTE)].map((match) => ({
    name: (match[1] ?? '').toLowerCase(),
    value: match[2] ?? match[3] ?? match[4],
    raw: match[0],
  }));
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number.parseInt(decimal, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** True when `href` leads to an http(s) page on a host other than the site's own. */
export function isExternalHref(href: string, site: string | URL): boolean {
  let url: URL;
  try {
    url = new URL(href.trim(), site);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.host !== new URL(site).host;
}

/** Existing rel tokens plus noopener and noreferrer, each once, in their first-seen order. */
export function mergeRel(existing: string | undefined): string {
  const tokens = (existing ?? '').split(/\s+/).filter(Boolean);
  const seen = new Set(tokens.map((token) => token.toLowerCase()));
  for (const token of EXTERNAL_REL) if (!seen.has(token)) tokens.push(token);
  return tokens.join(' ');
}

/**
 * Adds rel="noopener noreferrer" (keeping any rel tokens already there) to every `<a href>` that
 * leads to another host than `site`. Internal, relative, fragment, mailto: and tel: links are kept.
 */
export function markExternalLinks(html: string, site: string | URL): string {
  return html.replace(ANCHOR_TAG, (tag: string, attributeSource: string, close: string) => {
    const attributes = parseAttributes(attributeSource);
    const href = attributes.find((attribute) => attribute.name === 'href')?.value;
    if (href === undefined || !isExternalHref(decodeEntities(href), site)) return tag;
    const rel = attributes.find((attribute) => attribute.name === 'rel');
    const value = mergeRel(rel?.value === undefined ? undefined : decodeEntities(rel.value));
    if (rel?.value !== undefined && value === rel.value) return tag;
    const relSource = ` rel="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
    const rest = attributes.filter((attribute) => attribute !== rel).map((attribute) => attribute.raw);
    return `<a${rest.join('')}${relSource}${close}>`;
  });
}
