import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkContent, checkContentFolder, formatReport, hasErrors, type Problem } from '../../src/lib/content-check/index.ts';
import { unknownTopLevelDomain } from '../../src/lib/content-check/email.ts';
import { checkMarkdownBody } from '../../src/lib/content-check/markdown.ts';
import { checkProgramme } from '../../src/lib/content-check/programme.ts';
import { splitFrontmatter } from '../../src/lib/content-check/source.ts';
import { parseYamlSource } from '../../src/lib/content-check/yaml.ts';
import { siteSettings } from '../../src/lib/core/settings.ts';
import { TEST_EPOCH } from '../support/build.ts';
import { inMemoryFolder } from '../support/content-folder.ts';

const now = new Date(Number(TEST_EPOCH) * 1000);
const where = (problems: Problem[]) =>
  problems.map((problem) => `${problem.severity} ${problem.position?.line}:${problem.position?.column} ${problem.message}`);

describe('the seed content', () => {
  it('has no errors and exactly one warning: the address without a public top-level domain', async () => {
    const problems = await checkContentFolder('content', { now });
    const contacts = await readFile('content/kontakter/klara-bolinder.yaml', 'utf8');
    const line = contacts.split('\n').findIndex((text) => text.includes('klara.bolinder@lansstyrelsen.orebro')) + 1;
    expect(problems).toEqual([
      {
        severity: 'warning',
        file: 'content/kontakter/klara-bolinder.yaml',
        position: { line, column: 8 },
        field: 'email',
        message: expect.stringContaining('"klara.bolinder@lansstyrelsen.orebro" slutar på ".orebro"'),
      },
    ]);
    expect(hasErrors(problems)).toBe(false);
  });
});

describe('YAML positions', () => {
  const text = 'name: Konferens\ndays:\n  - date: "2019-09-25"\n    start: 8.30\n    end:\n';

  it('points at a value, and shows it as written rather than as parsed', () => {
    const source = parseYamlSource(text);
    expect(source.locate(['days', 0, 'start'])).toEqual({ position: { line: 4, column: 12 }, exists: true, found: { text: '8.30', literal: true } });
    expect(source.locate(['days', 0, 'date']).found).toEqual({ text: '2019-09-25', literal: true });
  });

  it('points at the key of an empty value and at the parent of a missing one', () => {
    const source = parseYamlSource(text);
    expect(source.locate(['days', 0, 'end'])).toMatchObject({ position: { line: 5, column: 5 }, exists: true, found: { text: 'ett tomt värde' } });
    expect(source.locate(['days', 0, 'room'])).toMatchObject({ position: { line: 3, column: 5 }, exists: false });
  });

  it('shifts lines for frontmatter, which starts on the second line of a file', () => {
    const split = splitFrontmatter('---\ntitle: A\npublished: x\n---\n\nText\n');
    expect(split.bodyLineOffset).toBe(4);
    const source = parseYamlSource(split.frontmatter?.text ?? '', split.frontmatter?.lineOffset);
    expect(source.locate(['published']).position).toEqual({ line: 3, column: 12 });
  });

  it('reports the line where an unclosed quote opens, not where the file ends', () => {
    const source = parseYamlSource('a: 1\nb: "öppen\nc: 2\nd: 3\n');
    expect(source.value).toBeUndefined();
    expect(source.errors).toEqual([{ position: { line: 2, column: 4 }, message: expect.stringContaining('citattecken saknas') }]);
  });
});

