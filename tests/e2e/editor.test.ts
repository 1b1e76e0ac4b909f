import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { BrowserContext, Locator, Page, Route } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkContentFolder, formatReport, type Problem } from '../../src/lib/content-check/index.ts';
import { slugify } from '../../src/lib/core/slug.ts';
import { flattenMessages } from '../../src/lib/editor/admin-locale.ts';
import { BUILD_ROOT, buildInto, PROJECT_ROOT, SHARED_BUILDS } from '../support/build.ts';
import { COLOR_SCHEMES, openSite, WIDTHS, type E2eSite } from '../support/e2e.ts';

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
const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.2 A and AA (EN 301 549's next version takes in WCAG 2.2). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * Sveltia's English interface strings that read differently in Swedish: none may show. Only plain
 * strings of four letters or more (not MessageFormat patterns), compared with whole lines and labels.
 */
const englishStrings = await (async () => {
  const locale = (code: string) => readFile(path.join(PROJECT_ROOT, 'node_modules', '@sveltia', 'cms', 'locales', `${code}.json`), 'utf8').then(JSON.parse);
  const swedish = new Set(flattenMessages(await locale('sv')).values());
  return new Set([...flattenMessages(await locale('en-US')).values()].filter((text) => /^[A-Z][A-Za-z ’'-]{3,}[A-Za-z.…]$/.test(text) && !swedish.has(text)));
})();

/** The two commits and the runs the GitHub API answers with in the publish status scenarios. */
const LIVE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
type Scenario = 'publicerad' | 'publiceras nu' | 'bygget stoppades';
let scenario: Scenario = 'publicerad';
/** What the status line asked GitHub, by path and query. */
const githubAsked: string[] = [];
function answerGithub(route: Route): Promise<void> {
  const url = new URL(route.request().url());
  githubAsked.push(`${url.pathname}${url.search}`);
  const json = (body: unknown) => route.fulfill({ contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(body) });
  if (/\/branches\/main$/.test(url.pathname)) return json({ name: 'main', commit: { sha: HEAD, commit: { committer: { date: '2019-09-23T10:00:00Z' } } } });
  if (/\/actions\/workflows\/deploy\.yml\/runs$/.test(url.pathname)) {
    const run = (status: string, conclusion: string | null) => ({ head_sha: HEAD, status, conclusion, html_url: 'https://github.com/example/konferens/actions/runs/42', updated_at: '2019-09-23T10:05:00Z' });
    const runs = { publicerad: [run('completed', 'success')], 'publiceras nu': [run('in_progress', null)], 'bygget stoppades': [run('completed', 'failure')] }[scenario];
    return json({ total_count: runs.length, workflow_runs: runs });
  }
  return route.fulfill({ status: 404, body: '' });
}

let site: E2eSite;
let context: BrowserContext;
let page: Page;
const foreign: string[] = [];
const consoleCsp: string[] = [];
/** The status line's two requests to GitHub's API are the only ones allowed to leave the origin. */
const STATUS_REQUESTS = new Set([
  'https://api.github.com/repos/example/konferens/branches/main',
  'https://api.github.com/repos/example/konferens/actions/workflows/deploy.yml/runs?branch=main&per_page=20',
]);
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

/**
 * Violations inside Sveltia that neither the configuration nor a deterministic patch of the bundle
 * fixes, each with its reason; the sweep leaves out only nodes that match exactly, and reports them.
 */
const KNOWN_IN_SVELTIA: { rule: string; node: RegExp; reason: string }[] = [
  // None now. The one there was (WCAG 2.5.3, label-content-name-mismatch: a sidebar collection shown
  // as "Talare 4" but named "Talare") is fixed by not showing the count (src/admin/admin.css).
];
const knownInSveltia: string[] = [];

/** axe's WCAG 2.2 AA rules on the editor as it is now, at both widths and in both colour schemes. */
async function axeSweep(screen: string): Promise<string[]> {
  const report: string[] = [];
  // Run through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  for (const width of WIDTHS) {
    for (const colorScheme of COLOR_SCHEMES) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.waitForTimeout(300);
      const results = await page.evaluate(
        (tags) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags } }) as Promise<AxeResults>,
        WCAG_TAGS,
      );
      expect(results.passes.length, `axe ran on ${screen}`).toBeGreaterThan(5);
      for (const violation of results.violations) {
        const known = KNOWN_IN_SVELTIA.find((entry) => entry.rule === violation.id);
        if (known) {
          const [matched, others] = [violation.nodes.filter((node) => known.node.test(node.html)), violation.nodes.filter((node) => !known.node.test(node.html))];
          if (matched.length > 0) knownInSveltia.push(`${screen} ${width} px ${colorScheme}: ${violation.id} on ${matched.length} nodes: ${known.reason}`);
          violation.nodes = others;
          if (others.length === 0) continue;
        }
        report.push(`${screen} ${width} px ${colorScheme}: ${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `  - ${node.target.join(' ')}: ${node.html.slice(0, 160)}`).join('\n')}`);
      }
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  return report;
}

/** Sveltia's English strings shown on the screen now: whole visible lines, labels, titles and placeholders. */
async function englishShown(): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const texts = document.body.innerText.split('\n').map((line) => line.trim());
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const name of ['aria-label', 'title', 'placeholder']) texts.push(element.getAttribute(name)?.trim() ?? '');
    }
    return texts;
  });
  return [...new Set(shown.filter((text) => englishStrings.has(text)))];
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
  // GitHub's API and the live site's /build.json, for the publish status line (answers by scenario).
  await context.route('https://api.github.com/**', answerGithub);
  await context.route(
    (url) => url.pathname.endsWith('/build.json'),
    (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ sourceDateEpoch: 1569232620, clock: '2019-09-23T09:57:00.000Z', commit: scenario === 'publicerad' ? HEAD : LIVE }) }),
  );
  page = await context.newPage();
  const own = new URL(site.server.origin).host;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.host !== own && !STATUS_REQUESTS.has(request.url())) foreign.push(request.url());
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
    // Entry counts of the collections, as many as the content folder holds: Sveltia writes them
    // into the sidebar, where src/admin/admin.css keeps them from view (WCAG 2.5.3, see below).
    const counts = await page.locator('nav.primary-sidebar [role=treeitem]').evaluateAll((items) =>
      items.map((item) => item.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    );
    expect(counts).toEqual(expect.arrayContaining([expect.stringMatching(/\bTalare 4$/), expect.stringMatching(/\bKontaktpersoner 3$/), expect.stringMatching(/\bOrganisationer 4$/)]));
  });

  it('the collection list: in Swedish, zoomable, and no axe violation (WCAG 2.2 AA) at 375 and 1280 px, light and dark', async () => {
    expect(await englishShown()).toEqual([]);
    // axe's meta-viewport rule (WCAG 1.4.4) among them: Sveltia adds a viewport of its own.
    expect((await axeSweep('collection list')).join('\n')).toBe('');
    const viewports = await page.locator('meta[name=viewport]').evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content') ?? ''));
    expect(viewports.length).toBe(2);
    for (const viewport of viewports) expect(viewport).not.toMatch(/maximum-scale|user-scalable=(no|0)/);
    expect(knownInSveltia).toEqual([]);
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

  it('an entry in the editor: in Swedish and no axe violation (WCAG 2.2 AA) at 375 and 1280 px, light and dark', async () => {
    await open(`#/collections/pressmeddelanden/entries/${path.basename(releaseFile, '.md')}`);
    await field('Rubrik').locator('input').waitFor();
    await expect.poll(() => field('Rubrik').locator('input').inputValue()).toBe(TITLE);
    expect(await englishShown()).toEqual([]);
    expect((await axeSweep('entry editor')).join('\n')).toBe('');
  });

  it("the asset page shows the uploaded picture's details, read by the module Sveltia loads on demand", async () => {
    const exif = page.waitForResponse((response) => response.url().includes('/admin/vendor/exifr@'), { timeout: 30_000 });
    await open('#/assets');
    await page.getByText('konferens.jpg').first().click();
    const info = page.getByRole('button', { name: 'Visa information' });
    if ((await info.count()) > 0) await info.first().click();
    expect((await exif).status()).toBe(200);
    expect(await englishShown()).toEqual([]);
  });

  it('does not save a release with an empty title', async () => {
    const before = Object.keys(await opfsFiles()).length;
    await open('#/collections/pressmeddelanden/new');
    await field('Rubrik').locator('input').fill(' ');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect.poll(() => page.getByText(/Rätta det för att spara posten|Detta fält är obligatoriskt|får inte vara tomt/).count()).toBeGreaterThan(0);
    expect(Object.keys(await opfsFiles()).length).toBe(before);
    // The errors and the button that shows them, in Swedish too.
    expect(await englishShown()).toEqual([]);
  });

  it('refuses a HEIC photo in the image field, in Swedish, before anything is saved', async () => {
    const before = Object.keys(await opfsFiles()).sort();
    await open('#/collections/pressmeddelanden/new');
    await field('Rubrik').locator('input').fill('Prov med en HEIC-bild');
    const picture = await reveal(field('Pressbild'));
    await picture.getByText(/Lägg till .*Pressbild/).click();
    const input = field('Bildfil', picture).locator('input[type=file]').first();
    expect((await input.getAttribute('accept'))?.split(',')).toEqual(['image/jpeg', 'image/png', 'image/webp', 'image/avif']);
    // An iPhone photo: an ISO base media file of brand "heic" (its header is what the content check reads).
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic'), Buffer.alloc(256)]);
    await input.setInputFiles({ name: 'iphone.heic', mimeType: 'image/heic', buffer: heic });
    const refusal = field('Bildfil', picture).getByRole('alert');
    await expect.poll(() => refusal.count(), { timeout: 10_000 }).toBe(1);
    expect(await refusal.innerText()).toMatch(/^Filen iphone\.heic kan inte användas här: webbplatsen tar bara bilder i JPEG, PNG, WebP och AVIF\. Det är en HEIC-bild/);
    // The field still offers an upload; no path was written into it.
    expect(await field('Bildfil', picture).innerText()).not.toContain('bilder/iphone');
    expect(await englishShown()).toEqual([]);
    expect(Object.keys(await opfsFiles()).sort()).toEqual(before);
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

  it('says above the editor, in Swedish, whether the live site has the latest change on main, with the run', async () => {
    const line = page.locator('#publiceringsstatus');
    expect(await line.getAttribute('role')).toBe('status');
    for (const [answer, text] of [
      ['publiceras nu', 'Webbplatsen: publiceras nu'],
      ['bygget stoppades', 'Webbplatsen: bygget stoppades: bygget misslyckades'],
      ['publicerad', 'Webbplatsen: publicerad'],
    ] as const) {
      scenario = answer;
      // The line asks again when the editor returns to the tab (and every minute).
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await expect.poll(() => line.innerText(), { timeout: 10_000 }).toContain(text);
      expect(await line.getByRole('link', { name: 'Se körningen' }).getAttribute('href')).toBe('https://github.com/example/konferens/actions/runs/42');
      // Each state's colours pass too (the sweeps above saw "publicerad").
      if (answer !== 'publicerad') expect((await axeSweep(`status line "${answer}"`)).join('\n')).toBe('');
    }
    expect(githubAsked).toContain('/repos/example/konferens/branches/main');
    expect(githubAsked).toContain('/repos/example/konferens/actions/workflows/deploy.yml/runs?branch=main&per_page=20');
    // Above Sveltia, never over it: the editor's root starts below the line, and the focused link is not hidden (WCAG 2.4.11).
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(200);
      const lineBox = (await line.boundingBox())!;
      const rootBox = (await page.locator('#nc-root').boundingBox())!;
      expect(rootBox.y).toBeGreaterThanOrEqual(lineBox.y + lineBox.height - 1);
      const link = line.getByRole('link');
      await link.focus();
      const box = (await link.boundingBox())!;
      expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('#publiceringsstatus') !== null, [box.x + box.width / 2, box.y + box.height / 2])).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
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
