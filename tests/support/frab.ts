/**
 * Validators for the frab / c3voc schedule files, independent of the code that writes them: libxml2
 * (xmllint compiled to WebAssembly) against the format's XSD, and Ajv against its JSON Schema, both
 * vendored unchanged in tests/fixtures/frab/.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { validateXML } from 'xmllint-wasm';

const FRAB = new URL('../fixtures/frab/', import.meta.url);
const XSD = readFileSync(new URL('schedule.xml.xsd', FRAB), 'utf8');
const JSON_SCHEMA = JSON.parse(readFileSync(new URL('schedule.schema.json', FRAB), 'utf8')) as Record<string, unknown>;

/** xmllint's messages for a schedule.xml; empty when it is valid. */
export async function scheduleXmlErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'schedule.xml', contents: xml }],
    schema: [{ fileName: 'schedule.xml.xsd', contents: XSD }],
  });
  return result.valid ? [] : result.errors.map((error) => error.message);
}


let validator: ReturnType<Ajv['compile']> | undefined;

/** Ajv's messages for a schedule.json; empty when it is valid (the uuid format is checked too). */
export function scheduleJsonErrors(json: string): string[] {
  validator ??= compile();
  const valid = validator(JSON.parse(json));
  return valid ? [] : (validator.errors ?? []).map((error: ErrorObject) => `${error.instancePath} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}

function compile(): ReturnType<Ajv['compile']> {
  // Strict, except that union types ("type": ["string", "null"]), standard JSON Schema, are allowed.
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  // Keywords and a format the upstream schema uses that no JSON Schema draft defines: "$oneOf" and
  // "$todo" are notes (upstream's "$" prefix disables them), "color" is only used for colours we never write.
  ajv.addKeyword('$oneOf');
  ajv.addKeyword('$todo');
  ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/);
  return ajv.compile(JSON_SCHEMA);
}
