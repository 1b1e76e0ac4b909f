import type { z } from 'astro/zod';
import { closest } from './closest.ts';
import { fieldName, sentence } from './text.ts';
import type { PathSegment, YamlSource } from './yaml.ts';
import type { Problem } from './types.ts';

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

export interface Validated<T> {
  /** The schema's output when the value is valid. */
  data?: T;
  problems: Problem[];
}

/**
 * Runs one of the site's own zod schemas (the same the content loaders use) and turns every issue
 * into a Swedish problem at the line and column of the field. `prefix` is the path of the value
 * inside the file: the entry's id in files keyed by id.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  source: YamlSource,
  file: string,
  prefix: readonly PathSegment[] = [],
): Validated<z.output<S>> {
  const result = schema.safeParse(value, { error: fallbackMessage });
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue) => toProblems(issue, schema, source, file, prefix));
  return { problems };
}

function toProblems(issue: Issue, schema: z.ZodType, source: YamlSource, file: string, prefix: readonly PathSegment[]): Problem[] {
  const issuePath = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
  const path = [...prefix, ...issuePath];
  if (issue.code === 'unrecognized_keys') {
    const allowed = keysAt(schema, issuePath);
    return issue.keys.map((key) => {
      const suggestion = closest(key, allowed);
      const hint = suggestion ? ` Menade du "${suggestion}"?` : '';
      const list = allowed.length > 0 ? ` Fält som går att använda här: ${allowed.join(', ')}.` : '';
      return {
        severity: 'error',
        file,
        position: source.locateKey([...path, key]) ?? source.locate(path).position,
        field: fieldName([...path, key]),
        message: `Fältet "${key}" finns inte.${hint}${list}`,
      };
    });
  }
  const located = source.locate(path);
  const field = path.length > 0 ? fieldName(path) : undefined;
  let message: string;
  if (!located.exists) {
    message = `Fältet saknas. Det ${sentence(issue.message)}`;
  } else if (!located.found || (located.found.literal && issue.message.includes(`"${located.found.text}"`))) {
    message = `Fältet ${sentence(issue.message)}`;
  } else {
    const found = located.found.literal ? `"${located.found.text}"` : located.found.text;
    message = `Hittade ${found}, men fältet ${sentence(issue.message)}`;
  }
  return [{ severity: 'error', file, position: located.position, field, message }];
}

/** The field names an object schema accepts at `path`, for "did you mean" hints. */
function keysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current = unwrap(schema as unknown as Introspectable);
  for (const segment of path) {
    const def = current?._zod.def;
    if (def?.type === 'object') current = unwrap(def.shape?.[String(segment)]);
    else if (def?.type === 'array') current = unwrap(def.element);
    else if (def?.type === 'record') current = unwrap(def.valueType);
    else return [];
  }
  const def = current?._zod.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** The parts of zod 4's schema definition (`_zod.def`) the hints walk through. */
interface Introspectable {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, Introspectable>;
      element?: Introspectable;
      valueType?: Introspectable;
      innerType?: Introspectable;
      in?: Introspectable;
    };
  };
}

/** Looks through optional, default, transform and similar wrappers to the schema inside. */
function unwrap(schema: Introspectable | undefined): Introspectable | undefined {
  let current = schema;
  for (let depth = 0; depth < 20 && current?._zod; depth++) {
    const def: Introspectable['_zod']['def'] = current._zod.def;
    if (['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch'].includes(def.type)) current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else return current;
  }
  return current;
}

/**
 * Swedish text for issues where the schema gives none of its own. Schema messages win; this fills
 * the gaps (a list where text was expected, a number out of range …). Phrased to follow "fältet".
 */
export function fallbackMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return (
        {
          string: 'ska vara text',
          number: 'ska vara ett tal, till exempel 59.83',
          boolean: 'ska vara true eller false',
          array: 'ska vara en lista, med en rad per värde som börjar med "- "',
          object: 'ska vara en grupp av fält (fältnamn: värde) på indragna rader',
          date: 'ska vara ett datum',
        } as Record<string, string>
      )[issue.expected] ?? 'har fel sorts värde';
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'array') return `behöver minst ${minimum} ${minimum === 1 ? 'värde' : 'värden'}`;
      if (issue.origin === 'string') return minimum <= 1 ? 'får inte vara tom' : `ska vara minst ${minimum} tecken`;
      return `får inte vara mindre än ${minimum}`;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'array') return `får ha högst ${maximum} värden`;
      if (issue.origin === 'string') return `får vara högst ${maximum} tecken`;
      return `får inte vara större än ${maximum}`;
    }
    case 'invalid_value':
      return `ska vara ${issue.values.map((value) => JSON.stringify(value)).join(' eller ')}`;
    case 'invalid_format':
      return issue.format === 'url' ? 'ska vara en webbadress som börjar med https://' : 'har fel form';
    case 'invalid_union':
      return 'har fel form';
    default:
      return undefined;
  }
}
