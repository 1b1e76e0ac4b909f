/**
 * The gate between the content check and Astro's content loaders. The check runs while Astro
 * starts; every loader waits here before it reads a file, so a broken file is reported by the
 * check in Swedish, never by a loader in English. The integration (loaded with astro.config.mjs)
 * and the loaders (loaded with src/content.config.ts) are separate module instances in one
 * process, so the gate lives on globalThis.
 */
import type { Loader } from 'astro/loaders';

const GATE = Symbol.for('konferens.content-check');
type GateHolder = { [GATE]?: Promise<void> };

/** Loaders wait for `passed`, which settles only when the content is fit to build. */
export function closeGateUntil(passed: Promise<void>): void {
  (globalThis as GateHolder)[GATE] = passed;
}

/** Resolves once the check has passed; at once when no check is running (`astro dev`, `astro sync`). */
export function contentChecked(): Promise<void> {
  return (globalThis as GateHolder)[GATE] ?? Promise.resolve();
}

/** `loader`, waiting for the content check before it loads anything. */
export function afterContentCheck(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      await contentChecked();
      return loader.load(context);
    },
  };
}
