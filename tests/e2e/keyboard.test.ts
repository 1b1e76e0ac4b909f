import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, WIDTHS, type E2eSite } from '../support/e2e.ts';

/** Focus-related computed style of one element. */
interface FocusStyle {
  outline: string;
  boxShadow: string;
  /** Outline actually painted: style not none and width above zero. */
  hasOutline: boolean;
}

/**
 * Numbers every element a visitor should reach with Tab (visible links with href, form controls,
 * buttons, summaries, tabindex >= 0) with data-kb, and records its style while not focused.
 */
async function markTabbables(page: Page): Promise<Record<string, FocusStyle>> {
  return page.evaluate(() => {
    const selector =
      'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
    const styles: Record<string, { outline: string; boxShadow: string; hasOutline: boolean }> = {};
    let index = 0;
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if ((element as HTMLButtonElement).disabled || element.tabIndex < 0) continue;
      // Rendered and not hidden (the skip link is off-screen but rendered, so it counts).
      if (element.getClientRects().length === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      if (element.closest('[inert], [hidden]')) continue;
      const key = String(index++);
      element.dataset.kb = key;
      const style = getComputedStyle(element);
      styles[key] = {
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        boxShadow: style.boxShadow,
        hasOutline: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0,
      };
    }
    return styles;
  });
}

/** The focused element's data-kb, tag and style (null when focus is on the page itself). */
async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body || element === document.documentElement) return null;
    const style = getComputedStyle(element);
    return {
      key: element.dataset.kb ?? null,
      description: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.textContent ?? '').trim().slice(0, 40) || element.getAttribute('aria-label') || element.getAttribute('name') || ''}"`,
      style: {
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        boxShadow: style.boxShadow,
        hasOutline: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0,
      },
    };
  });
}

let site: E2eSite;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('keyboard', () => {
  for (const width of WIDTHS) {
    it(`skip link is the first Tab stop and Enter moves focus to main, at ${width} px`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      let visited = 0;
      try {
        for (const { route } of site.pages) {
          visited++;
          await page.goto(site.url(route));
          await page.keyboard.press('Tab');
          const first = await page.evaluate(() => {
            const element = document.activeElement as HTMLAnchorElement | null;
            const box = element?.getBoundingClientRect();
            return {
              href: element?.getAttribute('href'),
              text: element?.textContent?.trim(),
              onScreen: !!box && box.top >= 0 && box.bottom <= innerHeight && box.width > 0,
            };
          });
          if (first.href !== '#huvudinnehall') problems.push(`/${route}: first Tab stop is ${JSON.stringify(first)}`);
          else if (!first.onScreen) problems.push(`/${route}: the focused skip link is not visible on screen`);
          await page.keyboard.press('Enter');
          const target = await page.evaluate(() => ({ id: document.activeElement?.id, tag: document.activeElement?.tagName }));
          if (target.tag !== 'MAIN' || target.id !== 'huvudinnehall') problems.push(`/${route}: Enter on the skip link focused ${JSON.stringify(target)}`);
          // The next Tab continues inside main, not back at the top of the page.
          await page.keyboard.press('Tab');
          const next = await page.evaluate(() => !!document.activeElement?.closest('main'));
          const mainHasTabbable = await page.evaluate(() => !!document.querySelector('main a[href], main button, main input, main select, main textarea, main summary'));
          if (mainHasTabbable && !next) problems.push(`/${route}: Tab after the skip link left main`);
        }
      } finally {
        await page.close();
      }
      // An empty page list would pass without checking anything.
      expect(visited).toBeGreaterThan(5);
      expect(problems).toEqual([]);
    });

    it(`every link and control is reachable by Tab and shows a visible focus indicator, at ${width} px`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      let stops = 0;
      try {
        for (const { route } of site.pages) {
          await page.goto(site.url(route));
          const unfocused = await markTabbables(page);
          const expected = Object.keys(unfocused);
          const reached = new Set<string>();
          // Tab through the whole page once: one press per element plus a margin, until focus leaves the document.
          for (let press = 0; press < expected.length + 5; press++) {
            await page.keyboard.press('Tab');
            const now = await focused(page);
            if (!now) break;
            if (now.key === null) {
              problems.push(`/${route}: Tab reached ${now.description}, which the test did not expect to be focusable`);
              continue;
            }
            if (reached.has(now.key)) break;
            reached.add(now.key);
            stops++;
            const before = unfocused[now.key];
            const changed = before && (before.outline !== now.style.outline || before.boxShadow !== now.style.boxShadow);
            const visible = now.style.hasOutline || (now.style.boxShadow !== 'none' && now.style.boxShadow !== '');
            if (!visible || !changed) {
              problems.push(`/${route}: no visible focus indicator on ${now.description} (focused: ${JSON.stringify(now.style)}, unfocused: ${JSON.stringify(before)})`);
            }
          }
          const missed = expected.filter((key) => !reached.has(key));
          if (missed.length > 0) {
            const names = await page.evaluate(
              (keys) => keys.map((key) => document.querySelector(`[data-kb="${key}"]`)?.outerHTML.slice(0, 120)),
              missed,
            );
            problems.push(`/${route}: not reachable by Tab: ${names.join(', ')}`);
          }
        }
      } finally {
        await page.close();
      }
      expect(stops).toBeGreaterThan(site.pages.length * 5);
      expect(problems).toEqual([]);
    });
  }
});
