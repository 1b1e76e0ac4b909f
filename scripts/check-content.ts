/**
 * `npm run check` (first half): checks the editors' content exactly as the build does and prints
 * the Swedish report. Exit code 1 when there is an error; warnings alone exit 0. On GitHub Actions
 * (GITHUB_ACTIONS=true) it also prints every problem as a workflow command, which GitHub shows on
 * the line in the commit and the pull request, and writes a summary to $GITHUB_STEP_SUMMARY.
 */
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { checkContentFolder, formatReport, hasErrors } from '../src/lib/content-check/index.ts';
import { githubReport } from '../src/lib/content-check/github.ts';
import { settingsOrExit } from '../src/lib/core/settings.ts';
import { buildTime } from '../src/lib/core/status.ts';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.resolve(root, settingsOrExit(process.env).contentDir);
const problems = await checkContentFolder(dir, { now: buildTime(), displayRoot: root });

if (problems.length === 0) {
  console.log('Innehållskontrollen: inga fel eller varningar.');
} else if (hasErrors(problems)) {
  console.error(formatReport(problems, 'check'));
  process.exitCode = 1;
} else {
  console.log(formatReport(problems, 'check'));
}

const github = githubReport(problems, process.env);
if (github?.commands) console.log(github.commands);
if (github?.summary) await appendFile(github.summary.file, github.summary.text);
