import { cruise, type ICruiseOptions, type IReporterOutput } from 'dependency-cruiser';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build.ts';

/**
 * The layers of src/lib (docs/architecture.md), kept by dependency-cruiser with the rules in
 * .dependency-cruiser.json: core imports no other layer, content imports nothing that writes a
 * format, serves the editor or publishes, and nothing in src/lib forms a cycle.
 */
const config = JSON.parse(await readFile(path.join(PROJECT_ROOT, '.dependency-cruiser.json'), 'utf8')) as {
  forbidden: NonNullable<ICruiseOptions['ruleSet']>['forbidden'];
  options: ICruiseOptions;
};

/** Every rule broken under `baseDir`, as "rule: from → to". */
async function violations(baseDir: string): Promise<string[]> {
  const result: IReporterOutput = await cruise(['src/lib'], {
    ...config.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
    outputType: 'json',
  });
  const output = (typeof result.output === 'string' ? JSON.parse(result.output) : result.output) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  return output.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);
}

describe('src/lib layers', () => {
  it('no module imports upward and none forms a cycle', async () => {
    expect(await violations(PROJECT_ROOT)).toEqual([]);
  });

  it('the rules catch a core module importing from content, and a cycle', async () => {
    // A copy of the layout with two deliberate mistakes: proof the rules above can fail.
    const fixture = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'layers');
    expect((await violations(fixture)).sort()).toEqual([
      'core-imports-no-layer: src/lib/core/clock.ts → src/lib/content/release.ts',
      'no-cycle: src/lib/content/release.ts → src/lib/core/clock.ts',
    ].sort());
  });
});
