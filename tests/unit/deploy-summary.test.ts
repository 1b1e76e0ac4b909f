import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentFolder } from '../../src/lib/content-check/source.ts';
import { parseAddressFile, type SiteAddress } from '../../src/lib/content/addresses.ts';
import { deploySummary, newlyLive, stillScheduled } from '../../src/lib/publishing/deploy-summary.ts';
import { clockedContent } from '../../src/lib/publishing/due.ts';
import { PROJECT_ROOT } from '../support/build.ts';
import { contentWith, release } from '../support/due-content.ts';

const run = promisify(execFile);

// Address lists in the shape helper "addresses" writes (dist/pressmeddelanden/adresser.json).
const OLD: SiteAddress = { path: 'pressmeddelanden/gammalt/', file: 'content/pressmeddelanden/a.md', kind: 'release', title: 'Gammalt' };
const NEW: SiteAddress = { path: 'pressmeddelanden/nu-ar-det-dags/', file: 'content/pressmeddelanden/b.md', kind: 'release', title: 'Nu är det dags' };
const MOVED: SiteAddress = { path: 'pressmeddelanden/gammal-rubrik/', file: 'content/pressmeddelanden/a.md', kind: 'redirect', to: 'pressmeddelanden/gammalt/' };
const list = (...addresses: SiteAddress[]) => JSON.stringify({ addresses }, null, 2);

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'deploy-summary-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('which releases this deploy puts out', () => {
  it('the releases whose address the live list lacks; redirects and withdrawals are not releases', () => {
    const withdrawn: SiteAddress = { path: 'pressmeddelanden/borttaget/', file: 'content/pressmeddelanden/c.md', kind: 'withdrawn', withdrawn: '2019-09-21T10:00:00+02:00' };
    expect(newlyLive([OLD, NEW, MOVED, withdrawn], [OLD])).toEqual([NEW]);
    expect(newlyLive([OLD], [OLD, NEW])).toEqual([]);
  });

  it('reads the list, and says in Swedish what is wrong with a broken one', () => {
    expect(parseAddressFile(list(OLD, MOVED))).toEqual([OLD, MOVED]);
    expect(() => parseAddressFile('<!doctype html>')).toThrow('adresslistan är inte JSON');
    expect(() => parseAddressFile('{}')).toThrow('adresslistan saknar "addresses"');
    expect(() => parseAddressFile('{"addresses":[{"path":"x/"}]}')).toThrow('adress nummer 1');
  });
});

describe('what stays scheduled', () => {
  it('the releases after the clock, earliest first, drafts left out', async () => {
    const dir = await contentWith(path.join(work, 'scheduled'), {
      'a.md': release('Gammalt', '2019-09-19T10:00:00+02:00'),
      'b.md': release('Senare', '2019-09-21T09:00:00+02:00'),
      'c.md': release('Tidigare', '2019-09-20T13:00:00+02:00'),
      'd.md': release('Utkast', '2019-09-20T12:00:00+02:00', 'draft: true\n'),
    });
    const content = clockedContent(await readContentFolder(dir, path.dirname(dir)));
    expect(stillScheduled(content, new Date('2019-09-20T08:00:00Z')).map((entry) => entry.title)).toEqual(['Tidigare', 'Senare']);
  });
});

