import type { Problem } from './types.ts';

/** Where the editors' guide lives; every report points there. */
export const GUIDE = 'docs/redaktorer.md';

/** "content/program.yaml:34:7", the form editors' tools (VS Code, GitHub) turn into a link. */
export function location(problem: Problem): string {
  const { position } = problem;
  return position ? `${problem.file}:${position.line}:${position.column}` : problem.file;
}

/** One block per problem: where, which field, then what is wrong and what to write instead. */
export function formatProblem(problem: Problem): string {
  const label = problem.severity === 'error' ? 'FEL' : 'VARNING';
  const field = problem.field ? `  fältet ${problem.field}` : '';
  return `${label} ${location(problem)}${field}\n    ${problem.message}`;
}

/** The whole report in Swedish, or an empty string when there is nothing to say. */
export function formatReport(problems: readonly Problem[], context: 'build' | 'check' = 'build'): string {
  if (problems.length === 0) return '';
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const counts = [
    errors > 0 ? `${errors} fel` : '',
    warnings > 0 ? `${warnings} ${warnings === 1 ? 'varning' : 'varningar'}` : '',
  ]
    .filter(Boolean)
    .join(' och ');
  const footer =
    errors > 0
      ? `${context === 'build' ? 'Webbplatsen byggdes inte.' : 'Webbplatsen går inte att bygga förrän felen är rättade.'} ` +
        `Rätta ${errors === 1 ? 'felet' : 'felen'} ovan och kör "npm run check" igen. Hjälp: ${GUIDE}`
      : `Varningar stoppar inte bygget, men kontrollera dem. Hjälp: ${GUIDE}`;
  return [`Innehållskontrollen hittade ${counts}:`, '', ...problems.map(formatProblem), '', footer].join('\n');
}

/** True when the build must stop. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
