/** Small text helpers shared by the checks. */
import type { PathSegment } from './yaml.ts';

/** "sessions[1].end" from ["sessions", 1, "end"], the notation the schemas and references use. */
export function fieldName(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (name, segment) => (typeof segment === 'number' ? `${name}[${segment}]` : name === '' ? segment : `${name}.${segment}`),
    '',
  );
}

/** ["sessions", 1, "end"] from "sessions[1].end"; ids with hyphens stay whole. */
export function parseFieldName(name: string): PathSegment[] {
  return [...name.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] === undefined ? (match[1] as string) : Number(match[2])));
}

/** Ends a clause with a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** 1-based line and column of `index` in `text`. */
export function positionAt(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}
