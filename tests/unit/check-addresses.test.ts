import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressFileText, type SiteAddress } from '../../src/lib/content/addresses.ts';
import { PROJECT_ROOT } from '../support/build.ts';

// scripts/check-addresses.ts as the deploy runs it: the live site's address list against a new build.
let work: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'check-addresses-'));
  // A live site without the list (the first deploy): 404, as GitHub Pages answers.
  server = createServer((_request, response) => response.writeHead(404).end('<h1>404</h1>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(work, { recursive: true, force: true });
});

const seed: SiteAddress = {
  path: 'pressmeddelanden/konferens/',
  file: 'content/pressmeddelanden/2019-09-23-konferens.md',
  kind: 'release',
  title: 'Konferens i Sunne',
};
const other: SiteAddress = { path: 'pressmeddelanden/program/', file: 'content/pressmeddelanden/2019-09-24-program.md', kind: 'release', title: 'Program' };

let counter = 0;
/** A live list in a file and a dist folder with the new list; returns their paths. */
async function lists(live: SiteAddress[], next: SiteAddress[]): Promise<{ live: string; dist: string }> {
  const dir = path.join(work, String(counter++));
  await mkdir(path.join(dir, 'dist', 'pressmeddelanden'), { recursive: true });
  await writeFile(path.join(dir, 'live.json'), addressFileText(live));
  await writeFile(path.join(dir, 'dist', 'pressmeddelanden', 'adresser.json'), addressFileText(next));
  return { live: path.join(dir, 'live.json'), dist: path.join(dir, 'dist') };
}

function check(live: string, dist: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(PROJECT_ROOT, 'node_modules/.bin/node'),
      ['scripts/check-addresses.ts', live, dist],
      { cwd: PROJECT_ROOT, env: { ...process.env, GITHUB_ACTIONS: 'true', BASE_PATH: '/konferens/' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('scripts/check-addresses.ts', { timeout: 30_000 }, () => {
  it('fails with a Swedish message and an annotation on the file when a live address would vanish', async () => {
    const { live, dist } = await lists([seed, other], [other, { ...seed, path: 'pressmeddelanden/konferensen/' }]);
    const result = await check(live, dist);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'FEL content/pressmeddelanden/2019-09-23-konferens.md\n    Adressen /konferens/pressmeddelanden/konferens/ (pressmeddelandet "Konferens i Sunne", content/pressmeddelanden/2019-09-23-konferens.md) finns på den publicerade webbplatsen men inte i det nya bygget',
    );
    expect(result.stderr).toContain('Adresskontrollen: 1 av 2 publicerade adresser skulle försvinna. Webbplatsen publicerades inte.');
    expect(result.stdout).toMatch(/^::error file=content\/pressmeddelanden\/2019-09-23-konferens\.md,title=Publicerad adress försvinner::Adressen /m);
  });

  it('passes when the old address redirects or the release is withdrawn', async () => {
    const moved = { path: seed.path, file: 'content/pressmeddelanden/2019-09-23-konferensen.md', kind: 'redirect' as const, to: 'pressmeddelanden/konferensen/' };
    const withdrawn = { path: other.path, file: other.file, kind: 'withdrawn' as const, withdrawn: '2019-10-01T08:00:00.000Z' };
    const { live, dist } = await lists([seed, other], [moved, withdrawn]);
    const result = await check(live, dist);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('alla 2 publicerade adresser till pressmeddelanden finns kvar');
  });

  it('passes with a note when the live site has no list yet (the first deploy)', async () => {
    const { dist } = await lists([], [seed]);
    const result = await check(`${origin}/konferens/pressmeddelanden/adresser.json`, dist);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ingen publicerad adresslista att jämföra med');
    expect(result.stdout).toMatch(/^::notice title=Adresskontrollen hoppades över::.*svarade 404/m);
  });
});