describe('Markdown bodies', () => {
  const body = (text: string) => where(checkMarkdownBody(text, 10, 'x.md'));

  it('finds script, event handlers and javascript: links, with the line in the file', () => {
    expect(body('Hej\n<SCRIPT>x</SCRIPT>')).toEqual([expect.stringMatching(/^error 12:1 Texten innehåller en <script>-tagg/)]);
    expect(body('<span onClick="go()">Gå</span>')).toEqual([expect.stringMatching(/^error 11:7 Taggen "<span>" har attributet "onclick="/)]);
    expect(body("[a](javascript:alert('x'))")).toEqual([expect.stringMatching(/^error 11:5 Länken "javascript:/)]);
    expect(body('<a href=" JaVa&#x53;cript:x">a</a>')).toEqual([expect.stringMatching(/^error 11:1 Taggen "<a>" är inte tillåten/)]);
    expect(body('[a]: vbscript:x')).toHaveLength(1);
    expect(body('Se <javascript:alert(1)>')).toEqual([expect.stringMatching(/^error 11:5 Länken "javascript:/)]);
  });

  it('leaves code alone: it is shown as text', () => {
    expect(body('Skriv `<script>` eller ``a <b onclick=x> b``.\n\n```html\n<script>alert(1)</script>\n```\n')).toEqual([]);
    expect(body('~~~\n<script>alert(1)</script>\n~~~\n')).toEqual([]);
    expect(body('~~~\nkod\n~~~\n<script>alert(1)</script>')).toEqual([expect.stringMatching(/^error 14:1 Texten innehåller en <script>-tagg/)]);
  });

  it('requires alt text on Markdown images; HTML and MDX images are refused for Markdown ones', () => {
    expect(body('![ ](a.jpg)')).toEqual([expect.stringMatching(/^error 11:1 Bilden saknar alternativtext/)]);
    expect(body('<img src="b.jpg" alt="Sunne">')).toEqual([expect.stringMatching(/^error 11:1 Taggen "<img>" är inte tillåten.*!\[Beskrivning av bilden\]/)]);
    expect(where(checkMarkdownBody('<Image src={c} alt="Sunne" />', 10, 'x.mdx'))).toEqual([expect.stringMatching(/^error 11:1 Taggen "<Image>" är inte tillåten/)]);
    expect(body('![Selma Spa](a.jpg)')).toEqual([]);
  });

  it('allows ordinary links and words', () => {
    expect(body('[Digg](https://www.digg.se/) och [kontakt](../kontakt/). JavaScript: ett språk. Ring onsdag = bra.')).toEqual([]);
  });

  it('warns about e-mail addresses without a public top-level domain', () => {
    expect(body('Mejla a.b@lansstyrelsen.se eller [c](mailto:c.d@lansstyrelsen.orebro).')).toEqual([
      expect.stringMatching(/^warning 11:45 E-postadressen "c.d@lansstyrelsen.orebro"/),
    ]);
  });
});

describe('public top-level domains', () => {
  it.each([
    ['klara.bolinder@lansstyrelsen.orebro', 'orebro'],
    ['a@lansstyrelsen', 'lansstyrelsen'],
    ['a@lansstyrelsen.se', undefined],
    ['a@EXAMPLE.SE', undefined],
    ['a@example.museum', undefined],
    ['a@example.xn--p1ai', undefined],
    ['a@example.se.', undefined],
  ])('%s → %s', (address, label) => {
    expect(unknownTopLevelDomain(address)).toBe(label);
  });
});

describe('programme rules', () => {
  const programme = (sessions: object[]) => {
    const data = {
      days: [
        { date: '2019-09-25', start: '11:00', end: '16:30' },
        { date: '2019-09-26', start: '08:30', end: '13:00' },
      ],
      sessions,
    };
    return where(checkProgramme(data, parseYamlSource(JSON.stringify(data, null, 2)), 'program.yaml')).map((line) => line.split(' ').slice(2).join(' '));
  };
  const session = (id: string, start: string, end: string, room?: string, day = '2019-09-25') => ({ id, title: id, day, start, end, ...(room ? { room } : {}) });

  it('accepts back-to-back sessions, parallel rooms and untimed sessions', () => {
    expect(
      programme([
        session('a', '11:00', '12:00', 'Stora salen'),
        session('b', '12:00', '13:00', 'Stora salen'),
        session('c', '11:30', '12:30', 'Lilla salen'),
        session('d', '11:30', '12:30', 'Stora salen', '2019-09-26'),
        { id: 'e', title: 'e' },
      ]),
    ).toEqual([]);
  });

  it('finds overlaps in one room, whatever the case of its name', () => {
    expect(programme([session('a', '11:00', '12:00', 'Stora salen'), session('b', '11:59', '12:30', 'stora salen')])).toEqual([
      expect.stringMatching(/^Programpunkten "b" \(11:59–12:30\) krockar med "a" \(11:00–12:00, rad \d+\)/),
    ]);
  });

  it('finds times that contradict each other or the day', () => {
    expect(
      programme([
        session('a', '10:30', '11:30'),
        session('b', '12:00', '12:00'),
        { id: 'c', title: 'c', start: '12:00' },
        { id: 'd', title: 'd', day: '2019-09-25', end: '12:00' },
        session('a', '12:00', '13:00'),
      ]),
    ).toEqual([
      'Programpunkten börjar 10:30, utanför dagens tider 11:00–16:30 (2019-09-25).',
      'Programpunkten slutar 12:00, före eller samtidigt som den börjar 12:00. Kontrollera start och end.',
      expect.stringMatching(/^Programpunkten har en starttid men ingen dag/),
      expect.stringMatching(/^Programpunkten har en sluttid men ingen starttid/),
      'Id "a" används redan av sessions[0]. Varje programpunkt behöver ett eget id.',
    ]);
  });
});

describe('the report', () => {
  const problem = (severity: Problem['severity']): Problem => ({
    severity,
    file: 'content/program.yaml',
    position: { line: 34, column: 7 },
    field: 'sessions[1].end',
    message: 'Hittade "25:00", men fältet ska skrivas TT:MM.',
  });

  it('gives file:line:column, the field and the message, and counts in Swedish', () => {
    const report = formatReport([problem('error'), problem('error'), problem('warning')]);
    expect(report.split('\n').slice(0, 4)).toEqual([
      'Innehållskontrollen hittade 2 fel och 1 varning:',
      '',
      'FEL content/program.yaml:34:7  fältet sessions[1].end',
      '    Hittade "25:00", men fältet ska skrivas TT:MM.',
    ]);
    expect(report).toMatch(/Webbplatsen byggdes inte\. Rätta felen ovan/);
    expect(formatReport([problem('warning'), problem('warning')])).toMatch(/^Innehållskontrollen hittade 2 varningar:[\s\S]*Varningar stoppar inte bygget/);
    expect(formatReport([])).toBe('');
  });
});

describe('checkContent on files in memory', () => {
  const folder = inMemoryFolder;

  it('lists every missing file and keeps going', () => {
    const problems = checkContent(folder({ 'pressmeddelanden/a.md': '---\ntitle: A\n---\n' }), { now });
    expect(problems.map((p) => `${p.file}${p.position ? `:${p.position.line}` : ''} ${p.field ?? ''}`)).toEqual([
      'content/pressmeddelanden/a.md:2 published',
      'content/pressmeddelanden/a.md:2 organisations',
      'content/program.yaml ',
      'content/sidor/tillganglighet.md ',
    ]);
  });

  it('suggests the field name an editor probably meant', () => {
    const problems = checkContent(folder({ 'pressmeddelanden/a.md': '---\ntitel: A\n---\n' }), { now });
    expect(problems.find((p) => p.field === 'titel')?.message).toMatch(/^Fältet "titel" finns inte\. Menade du "title"\?/);
  });
});

describe('CONTENT_DIR', () => {
  it('defaults to ./content and may point elsewhere, without a trailing slash', () => {
    expect(siteSettings({}).contentDir).toBe('./content');
    expect(siteSettings({ CONTENT_DIR: ' tests/fixtures/x/content/ ' }).contentDir).toBe('tests/fixtures/x/content');
  });
});