describe('the summary', () => {
  const scheduled = [{ file: 'content/pressmeddelanden/c.md', title: 'Inbjudan | [pressträff]', published: new Date('2019-09-25T08:00:00Z') }];

  it('lists the new release with its full address, and the scheduled one with its local time', () => {
    expect(deploySummary({ current: [OLD, NEW, MOVED], live: [OLD], scheduled, siteUrl: 'https://example.github.io/konferens/', timeZone: 'Europe/Stockholm' }))
      .toBe(`## Publiceringen

### Publiceras nu

- [Nu är det dags](https://example.github.io/konferens/pressmeddelanden/nu-ar-det-dags/) \`content/pressmeddelanden/b.md\`

### Schemalagda

Tiderna är svensk tid. Varje pressmeddelande publiceras av den första schemalagda körningen efter sin tid (inom cirka 15 minuter).

| Publiceras | Rubrik | Fil |
| --- | --- | --- |
| onsdag 25 september 2019 kl. 10.00 | Inbjudan \\| \\[pressträff\\] | \`content/pressmeddelanden/c.md\` |
`);
  });

  it('says so when nothing is new or scheduled, when the live list is missing, and when the build wrote none', () => {
    const site = { siteUrl: 'https://konferens.example.se/', timeZone: 'Europe/Stockholm', scheduled: [] };
    const quiet = deploySummary({ ...site, current: [OLD], live: [OLD] });
    expect(quiet).toContain('Inga nya pressmeddelanden i den här publiceringen.');
    expect(quiet).toContain('Inget pressmeddelande är schemalagt.');
    const first = deploySummary({ ...site, current: [OLD, MOVED], live: undefined });
    expect(first).toContain('gick inte att läsa (första publiceringen?)');
    expect(first).toContain('- [Gammalt](https://konferens.example.se/pressmeddelanden/gammalt/)');
    expect(first).not.toContain('gammal-rubrik');
    expect(deploySummary({ ...site, current: undefined, live: [OLD] })).toContain('Bygget skrev ingen adresslista');
  });
});

describe('scripts/deploy-summary.ts', () => {
  let server: Server;
  let origin: string;
  let liveList: string | undefined;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (liveList !== undefined && request.url?.startsWith('/konferens/pressmeddelanden/adresser.json?t=')) {
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(liveList);
      } else response.writeHead(404).end('Not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function script(name: string, built: string | undefined) {
    const root = path.join(work, name);
    const content = await contentWith(root, {
      'a.md': release('Gammalt', '2019-09-19T10:00:00+02:00'),
      'b.md': release('Nu är det dags', '2019-09-20T10:10:00+02:00'),
      'c.md': release('Senare', '2019-09-21T10:00:00+02:00'),
    });
    const dist = path.join(root, 'dist');
    await mkdir(path.join(dist, 'pressmeddelanden'), { recursive: true });
    if (built !== undefined) await writeFile(path.join(dist, 'pressmeddelanden', 'adresser.json'), built);
    const summary = path.join(root, 'summary.md');
    await writeFile(summary, '# Tidigare steg\n');
    const { stdout } = await run(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'node'), ['scripts/deploy-summary.ts', `${origin}/konferens`], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH,
        CONTENT_DIR: content,
        ASTRO_OUT_DIR: dist,
        SOURCE_DATE_EPOCH: String(Date.parse('2019-09-20T08:15:00Z') / 1000),
        GITHUB_STEP_SUMMARY: summary,
      },
    });
    return { stdout, summary: await readFile(summary, 'utf8') };
  }

  it('appends to the run summary what went live, with its address under the base path, and what stays scheduled', async () => {
    liveList = list(OLD);
    const { summary } = await script('script', list(OLD, NEW));
    expect(summary.startsWith('# Tidigare steg\n## Publiceringen\n')).toBe(true);
    expect(summary).toContain(`- [Nu är det dags](${origin}/konferens/pressmeddelanden/nu-ar-det-dags/) \`content/pressmeddelanden/b.md\``);
    expect(summary).not.toContain('[Gammalt]');
    expect(summary).toMatch(/\| lördag 21 september 2019 kl\. 10\.00 \| Senare \| `[^`]*content\/pressmeddelanden\/c\.md` \|/);
  });

  it('never fails the deploy: a missing live list and a missing build list are said in the summary', async () => {
    liveList = undefined;
    const first = await script('script-first', list(OLD, NEW));
    expect(first.stdout).toContain('svarade 404');
    expect(first.summary).toContain('första publiceringen?');
    expect(first.summary).toContain('[Gammalt]');
    const none = await script('script-none', undefined);
    expect(none.summary).toContain('Bygget skrev ingen adresslista');
  });
});
