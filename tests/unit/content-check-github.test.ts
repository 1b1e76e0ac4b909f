import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContentFolder } from '../../src/lib/content-check/index.ts';
import { escapeData, escapeProperty, stepSummary, workflowCommand, workflowCommands } from '../../src/lib/content-check/github.ts';
import type { Problem } from '../../src/lib/content-check/types.ts';
import { BUILD_ROOT, PROJECT_ROOT, TEST_EPOCH } from '../support/build.ts';
import { caseNames, expectedReport, materialise } from '../fixtures/content-errors/cases.ts';

const run = promisify(execFile);
const now = new Date(Number(TEST_EPOCH) * 1000);
const names = await caseNames();

/** A workflow command read back the way the runner reads it: name, properties unescaped, message. */
interface ParsedCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

// An independent reading of the format (actions/runner's ActionCommand.TryParseV2): split on the
// first "::" after the name, properties on ",", each on the first "=", then unescape.
function parseCommand(line: string): ParsedCommand {
  const match = /^::([a-z]+) ([^:]*)::(.*)$/s.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (value: string) =>
    value.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',')) {
    const at = pair.indexOf('=');
    properties[pair.slice(0, at)] = unescape(pair.slice(at + 1));
  }
  return { command: match[1] ?? '', properties, message: unescape(match[3] ?? '') };
}

/** "FEL content/program.yaml:19:11  fältet days[1].date" → the file, line and column of each block. */
function expectedLocations(report: string, label: string): { file: string; line?: string; col?: string }[] {
  return report
    .split('\n')
    .filter((line) => line.startsWith(`${label} `))
    .map((line) => {
      const location = line.slice(label.length + 1).split('  ')[0] ?? '';
      const [file = '', lineNumber, column] = location.split(':');
      return lineNumber ? { file, line: lineNumber, col: column } : { file };
    });
}

let work: string;
beforeAll(async () => {
  // Inside the project, as in a checkout on GitHub: paths in the commands are then relative to it.
  await mkdir(BUILD_ROOT, { recursive: true });
  work = await mkdtemp(path.join(BUILD_ROOT, 'github-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('escaping, as GitHub reads workflow commands', () => {
  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    expect(escapeData('100 % klart\r\nrad 2: a, b')).toBe('100 %25 klart%0D%0Arad 2: a, b');
    expect(escapeProperty('Fel i fältet a:b, c%\n')).toBe('Fel i fältet a%3Ab%2C c%25%0A');
  });

  it('round-trips a problem whose file, field and message hold every special character', () => {
    const problem: Problem = {
      severity: 'warning',
      file: 'content/pressmeddelanden/50%, nu: rea.md',
      position: { line: 3, column: 12 },
      field: 'a,b:c',
      message: 'Rad ett: 100 %\nRad två, med komma\r',
    };
    const line = workflowCommand(problem);
    expect(line.split('\n')).toHaveLength(1);
    expect(parseCommand(line)).toEqual({
      command: 'warning',
      properties: { file: problem.file, line: '3', col: '12', title: 'Varning i fältet a,b:c' },
      message: problem.message,
    });
  });

  it('gives information as a notice, and a problem without a position no line', () => {
    const line = workflowCommand({ severity: 'info', file: 'content/program.yaml', message: 'Schemalagt: publiceras …' });
    expect(parseCommand(line)).toEqual({
      command: 'notice',
      properties: { file: 'content/program.yaml', title: 'Information' },
      message: 'Schemalagt: publiceras …',
    });
  });
});

describe('the corpus as annotations', () => {
  const errorCases = names.filter((name) => !name.startsWith('3'));
  it('has error cases to test', () => {
    expect(errorCases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(names)('%s: one command per problem, with the right kind, file and line', async (name) => {
    const root = path.join(work, name);
    const problems = await checkContentFolder(await materialise(name, root), { now, displayRoot: root });
    const commands = workflowCommands(problems).split('\n').map(parseCommand);
    const report = await expectedReport(name);
    for (const [label, command] of [
      ['FEL', 'error'],
      ['VARNING', 'warning'],
      ['INFO', 'notice'],
    ] as const) {
      const expected = expectedLocations(report, label);
      const found = commands
        .filter((parsed) => parsed.command === command)
        .map(({ properties }) => (properties.line ? { file: properties.file, line: properties.line, col: properties.col } : { file: properties.file }));
      expect(found).toEqual(expected);
    }
    // Every error case gives at least one ::error; the others none.
    expect(commands.some((parsed) => parsed.command === 'error')).toBe(!name.startsWith('3'));
    expect(commands).toHaveLength(problems.length);
  });
});

describe('the step summary', () => {
  it('lists every problem in a Swedish table, with links when the run knows its commit', async () => {
    const name = '23-many-problems-at-once';
    const root = path.join(work, `summary-${name}`);
    const problems = await checkContentFolder(await materialise(name, root), { now, displayRoot: root });
    const summary = stepSummary(problems, { fileUrl: (file, line) => `https://github.com/o/r/blob/abc/${file}${line ? `#L${line}` : ''}` });
    expect(summary).toContain('## Innehållskontrollen');
    expect(summary).toContain('Innehållskontrollen hittade 9 fel. Webbplatsen går inte att bygga förrän felen är rättade.');
    const rows = summary.split('\n').filter((line) => line.startsWith('| Fel |'));
    expect(rows).toHaveLength(9);
    expect(rows[0]).toBe(
      '| Fel | [`content/kontakter/isabel-persson.yaml`](https://github.com/o/r/blob/abc/content/kontakter/isabel-persson.yaml#L3) | 3 | `email` | ' +
        `${problems[0]?.message} |`,
    );
    expect(summary).toContain('[docs/redaktorer.md](https://github.com/o/r/blob/abc/docs/redaktorer.md)');
  });

  it('keeps a table cell in one piece when the message holds | or a line break', () => {
    const summary = stepSummary([{ severity: 'warning', file: 'content/a.md', message: 'a | b\nc' }]);
    expect(summary).toContain('| Varning | `content/a.md` |  |  | a \\| b<br>c |');
    expect(summary).toContain('1 varning. Webbplatsen går att bygga.');
  });

  it('says so when there is nothing to report', () => {
    expect(stepSummary([])).toBe('## Innehållskontrollen\n\nInga fel eller varningar. Innehållet går att bygga.\n');
  });
});

describe('npm run check:content on GitHub Actions', () => {
  it('prints the commands on stdout and writes the summary, besides the usual report', async () => {
    const name = '07-impossible-date';
    const content = await materialise(name, path.join(work, `script-${name}`));
    const summaryFile = path.join(work, 'summary.md');
    await writeFile(summaryFile, '');
    const failure = await run(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'node'), ['scripts/check-content.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CONTENT_DIR: content, SOURCE_DATE_EPOCH: TEST_EPOCH, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile },
    }).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    const relative = path.relative(PROJECT_ROOT, content).split(path.sep).join('/');
    const commands = (failure?.stdout ?? '').split('\n').filter((line) => line.startsWith('::')).map(parseCommand);
    expect(commands).toEqual([
      {
        command: 'error',
        properties: { file: `${relative}/program.yaml`, line: '19', col: '11', title: 'Fel i fältet days[1].date' },
        message: expect.stringContaining('"2019-09-31"'),
      },
    ]);
    expect(failure?.stderr).toContain('Innehållskontrollen hittade 1 fel:');
    expect(await readFile(summaryFile, 'utf8')).toContain(`| Fel | \`${relative}/program.yaml\` | 19 | \`days[1].date\` |`);
  });
});
