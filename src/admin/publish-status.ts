/**
 * The status line above the web editor (served as /admin/publiceringsstatus.js, a module): asks
 * the live site's /build.json and GitHub's API, and says in Swedish whether the latest change on
 * the branch is out. Settings come from the script element's data attributes (written by
 * src/integrations/editor.ts); the token is Sveltia's own, when signed in (public repositories
 * answer without). The decision itself is src/lib/editor/publish-status.ts.
 */
import { githubRequests, publishStatus, type BranchHead, type LiveBuild, type WorkflowRun } from '../lib/editor/publish-status.ts';

const script = document.querySelector<HTMLScriptElement>('script[data-repo]');
const line = document.getElementById('publiceringsstatus');
const root = document.getElementById('nc-root');

/** Sveltia keeps the signed-in user, token included, in localStorage. */
function sveltiaToken(): string | undefined {
  try {
    const user = JSON.parse(localStorage.getItem('sveltia-cms.user') ?? '{}') as { token?: unknown };
    return typeof user.token === 'string' && user.token ? user.token : undefined;
  } catch {
    return undefined;
  }
}

async function readJson<T>(url: string, headers: Record<string, string> = {}): Promise<T | null> {
  try {
    const response = await fetch(url, { headers, cache: 'no-store' });
    return response.ok ? ((await response.json()) as T) : null;
  } catch {
    return null;
  }
}

/** Sveltia fills #nc-root from its top to the bottom of the window: keep its top below the line. */
function fitRoot(): void {
  if (line && root) root.style.top = `${Math.ceil(line.getBoundingClientRect().bottom)}px`;
}

async function update(): Promise<void> {
  if (!script || !line) return;
  const { repo = '', branch = 'main', workflow = 'deploy.yml', buildJson = '../build.json' } = script.dataset;
  const urls = githubRequests(repo, branch, workflow);
  const token = sveltiaToken();
  const headers: Record<string, string> = { Accept: 'application/vnd.github+json', ...(token ? { Authorization: `token ${token}` } : {}) };
  const [live, branchInfo, runList] = await Promise.all([
    readJson<LiveBuild>(new URL(buildJson, location.href).href),
    readJson<{ commit?: { sha?: string; commit?: { committer?: { date?: string } } } }>(urls.branch, headers),
    readJson<{ workflow_runs?: WorkflowRun[] }>(urls.runs, headers),
  ]);
  const head: BranchHead | null = branchInfo?.commit?.sha ? { sha: branchInfo.commit.sha, date: branchInfo.commit.commit?.committer?.date } : null;
  const status = publishStatus({ live, head, runs: runList?.workflow_runs ?? null, now: new Date(), runsPage: urls.runsPage });
  const text = document.createElement('span');
  text.textContent = `Webbplatsen: ${status.text}`;
  const parts: Node[] = [text];
  if (status.link) {
    const link = document.createElement('a');
    link.href = status.link;
    link.rel = 'noopener';
    link.target = '_blank';
    link.textContent = status.link.includes('/runs/') ? 'Se körningen' : 'Se körningarna';
    parts.push(document.createTextNode(' '), link);
  }
  line.dataset.state = status.state;
  line.replaceChildren(...parts);
  fitRoot();
}

/**
 * Asks again every minute while a build runs, every five minutes otherwise, and when the editor
 * comes back to the tab: two requests a time stay within GitHub's 60 an hour without a token.
 */
let next: ReturnType<typeof setTimeout> | undefined;
async function updateAndPlan(): Promise<void> {
  clearTimeout(next);
  await update();
  next = setTimeout(() => void updateAndPlan(), line?.dataset.state === 'publishing' ? 60_000 : 300_000);
}

fitRoot();
addEventListener('resize', fitRoot);
void updateAndPlan();
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void updateAndPlan();
});
