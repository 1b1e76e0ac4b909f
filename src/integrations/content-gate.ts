/**
 * The gate between the content check and Astro's content loaders. The check runs while Astro
 * starts; every loader waits here before it reads a file, so a broken file is reported by the
 * check in Swedish, never by a loader in English. The integration (loaded with astro.config.mjs)
 * and the loaders (loaded with src/content.config.ts) are separate module instances in one
 * process, so the gate lives on globalThis.
 *
 * `astro dev` has no gate (it must keep serving while an editor types); instead its loaders are
 * lenient: they never throw, and say nothing about content the check reports anyway.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

const GATE = Symbol.for('konferens.content-check');
const LENIENT = Symbol.for('konferens.content-check.lenient');
type GateHolder = { [GATE]?: Promise<void>; [LENIENT]?: boolean };

/** Loaders wait for `passed`, which settles only when the content is fit to build. */
export function closeGateUntil(passed: Promise<void>): void {
  (globalThis as GateHolder)[GATE] = passed;
}

/** Resolves once the check has passed; at once when no check is running (`astro dev`, `astro sync`). */
export function contentChecked(): Promise<void> {
  return (globalThis as GateHolder)[GATE] ?? Promise.resolve();
}

/** For `astro dev`: loaders keep going on content with errors, which the dev server reports itself. */
export function makeLoadersLenient(): void {
  (globalThis as GateHolder)[LENIENT] = true;
}

/** `loader`, waiting for the content check before it loads anything. */
export function afterContentCheck(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      await contentChecked();
      if (!(globalThis as GateHolder)[LENIENT]) {
        let parsed = 0;
        await loader.load({ ...context, parseData: (props) => ((parsed += 1), context.parseData(props)) });
        // Astro's loaders parse only entries whose file changed since the cache (kept between deploys,
        // docs/publicering.md) was written: the log shows whether it was used (tests/build/warm-cache.test.ts).
        const total = context.store.keys().length;
        context.logger.info(`${context.collection}: ${parsed} av ${total} poster lästa på nytt${parsed < total ? `, ${total - parsed} från cachen` : ''}`);
        return;
      }
      try {
        await loader.load(lenientContext(context));
      } catch {
        // A file the loader cannot parse (broken frontmatter): the content check names it in Swedish.
      }
    },
  };
}

/**
 * The loader context for `astro dev`: a value that fails its schema is stored as written instead
 * of throwing (an English InvalidContentEntryDataError with a stack trace), and the loader's own
 * errors and warnings are dropped, since the content check reports the same problem in Swedish
 * with file and line. While the check reports an error the dev server shows the problem page,
 * never a page built from such data; once it passes, every collection is loaded afresh.
 */
function lenientContext(context: LoaderContext): LoaderContext {
  const logger = Object.create(context.logger, {
    error: { value: () => {} },
    warn: { value: () => {} },
  }) as LoaderContext['logger'];
  const parseData: LoaderContext['parseData'] = async (props) => {
    try {
      return await context.parseData(props);
    } catch {
      return props.data;
    }
  };
  return { ...context, logger, parseData };
}
