import { GUIDE, location } from './format.ts';
import type { Problem } from './types.ts';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

/**
 * The page `npm run dev` serves instead of the site while the content has errors: the same
 * problems as the terminal's report, in Swedish, with file, line and field. Self-contained (no
 * stylesheet or script to fetch), so it shows whatever state the rest of the site is in.
 */
export function problemsPage(problems: readonly Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const items = problems
    .map((problem) => {
      const label = problem.severity === 'error' ? 'Fel' : 'Varning';
      const field = problem.field ? ` <span class="field">fältet ${escapeHtml(problem.field)}</span>` : '';
      return `<li class="${problem.severity}"><p><strong>${label}</strong> <code>${escapeHtml(location(problem))}</code>${field}</p><p>${escapeHtml(problem.message)}</p></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Innehållet har ${errors.length} fel – förhandsvisningen</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }
li { margin-bottom: 1rem; } li p { margin: 0.2rem 0; } .error strong { color: #a4161a; } .warning strong { color: #7a4a00; }
code { background: #f1f1f1; padding: 0 0.2em; }
</style>
</head>
<body>
<main>
<h1>Innehållet behöver rättas</h1>
<p>Webbplatsen visas inte förrän felen nedan är rättade. Spara filen efter rättningen och ladda om sidan.</p>
<ul>
${items}
</ul>
<p>Samma lista står i terminalen där <code>npm run dev</code> körs. Hjälp med varje meddelande: ${escapeHtml(GUIDE)}.</p>
</main>
</body>
</html>
`;
}

