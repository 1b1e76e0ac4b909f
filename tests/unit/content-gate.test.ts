import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { afterContentCheck, closeGateUntil, contentChecked } from '../../src/integrations/content-gate.ts';

const GATE = Symbol.for('konferens.content-check');

/** A loader that records when it ran. */
function recordingLoader(log: string[]) {
  return { name: 'file-loader', load: async () => void log.push('loaded') };
}

/** The parts of a loader context the gate uses; `info` collects what it logs. */
function context(info: string[] = [], entries = 0): LoaderContext {
  return {
    collection: 'releases',
    logger: { info: (message: string) => info.push(message) },
    store: { keys: () => Array.from({ length: entries }, (_, index) => String(index)) },
    parseData: async (props: { data: unknown }) => props.data,
  } as unknown as LoaderContext;
}

describe('the gate between the content check and the loaders', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[GATE];
  });

  it('lets loaders through at once when no check is running (astro dev, astro sync)', async () => {
    const log: string[] = [];
    await afterContentCheck(recordingLoader(log)).load(context());
    expect(log).toEqual(['loaded']);
  });

  it('holds every loader until the check has passed', async () => {
    let pass!: () => void;
    closeGateUntil(new Promise<void>((resolve) => (pass = resolve)));
    const log: string[] = [];
    const loading = afterContentCheck(recordingLoader(log)).load(context());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual([]);
    log.push('check passed');
    pass();
    await loading;
    expect(log).toEqual(['check passed', 'loaded']);
  });

  it('is shared through globalThis, as the integration and the content config are separate module instances', async () => {
    let settled = false;
    (globalThis as Record<symbol, unknown>)[GATE] = new Promise<void>(() => undefined);
    void contentChecked().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
  });

  it('keeps the loader name Astro looks at (the file loader gets its own type generation)', () => {
    expect(afterContentCheck(recordingLoader([])).name).toBe('file-loader');
  });

  it('logs how many entries the loader parsed afresh and how many it kept from the cache', async () => {
    const info: string[] = [];
    const loader = { name: 'glob-loader', load: async ({ parseData }: LoaderContext) => void (await parseData({ id: 'a', data: {} })) };
    await afterContentCheck(loader).load(context(info, 3));
    expect(info).toEqual(['releases: 1 av 3 poster lästa på nytt, 2 från cachen']);
  });
});
