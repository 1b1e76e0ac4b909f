import { spawn } from 'node:child_process';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_ROOT, buildInto, lockProject, PROJECT_ROOT, TEST_EPOCH } from '../support/build.ts';

// Seed content plus one draft and one published release, each with a word found nowhere else.
const contentDir = path.join(BUILD_ROOT, 'drafts-src', 'content');
const DRAFT = { slug: 'utkast-som-aldrig-far-synas', title: 'Utkast som aldrig får synas', word: 'hemligutkastglosa' };
const CONTROL = { slug: 'synligt-pressmeddelande-om-sunne', title: 'Synligt pressmeddelande om Sunne', word: 'synligkontrollglosa' };

const release = (title: string, word: string, draft: boolean) => `---
title: ${title}
published: "2019-09-24T10:00:00+02:00"
organisations:
  - lansstyrelsen-varmland
tags:
  - ${word}tagg
draft: ${draft}
---

Ordet ${word} finns bara i det här pressmeddelandet.
`;

beforeAll(async () => {
  await rm(path.dirname(contentDir), { recursive: true, force: true });
  await cp(path.join(PROJECT_ROOT, 'content'), contentDir, { recursive: true });
  await writeFile(path.join(contentDir, 'pressmeddelanden', `2019-09-24-${DRAFT.slug}.md`), release(DRAFT.title, DRAFT.word, true));
  await writeFile(path.join(contentDir, 'pressmeddelanden', `2019-09-24-${CONTROL.slug}.md`), release(CONTROL.title, CONTROL.word, false));
});

/** Every file of the build as text; Pagefind's gzipped index and fragments are unpacked. */
async function builtFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    let bytes = await readFile(file);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    files.set(path.relative(dir, file), bytes.toString('utf8'));
  }
  return files;
}

describe('drafts in the production build', () => {
  let files: Map<string, string>;

  beforeAll(async () => {
    const build = await buildInto('drafts', { CONTENT_DIR: contentDir });
    files = await builtFiles(build.outDir);
  });

  const containing = (text: string) => [...files].filter(([, body]) => body.includes(text)).map(([name]) => name).sort();

  it('are absent everywhere: pages, lists, feed, sitemap, search index', () => {
    expect(files.size).toBeGreaterThan(20);
    // Pagefind stores stemmed words: the stem is a prefix of the word.
    for (const needle of [DRAFT.slug, DRAFT.title, DRAFT.word.slice(0, -1)]) expect(containing(needle)).toEqual([]);
  });

  it('while a published release with the same shape is in every one of those places', () => {
    const found = containing(CONTROL.word.slice(0, -1));
    expect(found).toContain(`pressmeddelanden/${CONTROL.slug}/index.html`);
    expect(found.some((name) => name.startsWith('pagefind/fragment/'))).toBe(true);
    expect(found.some((name) => name.startsWith('pagefind/index/'))).toBe(true);
    expect(containing(CONTROL.title)).toEqual(expect.arrayContaining(['pressmeddelanden/index.html', 'rss.xml']));
    expect(files.get('sitemap-0.xml')).toContain(`/pressmeddelanden/${CONTROL.slug}/`);
  });
});

describe('drafts in npm run dev', () => {
  let server: ReturnType<typeof spawn> | undefined;
  let releaseProject: (() => Promise<void>) | undefined;
  let origin = '';

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    releaseProject = await lockProject();
    server = spawn('npm', ['run', 'dev', '--silent', '--', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: PROJECT_ROOT,
      detached: true,
      env: {
        // Without Vitest's own variables: Astro's dev server serves no pages when VITEST is set.
        ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(key))),
        CONTENT_DIR: contentDir,
        SOURCE_DATE_EPOCH: TEST_EPOCH,
        ASTRO_TELEMETRY_DISABLED: '1',
        ASTRO_CACHE_DIR: path.join(BUILD_ROOT, 'drafts-dev-cache'),
      },
    });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      server?.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`${origin}/`)) resolve();
      });
      server?.once('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${output}`)));
    });
  });

  afterAll(async () => {
    // The whole process group: npm, astro and its workers.
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    await releaseProject?.();
  });

  it('are served, on their own page and in the list', async () => {
    const page = await fetch(`${origin}/pressmeddelanden/${DRAFT.slug}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(DRAFT.word);
    expect(await (await fetch(`${origin}/pressmeddelanden/`)).text()).toContain(DRAFT.title);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
