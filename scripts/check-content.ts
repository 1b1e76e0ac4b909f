/**
 * `npm run check` (first half): checks the editors' content exactly as the build does and prints
 * the Swedish report. Exit code 1 when there is an error; warnings alone exit 0.
 */
import path from 'node:path';
import { checkContentFolder, formatReport, hasErrors } from '../src/lib/content-check/index.ts';
import { siteSettings } from '../src/lib/settings.ts';
import { buildTime } from '../src/lib/status.ts';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.resolve(root, siteSettings(process.env).contentDir);
const problems = await checkContentFolder(dir, { now: buildTime(), displayRoot: root });

if (problems.length === 0) {
  console.log('Innehållskontrollen: inga fel eller varningar.');
} else if (hasErrors(problems)) {
  console.error(formatReport(problems, 'check'));
  process.exitCode = 1;
} else {
  console.log(formatReport(problems, 'check'));
}
