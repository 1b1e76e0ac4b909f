import { describe, expect, it } from 'vitest';
import { checkMarkdownBody } from '../../src/lib/content-check/markdown.ts';

/** "error 11:5 message" per problem, with the body starting on line 11 of its file. */
const check = (text: string, file = 'x.md') => checkMarkdownBody(text, 10, file).map((problem) => `${problem.severity} ${problem.position?.line}:${problem.position?.column} ${problem.message}`);
const notAllowed = (name: string, line: number, column?: number) =>
  expect.stringMatching(new RegExp(`^error ${line}:${column ?? '\\d+'} Taggen "<${name}>" är inte tillåten i texten`));

describe('raw HTML in Markdown is on an allowlist', () => {
  it.each([
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>', ['iframe']],
    ['<meta http-equiv="refresh" content="0; url=https://example.com/">', ['meta']],
    ['<style>body { display: none }</style>', ['style']],
    ['<form action="https://example.com/"><input name="pnr"></form>', ['form', 'input']],
    ['<base href="https://example.com/">', ['base']],
    ['<object data="film.swf"></object>', ['object']],
    ['<embed src="film.swf">', ['embed']],
    ['<svg onload="alert(1)"></svg>', ['svg']],
    ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Program</a>', ['a']],
    ['<a href=" JaVa&#x53;cript:alert(1)">Program</a>', ['a']],
    ['<img src="x.jpg" alt="Sunne">', ['img']],
    ['<p>Stycke</p>', ['p']],
    ['<details open ontoggle="alert(1)"><summary>x</summary></details>', ['details', 'summary']],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', ['math', 'mi']],
  ])('refuses %s, one error per element, with file, line and column', (html, names) => {
    const found = check(`Inledning.\n\n${html}\n`);
    expect(found[0]).toEqual(notAllowed(names[0]!, 13, 1));
    expect(found).toEqual(names.map((name) => notAllowed(name, 13)));
  });

  it('finds elements inline, in any case, on any line of the piece, and says what to write instead', () => {
    expect(check('Anmäl dig <A HREF="https://example.com/">här</A>.')).toEqual([
      expect.stringMatching(/^error 11:11 Taggen "<a>" .*Skriv länkar med Markdown: \[texten som syns\]/),
    ]);
    expect(check('Hej\n<SCRIPT>x</SCRIPT>')).toEqual([expect.stringMatching(/^error 12:1 Texten innehåller en <script>-tagg/)]);
    expect(check('Text <b\nclass="x">fet</b> och <ScRiPt>x</sCrIpT>')).toEqual([notAllowed('b', 11, 6), expect.stringMatching(/^error 12:23 Texten innehåller en <script>-tagg/)]);
    expect(check('<!DOCTYPE html>\n')).toEqual([expect.stringMatching(/^error 11:1 En <!DOCTYPE>-rad/)]);
  });

  it('refuses attributes the allowlist does not give, at the attribute', () => {
    expect(check('Se <span lang="en" onclick="alert(1)">human trafficking</span>.')).toEqual([
      expect.stringMatching(/^error 11:20 Taggen "<span>" har attributet "onclick=", som kör skript/),
    ]);
    expect(check('<abbr title="Socialtjänstlagen" style="color: red">SoL</abbr>')).toEqual([
      expect.stringMatching(/^error 11:33 Taggen "<abbr>" har attributet "style=", som inte är tillåtet. På <abbr> får bara title= och lang= stå/),
    ]);
    expect(check('Rad<br clear="all">rad')).toEqual([expect.stringMatching(/^error 11:8 Taggen "<br>" har attributet "clear="/)]);
    expect(check('<sup title="x">2</sup>')).toEqual([expect.stringMatching(/^error 11:6 Taggen "<sup>" har attributet "title="/)]);
    expect(check('<span lang="en&quot; onmouseover=&quot;x">y</span>')).toEqual([expect.stringMatching(/^error 11:7 Värdet "en" onmouseover="x" i lang= på "<span>" är ingen språkkod/)]);
  });

  it('lets through what editors need: <br>, <abbr title>, <sub>, <sup>, <span lang>, lang on them, comments', () => {
    const allowed = [
      'Länsstyrelsen i Värmlands län<br>Box 123<br/>651 86 Karlstad',
      '<abbr title="Myndigheten för digital förvaltning">Digg</abbr> har tillsyn.',
      'Utsläpp av CO<sub>2</sub> per m<sup>2</sup>.',
      'Termen <span lang="en">sugar dating</span> och <abbr lang="en" title="United Nations Office on Drugs and Crime">UNODC</abbr>.',
      '<span lang="se">Sámegiella</span> och <span lang="en-GB">colour</span>.',
      '<!-- Anteckning till redaktörerna: uppdatera efter konferensen. -->',
      'Skriv `<iframe>` i en kodrad, det är text.\n\n```html\n<script>alert(1)</script>\n```',
      'Om a < b och c > d, eller 3<4, är det text.',
      'Se <https://www.digg.se/> och <info@lansstyrelsen.se>.',
      '> Citat med <abbr\n> title="Regeringskansliet">RK</abbr>.',
    ];
    for (const text of allowed) expect(check(text), text).toEqual([]);
  });
});

