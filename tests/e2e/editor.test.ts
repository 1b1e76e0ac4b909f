import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkContentFolder, formatReport, type Problem } from '../../src/lib/content-check/index.ts';
import { slugify } from '../../src/lib/slug.ts';
import { BUILD_ROOT, buildInto, PROJECT_ROOT, SHARED_BUILDS } from '../support/build.ts';
import { openSite, type E2eSite } from '../support/e2e.ts';

/**
 * The web editor (/admin/) in real Chromium against the built site and its _headers: Sveltia CMS
 * on its test backend (test-repo), which reads and writes the browser's origin private file system
 * (OPFS, folder "sveltia-cms-test"); the test seeds that folder with the repository's content/,
 * edits through the UI, reads the files back, runs the content check on them and builds them.
 * The built configuration is used as it is, with only its backend swapped for test-repo.
 * Titles, names and times typed here are test data; they never leave the test's own folders.
 */
const CSP_LISTENER = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline'));
  });
`;
const OPFS_FOLDER = 'sveltia-cms-test';
const TITLE = 'Testmeddelande: Åsa, Ärlig och Östen bjuder in';
const SPEAKER = 'Östen Ärlig';
const SESSION = 'manniskohandel-i-sverige-idag';
const WORK = path.join(BUILD_ROOT, 'editor-e2e');

let site: E2eSite;
let context: BrowserContext;
let page: Page;
const foreign: string[] = [];
const consoleCsp: string[] = [];
/** Every response under /admin/ with a status of 400 or more: a module Sveltia loads on demand and we do not serve. */
const failed: string[] = [];

async function folderFiles(root: string, prefix: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[`${prefix}/${path.relative(root, file).split(path.sep).join('/')}`] = await readFile(file, 'utf8');
  }
  return files;
}

/** Every file in the test backend's folder, path → text. */
function opfsFiles(): Promise<Record<string, string>> {
  return page.evaluate(async (folder) => {
    const out: Record<string, string> = {};
    type Dir = FileSystemDirectoryHandle & { entries(): AsyncIterable<[string, FileSystemDirectoryHandle | FileSystemFileHandle]> };
    const walk = async (dir: Dir, prefix: string) => {
      for await (const [name, handle] of dir.entries()) {
        if (handle.kind === 'directory') await walk(handle as Dir, `${prefix}${name}/`);
        else {
          const file = await (handle as FileSystemFileHandle).getFile();
          // Pictures as base64, so they survive the trip out of the page byte for byte.
          out[`${prefix}${name}`] = /\.(jpe?g|png|webp|avif|gif)$/i.test(name)
            ? `base64:${btoa(String.fromCharCode(...new Uint8Array(await file.arrayBuffer())))}`
            : await file.text();
        }
      }
    };
    await walk((await (await navigator.storage.getDirectory()).getDirectoryHandle(folder)) as Dir, '');
    return out;
  }, OPFS_FOLDER);
}

/** A field of the entry form by its Swedish label (Sveltia wraps the label in Unicode isolates). */
const field = (label: string, within: Locator | Page = page) => within.locator(`section[aria-label="Fält “\u2068${label}\u2069”"]`);

/** Sveltia renders long forms as they scroll into view: scroll until the field is there. */
async function reveal(target: Locator): Promise<Locator> {
  for (let tries = 0; tries < 40 && (await target.count()) === 0; tries++) {
    // The form's own pane ("Redigera …"), not the preview beside it.
    await page.locator('[aria-label^="Redigera \u2068"]').first().hover();
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(100);
  }
  await target.first().scrollIntoViewIfNeeded();
  return target.first();
}

async function save(): Promise<void> {
  // Enabled once the form has taken the change in.
  await expect.poll(() => page.getByRole('button', { name: 'Spara', exact: true }).isEnabled(), { timeout: 10_000 }).toBe(true);
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect.poll(() => page.getByText('Post sparad.').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.getByText('Post sparad.').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
}

async function open(hash: string): Promise<void> {
  await page.evaluate((target) => {
    location.hash = target;
  }, hash);
}

async function contentCheck(dir: string): Promise<Problem[]> {
  return checkContentFolder(dir, { now: new Date('2026-12-01T12:00:00Z'), displayRoot: path.dirname(dir) });
}

/** The repository's content with the editor's files over it, in a folder of its own. */
async function writeContent(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(WORK, name, 'content');
  await rm(path.join(WORK, name), { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(path.join(PROJECT_ROOT, 'content'), dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    if (!file.startsWith('content/')) continue;
    await mkdir(path.dirname(path.join(dir, file.slice('content/'.length))), { recursive: true });
    await writeFile(path.join(dir, file.slice('content/'.length)), text.startsWith('base64:') ? Buffer.from(text.slice(7), 'base64') : text);
  }
  return dir;
}

beforeAll(async () => {
  site = await openSite();
  // An English browser: the editor must still come up in Swedish.
  context = await site.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: CSP_LISTENER });
  const config = JSON.parse(await readFile(path.join(site.dist, 'admin', 'config.json'), 'utf8')) as Record<string, unknown>;
  expect(config.backend).toMatchObject({ name: 'github' });
  await context.route(
    (url) => url.pathname.endsWith('/admin/config.json'),
    (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...config, backend: { name: 'test-repo' } }) }),
  );
  page = await context.newPage();
  const own = new URL(site.server.origin).host;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.host !== own) foreign.push(request.url());
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.host === own && url.pathname.includes('/admin/') && response.status() >= 400) failed.push(`${response.status()} ${url.pathname}`);
  });
  page.on('requestfailed', (request) => {
    const url = new URL(request.url());
    if (url.host === own && url.pathname.includes('/admin/')) failed.push(`failed ${url.pathname}: ${request.failure()?.errorText ?? ''}`);
  });
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) consoleCsp.push(message.text());
  });
  await page.goto(site.url('admin/'));
  const files = await folderFiles(path.join(PROJECT_ROOT, 'content'), 'content');
  expect(Object.keys(files).length).toBeGreaterThan(10);
  await page.evaluate(
    async ({ folder, seed }) => {
      const root = await navigator.storage.getDirectory();
      await root.removeEntry(folder, { recursive: true }).catch(() => undefined);
      const top = await root.getDirectoryHandle(folder, { create: true });
      for (const [file, text] of Object.entries(seed)) {
        const parts = file.split('/');
        let dir = top;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      }
    },
    { folder: OPFS_FOLDER, seed: files },
  );
  await page.reload();
});

afterAll(async () => {
  await context?.close();
  await site?.close();
});

describe('web editor', () => {
  it('loads in Swedish in an English browser and offers the test backend', async () => {
    await expect.poll(() => page.getByRole('button', { name: 'Arbeta med test-repo' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
  });

  it('reads the repository content: every collection with its entries', async () => {
    await page.getByRole('button', { name: 'Arbeta med test-repo' }).click();
    const release = 'Konferens om prostitution och människohandel för sexuella ändamål';
    await expect.poll(() => page.getByText(release).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const text = await page.locator('body').innerText();
    for (const label of ['Samlingar', 'Pressmeddelanden', 'Program', 'Talare', 'Kontaktpersoner', 'Organisationer', 'Sidor']) {
      expect(text).toContain(label);
    }
    // Entry counts beside the collection names, as many as the content folder holds.
    expect(text).toMatch(/Talare\s+4\b/);
    expect(text).toMatch(/Kontaktpersoner\s+3\b/);
    expect(text).toMatch(/Organisationer\s+4\b/);
  });

  let releaseFile = '';

  it('creates a press release as a draft: å/ä/ö title, ingress, published, two organisations, a contact, a picture, Markdown', async () => {
    await open('#/collections/pressmeddelanden/new');
    await field('Rubrik').locator('input').fill(TITLE);
    await field('Ingress').locator('textarea').fill('En ingress skriven i webbredaktören.');
    await field('Publiceras').locator('input').fill('2025-11-14T10:30');
    await field('Avsändare').getByText('Länsstyrelsen Värmland').click();
    await field('Avsändare').getByText('Länsstyrelsen Dalarna').click();
    await field('Kontaktpersoner').getByText('Isabel Persson').click();
    // A press picture, uploaded into the collection's bilder/ folder (1200 × 630, test data).
    const picture = await reveal(field('Pressbild'));
    await picture.getByText(/Lägg till .*Pressbild/).click();
    const jpeg = await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    await field('Bildfil', picture).locator('input[type=file]').first().setInputFiles({ name: 'konferens.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await expect.poll(() => field('Bildfil', picture).innerText()).toContain('./bilder/konferens.jpg');
    await field('Alt-text', picture).locator('input').fill('Testbild: en blå yta');
    const body = await reveal(field('Text'));
    await body.getByRole('button', { name: 'Redigera som Markdown' }).click();
    await body.locator('textarea').fill('Första stycket.\n\n- en punkt\n- en till punkt\n\nLäs mer hos [Länsstyrelsen](https://www.lansstyrelsen.se/).');
    await save();

    // Named as `npm run ny` names it: the editor's local date, then the title's slug.
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    releaseFile = `content/pressmeddelanden/${today}-${slugify(TITLE)}.md`;
    const files = await opfsFiles();
    expect(Object.keys(files).filter((file) => file.startsWith('content/pressmeddelanden/'))).toContain(releaseFile);
    const text = files[releaseFile]!;
    const [, frontmatter, markdown] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
    expect(parseYaml(frontmatter ?? '')).toEqual({
      title: TITLE,
      ingress: 'En ingress skriven i webbredaktören.',
      published: '2025-11-14T10:30:00+01:00',
      kind: 'Pressmeddelande',
      organisations: ['lansstyrelsen-varmland', 'lansstyrelsen-dalarna'],
      contacts: ['isabel-persson'],
      image: { src: './bilder/konferens.jpg', alt: 'Testbild: en blå yta' },
      draft: true,
    });
    expect(files['content/pressmeddelanden/bilder/konferens.jpg']).toBe(`base64:${jpeg.toString('base64')}`);
    // Quoted, so js-yaml reads the instant as text; no empty optional field written.
    expect(frontmatter).toContain('published: "2025-11-14T10:30:00+01:00"');
    expect(frontmatter).not.toMatch(/: (""|null|\[\])$/m);
    expect(markdown).toContain('- en punkt\n- en till punkt');
    expect(markdown).toContain('[Länsstyrelsen](https://www.lansstyrelsen.se/)');
  });

  it('publishes the draft by switching "Utkast" off', async () => {
    await page.getByText(TITLE).first().click();
    await field('Rubrik').locator('input').waitFor();
    // The preview beside the form uses the site's own stylesheet, loaded and applied.
    await expect.poll(() => page.locator('iframe.preview').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const sheets = async () =>
      page.locator('iframe.preview').first().evaluate((frame: HTMLIFrameElement) =>
        [...(frame.contentDocument?.styleSheets ?? [])].filter((sheet) => /\/_astro\/[^/]+\.css$/.test(sheet.href ?? '') && sheet.cssRules.length > 0).length,
      );
    await expect.poll(sheets, { timeout: 10_000 }).toBe(1);
    const draft = await reveal(field('Utkast'));
    await draft.getByRole('switch').click();
    await save();
    const text = (await opfsFiles())[releaseFile]!;
    expect(text).toMatch(/^draft: false$/m);
    expect(text).toContain(`title: "${TITLE}"`);
  });

  it('does not save a release with an empty title', async () => {
    const before = Object.keys(await opfsFiles()).length;
    await open('#/collections/pressmeddelanden/new');
    await field('Rubrik').locator('input').fill(' ');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect.poll(() => page.getByText(/Rätta det för att spara posten|Detta fält är obligatoriskt|får inte vara tomt/).count()).toBeGreaterThan(0);
    expect(Object.keys(await opfsFiles()).length).toBe(before);
  });

  it('adds a speaker; the file name is the id, Swedish letters made plain', async () => {
    await open('#/collections/talare/new');
    await field('Namn').locator('input').fill(SPEAKER);
    await field('Roll').locator('input').fill('testtalare');
    await field('Organisation').locator('input').fill('Testorganisationen');
    await save();
    const text = (await opfsFiles())['content/talare/osten-arlig.yaml'];
    expect(parseYaml(text ?? '')).toEqual({ name: SPEAKER, role: 'testtalare', organisation: 'Testorganisationen' });
  });

  let edited: Record<string, string> = {};

  it('gives a session a day, a start and an end, and the new speaker', async () => {
    await open('#/collections/program/entries/program');
    const sessions = await reveal(field('Programpunkter'));
    const first = await reveal(field('Id', sessions));
    await expect.poll(() => first.locator('input').inputValue(), { timeout: 10_000 }).toBe(SESSION);
    await (await reveal(field('Talare', sessions))).getByText(SPEAKER).click();
    await (await reveal(field('Dag', sessions))).locator('input').fill('2019-09-25');
    await (await reveal(field('Börjar', sessions))).locator('input').fill('13:00');
    await (await reveal(field('Slutar', sessions))).locator('input').fill('14:00');
    await save();
    edited = await opfsFiles();
    const programme = parseYaml(edited['content/program.yaml'] ?? '') as { sessions: Record<string, unknown>[]; days: unknown[] };
    expect(programme.sessions[0]).toEqual({
      id: SESSION,
      title: 'Människohandel i Sverige idag – en rapport från verkligheten',
      speakers: ['simon-haggstrom', 'osten-arlig'],
      day: '2019-09-25',
      start: '13:00',
      end: '14:00',
    });
    expect(programme.sessions).toHaveLength(3);
    expect(programme.days).toEqual([
      { date: '2019-09-25', start: '11:00', end: '16:30' },
      { date: '2019-09-26', start: '08:30', end: '13:00' },
    ]);
    expect(edited['content/program.yaml']).toContain('start: "13:00"');
  });

  it('the files read back pass the content check unchanged, and a build shows the new release and session', async () => {
    const seed = await contentCheck(await writeContent('seed', {}));
    const dir = await writeContent('edited', edited);
    const problems = await contentCheck(dir);
    expect(problems.filter((problem) => problem.severity === 'error'), formatReport(problems, 'check')).toEqual([]);
    expect(problems.map((problem) => problem.message)).toEqual(seed.map((problem) => problem.message));

    const { outDir } = await buildInto('editor-e2e-site', { ...SHARED_BUILDS.default, CONTENT_DIR: dir });
    const release = await readFile(path.join(outDir, 'pressmeddelanden', slugify(TITLE), 'index.html'), 'utf8');
    expect(release).toContain('Testmeddelande: Åsa, Ärlig och Östen bjuder in');
    expect(release).toMatch(/<li>en punkt<\/li>/);
    expect(release).toContain('href="https://www.lansstyrelsen.se/"');
    expect(release).toMatch(/<img[^>]+alt="Testbild: en blå yta"/);
    const programme = await readFile(path.join(outDir, 'program', 'index.html'), 'utf8');
    expect(programme).toContain(SPEAKER);
    expect(programme).toMatch(/13\.00–14\.00/);
  }, 300_000);

  it('an end before the start, which the editor cannot express, is reported by the content check with file and line', async () => {
    await open('#/collections/talare');
    await page.getByText(SPEAKER).first().waitFor();
    await open('#/collections/program/entries/program');
    const sessions = await reveal(field('Programpunkter'));
    const first = await reveal(field('Id', sessions));
    await expect.poll(() => first.locator('input').inputValue(), { timeout: 10_000 }).toBe(SESSION);
    await (await reveal(field('Slutar', sessions))).locator('input').fill('12:00');
    await save();
    const dir = await writeContent('end-before-start', await opfsFiles());
    const report = formatReport(await contentCheck(dir), 'check');
    expect(report).toMatch(/FEL content\/program\.yaml:\d+:\d+ +fältet sessions\[0\]\.end/);
    expect(report).toContain('Programpunkten slutar 12:00, före eller samtidigt som den börjar 13:00');
  });

  it('requested nothing from another host and reported no CSP violation all along', async () => {
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect(violations).toEqual([]);
    expect(consoleCsp).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('every response under /admin/ all along was a success: nothing the editor loads on demand is missing', () => {
    expect(failed).toEqual([]);
  });
});
