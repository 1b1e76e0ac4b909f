import { countText, GUIDE } from './format.ts';
import type { Problem, Severity } from './types.ts';

/**
 * The content check's results where editors work on GitHub: one workflow command per problem
 * (GitHub shows it as an annotation on the line, in the commit and the pull request), and a
 * Markdown summary for the run's page.
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
const TITLES: Record<Severity, string> = { error: 'Fel', warning: 'Varning', info: 'Information' };

/** A command's message: %, CR and LF are escaped (as in @actions/core's escapeData). */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A command's property value: also ":" and ",", which separate properties (@actions/core's escapeProperty). */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** `::error file=content/program.yaml,line=36,col=12,title=Fel i fältet sessions[1].start::…` */
export function workflowCommand(problem: Problem): string {
  const title = problem.field ? `${TITLES[problem.severity]} i fältet ${problem.field}` : TITLES[problem.severity];
  const properties = [`file=${escapeProperty(problem.file)}`];
  if (problem.position) properties.push(`line=${problem.position.line}`, `col=${problem.position.column}`);
  properties.push(`title=${escapeProperty(title)}`);
  return `::${COMMANDS[problem.severity]} ${properties.join(',')}::${escapeData(problem.message)}`;
}

/** One line per problem, or an empty string when there is none. */
export function workflowCommands(problems: readonly Problem[]): string {
  return problems.map(workflowCommand).join('\n');
}

export interface SummaryOptions {
  /** A link to a line of a file in the repository, when the run knows its commit. */
  fileUrl?: (file: string, line?: number) => string;
}

/** The run's summary in Swedish Markdown: counts, what they mean, and one table row per problem. */
export function stepSummary(problems: readonly Problem[], options: SummaryOptions = {}): string {
  const lines = ['## Innehållskontrollen', ''];
  if (problems.length === 0) return [...lines, 'Inga fel eller varningar. Innehållet går att bygga.', ''].join('\n');
  const errors = problems.some((problem) => problem.severity === 'error');
  lines.push(
    `Innehållskontrollen hittade ${countText(problems)}. ` +
      (errors ? 'Webbplatsen går inte att bygga förrän felen är rättade.' : 'Webbplatsen går att bygga.'),
    '',
    '| | Fil | Rad | Fält | Vad det gäller |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const problem of problems) {
    const line = problem.position?.line;
    const file = `\`${cell(problem.file)}\``;
    const linked = options.fileUrl ? `[${file}](${options.fileUrl(problem.file, line)})` : file;
    const field = problem.field ? `\`${cell(problem.field)}\`` : '';
    lines.push(`| ${TITLES[problem.severity]} | ${linked} | ${line ?? ''} | ${field} | ${cell(problem.message)} |`);
  }
  lines.push('', `Varje meddelande förklaras med exempel i [${GUIDE}](${options.fileUrl ? options.fileUrl(GUIDE) : GUIDE}).`, '');
  return lines.join('\n');
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
}

/**
 * Links into the repository at the checked commit, when the run says which one it is
 * (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA).
 */
export function repositoryLink(env: Record<string, string | undefined>): ((file: string, line?: number) => string) | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  if (!server || !repository || !sha) return undefined;
  return (file, line) => `${server}/${repository}/blob/${sha}/${file.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''}`;
}

/**
 * On GitHub Actions (GITHUB_ACTIONS=true): the workflow commands to print and the summary to append
 * to $GITHUB_STEP_SUMMARY, for `npm run check` and the build alike; nothing elsewhere.
 */
export function githubReport(
  problems: readonly Problem[],
  env: Record<string, string | undefined>,
): { commands: string; summary?: { file: string; text: string } } | undefined {
  if (env.GITHUB_ACTIONS !== 'true') return undefined;
  const file = env.GITHUB_STEP_SUMMARY;
  return {
    commands: workflowCommands(problems),
    summary: file ? { file, text: stepSummary(problems, { fileUrl: repositoryLink(env) }) } : undefined,
  };
}

