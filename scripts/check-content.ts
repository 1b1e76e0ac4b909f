/**
 * `npm run check` (first half): checks the editors' content exactly as the build does and prints
 * the Swedish report. Exit code 1 when there is an error; warnings alone exit 0. On GitHub Actions
 * (GITHUB_ACTIONS=true) it also prints every problem as a workflow command, which GitHub shows on
 * the line in the commit and the pull request, and writes a summary to $GITHUB_STEP_SUMMARY.
 */
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { checkContentFolder, formatReport, hasErrors } from '../src/lib/content-check/index.ts';
import { stepSummary, workflowCommands } from '../src/lib/content-check/github.ts';
import { settingsOrExit } from '../src/lib/settings.ts';
import { buildTime } from '../src/lib/status.ts';

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

if (process.env.GITHUB_ACTIONS === 'true') {
  if (problems.length > 0) console.log(workflowCommands(problems));
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) await appendFile(summaryFile, stepSummary(problems, { fileUrl: repositoryLink(process.env) }));
}

/** Links into the repository at the checked commit, when the run says which one it is. */
function repositoryLink(env: NodeJS.ProcessEnv): ((file: string, line?: number) => string) | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  if (!server || !repository || !sha) return undefined;
  return (file, line) => `${server}/${repository}/blob/${sha}/${file.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''}`;
}
