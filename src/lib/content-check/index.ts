/** The editors' content check: the build, `npm run check` and the tests all call these. */
export { checkContent, checkContentFolder, type CheckOptions } from './check.ts';
export { formatProblem, formatReport, hasErrors, location, GUIDE } from './format.ts';
export { readContentFolder, CONTENT_LAYOUT } from './source.ts';
export type { Problem, Position, Severity } from './types.ts';
