import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { afterContentCheck, closeGateUntil, contentChecked } from '../../src/integrations/content-gate.ts';

const GATE = Symbol.for('konferens.content-check');

/** A loader that records when it ran. */
function recordingLoader(log: string[]) {
  return { name: 'file-loader', load: async () => void log.push('loaded') };
}

describe('the gate between the content check and the loaders', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[GATE];
  });

  it('lets loaders through at once when no check is running (astro dev, astro sync)', async () => {
    const log: string[] = [];
    await afterContentCheck(recordingLoader(log)).load({} as LoaderContext);
    expect(log).toEqual(['loaded']);
  });

  it('holds every loader until the check has passed', async () => {
    let pass!: () => void;
    closeGateUntil(new Promise<void>((resolve) => (pass = resolve)));
    const log: string[] = [];
    const loading = afterContentCheck(recordingLoader(log)).load({} as LoaderContext);
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
});
