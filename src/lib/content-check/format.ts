import type { Problem } from './types.ts';

/** Where the editors' guide lives; every report points there. */
export const GUIDE = 'docs/redaktorer.md';

/** "content/program.yaml:34:7", the form editors' tools (VS Code, GitHub) turn into a link. */
export function location(problem: Problem): string {
  const { position } = problem;
  return position ? `${problem.file}:${position.line}:${position.column}` : problem.file;
}

const LABELS = { error: 'FEL', warning: 'VARNING', info: 'INFO' } as const;

/** "2 fel, 1 varning och 1 upplysning": the counts that are not zero, in Swedish. */
export function countText(problems: readonly Problem[]): string {
  const count = (severity: Problem['severity']) => problems.filter((problem) => problem.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  const parts = [
    errors > 0 ? `${errors} fel` : '',
    warnings > 0 ? `${warnings} ${warnings === 1 ? 'varning' : 'varningar'}` : '',
    infos > 0 ? `${infos} ${infos === 1 ? 'upplysning' : 'upplysningar'}` : '',
  ].filter(Boolean);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} och ${parts.at(-1)}` : (parts[0] ?? '');
}

/** One block per problem: where, which field, then what is wrong and what to write instead. */
export function formatProblem(problem: Problem): string {
  const label = LABELS[problem.severity];
  const field = problem.field ? `  fältet ${problem.field}` : '';
  return `${label} ${location(problem)}${field}\n    ${problem.message}`;
}

/** The whole report in Swedish, or an empty string when there is nothing to say. */
export function formatReport(problems: readonly Problem[], context: 'build' | 'check' = 'build'): string {
  if (problems.length === 0) return '';
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.filter((problem) => problem.severity === 'warning').length;
  const footer =
    errors > 0
      ? `${context === 'build' ? 'Webbplatsen byggdes inte.' : 'Webbplatsen går inte att bygga förrän felen är rättade.'} ` +
        `Rätta ${errors === 1 ? 'felet' : 'felen'} ovan och kör "npm run check" igen. Hjälp: ${GUIDE}`
      : warnings > 0
        ? `Varningar stoppar inte bygget, men kontrollera dem. Hjälp: ${GUIDE}`
        : `Upplysningar kräver ingen åtgärd. Hjälp: ${GUIDE}`;
  return [`Innehållskontrollen hittade ${countText(problems)}:`, '', ...problems.map(formatProblem), '', footer].join('\n');
}

/** True when the build must stop. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
