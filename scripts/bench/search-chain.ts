/**
 * The search page's waterfall on a throttled phone, step by step: when each request of
 * `/sok/?q=…` started and ended, and when the first result was painted. Chromium is throttled
 * over CDP the way Lighthouse's "devtools" mode applies its mobile profile (562.5 ms request
 * latency, 1.47 Mbit/s down, 4× CPU slow-down), so the steps can be read one by one (Lighthouse's
 * default mode only reports the simulated totals). docs/search.md quotes its output.
 *
 * `node scripts/bench/search-chain.ts <dist> [path] [runs]`
 */
import { launchChromium } from '../../tests/support/browser.ts';
import { serveSite } from '../../tests/support/static-server.ts';

const [dist, urlPath = 'sok/?q=sugardating', runsArg = '3'] = process.argv.slice(2);
if (!dist) {
  console.error('usage: node scripts/bench/search-chain.ts <dist> [path] [runs]');
  process.exit(2);
}

const server = await serveSite(dist, '/', 'cloudflare', { compress: true });
const browser = await launchChromium();
try {
  for (let run = 1; run <= Number(runsArg); run++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 562.5,
      downloadThroughput: (1474.56 * 1024) / 8,
      uploadThroughput: (675 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const steps: { name: string; start: number; end?: number }[] = [];
    const byId = new Map<string, (typeof steps)[number]>();
    let origin = 0;
    cdp.on('Network.requestWillBeSent', (event) => {
      if (!origin) origin = event.timestamp;
      const step = { name: new URL(event.request.url).pathname.replace(/^.*\/(?=[^/]+\/?$)/, ''), start: event.timestamp };
      byId.set(event.requestId, step);
      steps.push(step);
    });
    cdp.on('Network.loadingFinished', (event) => {
      const step = byId.get(event.requestId);
      if (step) step.end = event.timestamp;
    });
    await page.goto(`${server.url}${urlPath}`);
    await page.locator('#soktraffar li').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const paint = await page.evaluate(
      () =>
        new Promise<{ lcp: number; fcp: number }>((resolve) => {
          // Largest-contentful-paint entries reach only an observer (buffered: the ones already made).
          new PerformanceObserver((list) => {
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            resolve({ lcp: list.getEntries().at(-1)?.startTime ?? Number.NaN, fcp: fcp?.startTime ?? Number.NaN });
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
    console.log(`run ${run}: FCP ${paint.fcp.toFixed(0)} ms, LCP (first result) ${paint.lcp.toFixed(0)} ms`);
    for (const step of steps) {
      const ms = (t: number | undefined) => (t === undefined ? '   …' : ((t - origin) * 1000).toFixed(0).padStart(5));
      console.log(`  ${ms(step.start)}–${ms(step.end)} ms  ${step.name}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
