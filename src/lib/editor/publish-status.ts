/**
 * Whether the live site already has the latest change on the branch (issue 18), for the status
 * line in /admin/: the commit `/build.json` names, the branch head and the deploy workflow's runs,
 * as GitHub's REST API returns them. Pure and without imports, so the build can serve it to the
 * browser as it is (src/integrations/editor.ts strips the types).
 */

/** `/build.json` of the live site; `commit` is absent on builds outside a Git checkout. */
export interface LiveBuild {
  commit?: string;
}

/** The branch head (GET /repos/{repo}/branches/{branch}: `commit.sha`, `commit.commit.committer.date`). */
export interface BranchHead {
  sha: string;
  /** When the head commit was made (ISO). */
  date?: string;
}

/** One run of the deploy workflow (GET /repos/{repo}/actions/workflows/{file}/runs), newest first. */
export interface WorkflowRun {
  head_sha: string;
  status: string;
  conclusion: string | null;
  html_url: string;
  updated_at?: string;
}

export type PublishState = 'published' | 'publishing' | 'stopped' | 'unknown';

export interface PublishStatus {
  state: PublishState;
  /** The answer in Swedish: "publicerad", "publiceras nu", "bygget stoppades: …", or why it is unknown. */
  text: string;
  /** The run (or the workflow's list of runs) to read more at. */
  link?: string;
}

/** How long GitHub may take to start a run for a new commit, or the host to serve a finished one. */
export const GRACE_MINUTES = 10;

/** Run states before "completed" (GitHub: queued, in_progress, waiting, pending, requested). */
const ACTIVE = new Set(['queued', 'in_progress', 'waiting', 'pending', 'requested']);

/** Why a completed run did not publish, by its `conclusion`. */
const STOPPED_BECAUSE: Record<string, string> = {
  failure: 'bygget misslyckades',
  cancelled: 'körningen avbröts',
  timed_out: 'körningen tog för lång tid',
  action_required: 'körningen väntar på godkännande',
  startup_failure: 'körningen kunde inte starta',
  skipped: 'körningen hoppades över',
  stale: 'körningen blev för gammal',
  neutral: 'körningen publicerade inget',
};

/** The API addresses to ask, for a repository "owner/name". */
export function githubRequests(repo: string, branch: string, workflow: string): { branch: string; runs: string; runsPage: string } {
  const api = `https://api.github.com/repos/${repo}`;
  return {
    branch: `${api}/branches/${encodeURIComponent(branch)}`,
    runs: `${api}/actions/workflows/${encodeURIComponent(workflow)}/runs?branch=${encodeURIComponent(branch)}&per_page=20`,
    runsPage: `https://github.com/${repo}/actions/workflows/${encodeURIComponent(workflow)}?query=branch%3A${encodeURIComponent(branch)}`,
  };
}

export interface PublishInput {
  /** `/build.json`, or null when it could not be read. */
  live: LiveBuild | null;
  /** The branch head, or null when GitHub could not be asked. */
  head: BranchHead | null;
  /** The deploy workflow's runs on the branch, newest first; null when they could not be read. */
  runs: WorkflowRun[] | null;
  now: Date;
  /** The workflow's list of runs on github.com, linked when no single run explains the answer. */
  runsPage: string;
}

const minutesSince = (iso: string | undefined, now: Date): number => (iso ? (now.getTime() - Date.parse(iso)) / 60_000 : Infinity);

/** The answer for the status line. */
export function publishStatus({ live, head, runs, now, runsPage }: PublishInput): PublishStatus {
  if (!head) return { state: 'unknown', text: 'publiceringsstatus okänd: GitHub kunde inte nås', link: runsPage };
  const run = runs?.find((candidate) => candidate.head_sha === head.sha);
  if (live?.commit && live.commit === head.sha) return { state: 'published', text: 'publicerad', link: run?.html_url };
  if (run && ACTIVE.has(run.status)) return { state: 'publishing', text: 'publiceras nu', link: run.html_url };
  if (run && run.status === 'completed' && run.conclusion !== 'success') {
    const why = STOPPED_BECAUSE[run.conclusion ?? ''] ?? `körningen slutade med "${run.conclusion ?? 'okänt'}"`;
    return { state: 'stopped', text: `bygget stoppades: ${why}`, link: run.html_url };
  }
  if (run) {
    // A successful run for the head: published, unless the live site says otherwise for too long.
    if (!live?.commit) return { state: 'published', text: 'publicerad', link: run.html_url };
    if (minutesSince(run.updated_at, now) < GRACE_MINUTES) return { state: 'publishing', text: 'publiceras nu', link: run.html_url };
    return { state: 'stopped', text: 'bygget stoppades: webbplatsen visar fortfarande en äldre version', link: run.html_url };
  }
  if (!runs) return { state: 'unknown', text: 'publiceringsstatus okänd: körningarna kunde inte läsas', link: runsPage };
  if (minutesSince(head.date, now) < GRACE_MINUTES) return { state: 'publishing', text: 'publiceras nu', link: runsPage };
  return { state: 'stopped', text: 'bygget stoppades: ingen körning startade för den senaste ändringen', link: runsPage };
}