describe('links and images use web, e-mail and phone addresses only', () => {
  it.each([
    ['[Program](data:text/html;base64,PHNjcmlwdD4=)', 11, 11, /"data:"/],
    ['[Program](DATA:text/html,<b>)', 11, 11, /"data:"/],
    ['![Karta](data:image/png;base64,iVBORw0KGgo=)', 11, 10, /"data:"/],
    ['[Program](file:///etc/passwd)', 11, 11, /"file:"/],
    ["[a](javascript:alert('x'))", 11, 5, /kör skript/],
    ['[a](JaVaScRiPt:alert(1))', 11, 5, /kör skript/],
    ['[a]( \tjavascript:alert(1))', 11, 7, /kör skript/],
    ['[a](&#x6A;avascript:alert(1))', 11, 5, /kör skript/],
    ['[a](java&#x09;script:alert(1))', 11, 5, /kör skript/],
    ['[a](&#106;&#97;vascript&colon;alert(1))', 11, 5, /kör skript/],
    ['[a]: vbscript:x', 11, 6, /kör skript/],
    ['Se <javascript:alert(1)>', 11, 5, /kör skript/],
  ])('refuses %s', (text, line, column, message) => {
    expect(check(text)).toEqual([expect.stringMatching(new RegExp(`^error ${line}:${column} (Länken|Adressen) .*${message.source}`))]);
  });

  it('allows web, e-mail and phone links and paths on the site', () => {
    expect(check('[Digg](https://www.digg.se/), [gammal](http://example.com/), [mejla](mailto:a@lansstyrelsen.se), [ring](tel:+46102247339), [kontakt](../kontakt/), [upp](#topp), ![Sunne](./bilder/sunne.jpg)')).toEqual([]);
  });
});

describe('JSX and code in MDX are on the same allowlist', () => {
  const mdx = (text: string) => check(text, 'x.mdx');

  it('refuses elements and components not on the list', () => {
    expect(mdx('Text.\n\n<iframe srcDoc="<script>alert(1)</script>" />\n')).toEqual([notAllowed('iframe', 13, 1)]);
    expect(mdx('<svg onLoad="alert(1)" />')).toEqual([notAllowed('svg', 11, 1)]);
    expect(mdx('<Fragment set:html="<script>alert(1)</script>" />')).toEqual([notAllowed('Fragment', 11, 1)]);
    expect(mdx('<Image src="./a.jpg" alt="Sunne" />')).toEqual([notAllowed('Image', 11, 1)]);
    expect(mdx('Se <a href="data:text/html,x">här</a>.')).toEqual([notAllowed('a', 11, 4)]);
  });

  it('refuses JavaScript: import/export, {expressions} and attributes with code', () => {
    expect(mdx("import Karta from './Karta.astro';\n\nText.")).toEqual([expect.stringMatching(/^error 11:1 Raden är JavaScript-kod/)]);
    expect(mdx('Summa: {1 + 1}.')).toEqual([expect.stringMatching(/^error 11:8 Klammerparenteserna/)]);
    expect(mdx('<abbr title={"x"}>A</abbr>')).toEqual([expect.stringMatching(/^error 11:1 Attributet "title=" på "<abbr>" är JavaScript-kod/)]);
    expect(mdx('<span {...{ onClick: go }}>A</span>')).toEqual([expect.stringMatching(/^error 11:1 Taggen "<span>" har ett attribut med JavaScript-kod/)]);
    expect(mdx('<span onClick="go()">A</span>')).toEqual([expect.stringMatching(/^error 11:1 Taggen "<span>" har attributet "onClick="/)]);
  });

  it('allows the same elements as Markdown', () => {
    expect(mdx('<abbr title="Socialstyrelsen">SoS</abbr>, CO<sub>2</sub>, m<sup>2</sup>, <span lang="en">grooming</span>,<br />rad.')).toEqual([]);
    expect(mdx('Klamrar som text: \\{ och \\}.')).toEqual([]);
  });
});
