import { describe, expect, it } from 'vitest';
import { githubRequests, publishStatus, type PublishInput, type WorkflowRun } from '../../src/lib/editor/publish-status.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const NOW = new Date('2026-12-02T12:00:00Z');
const RUNS_PAGE = 'https://github.com/owner/name/actions/workflows/deploy.yml?query=branch%3Amain';
const run = (sha: string, status: string, conclusion: string | null, id = 1, updated = '2026-12-02T11:00:00Z'): WorkflowRun => ({
  head_sha: sha,
  status,
  conclusion,
  html_url: `https://github.com/owner/name/actions/runs/${id}`,
  updated_at: updated,
});
const input = (overrides: Partial<PublishInput>): PublishInput => ({
  live: { commit: A },
  head: { sha: B, date: '2026-12-02T11:00:00Z' },
  runs: [],
  now: NOW,
  runsPage: RUNS_PAGE,
  ...overrides,
});

describe('publish status in /admin/', () => {
  it('asks the branch and the deploy workflow runs on it', () => {
    expect(githubRequests('owner/name', 'main', 'deploy.yml')).toEqual({
      branch: 'https://api.github.com/repos/owner/name/branches/main',
      runs: 'https://api.github.com/repos/owner/name/actions/workflows/deploy.yml/runs?branch=main&per_page=20',
      runsPage: RUNS_PAGE,
    });
  });

  it('"publicerad" when the live site was built from the branch head, with the run that built it', () => {
    expect(publishStatus(input({ live: { commit: B }, runs: [run(B, 'completed', 'success', 7)] }))).toEqual({
      state: 'published',
      text: 'publicerad',
      link: 'https://github.com/owner/name/actions/runs/7',
    });
  });

  it('"publiceras nu" while a run for the head is queued or running', () => {
    for (const status of ['queued', 'in_progress', 'pending', 'waiting']) {
      expect(publishStatus(input({ runs: [run(B, status, null, 8), run(A, 'completed', 'success', 6)] }))).toEqual({
        state: 'publishing',
        text: 'publiceras nu',
        link: 'https://github.com/owner/name/actions/runs/8',
      });
    }
  });

  it('"bygget stoppades: …" with the reason and the run when the head\'s run failed or was cancelled', () => {
    expect(publishStatus(input({ runs: [run(B, 'completed', 'failure', 9)] }))).toEqual({
      state: 'stopped',
      text: 'bygget stoppades: bygget misslyckades',
      link: 'https://github.com/owner/name/actions/runs/9',
    });
    expect(publishStatus(input({ runs: [run(B, 'completed', 'cancelled', 9)] })).text).toBe('bygget stoppades: körningen avbröts');
    expect(publishStatus(input({ runs: [run(B, 'completed', 'strange', 9)] })).text).toBe('bygget stoppades: körningen slutade med "strange"');
  });

  it('the newest run for the head decides: a later successful run after a cancelled one is publicerad once live', () => {
    const runs = [run(B, 'completed', 'success', 11, '2026-12-02T11:58:00Z'), run(B, 'completed', 'cancelled', 10)];
    expect(publishStatus(input({ runs })).state).toBe('publishing');
    expect(publishStatus(input({ runs, live: { commit: B } })).state).toBe('published');
    expect(publishStatus(input({ runs: [run(B, 'completed', 'success', 11)] })).text).toBe('bygget stoppades: webbplatsen visar fortfarande en äldre version');
  });

  it('a new commit with no run yet is "publiceras nu" for a few minutes, then stopped, linking the workflow', () => {
    expect(publishStatus(input({ head: { sha: B, date: '2026-12-02T11:57:00Z' } }))).toEqual({ state: 'publishing', text: 'publiceras nu', link: RUNS_PAGE });
    expect(publishStatus(input({ head: { sha: B, date: '2026-12-02T10:00:00Z' } }))).toEqual({
      state: 'stopped',
      text: 'bygget stoppades: ingen körning startade för den senaste ändringen',
      link: RUNS_PAGE,
    });
  });

  it('without a commit in /build.json, a successful run for the head counts as publicerad', () => {
    expect(publishStatus(input({ live: {}, runs: [run(B, 'completed', 'success', 12)] })).state).toBe('published');
    expect(publishStatus(input({ live: null, runs: [run(B, 'completed', 'success', 12)] })).state).toBe('published');
  });

  it('says it does not know when GitHub cannot be asked', () => {
    expect(publishStatus(input({ head: null }))).toEqual({ state: 'unknown', text: 'publiceringsstatus okänd: GitHub kunde inte nås', link: RUNS_PAGE });
    expect(publishStatus(input({ runs: null })).state).toBe('unknown');
  });
});
