import { buildTime } from './status.ts';

/** Build settings read from the environment, validated once so a typo fails fast with a clear message. */
export interface SiteSettings {
  /** Absolute origin used for canonical URLs, the sitemap and the feed. */
  site: string;
  /** Path prefix the site is served under, always with leading and trailing slash. */
  base: string;
  /** Output folder; tests and benchmarks build into their own. */
  outDir: string;
  /** Astro cache folder; separate per parallel build so builds do not share a content store. */
  cacheDir: string;
  /** Folder with the editors' content; tests point it at fixtures. No trailing slash. */
  contentDir: string;
  /** GitHub repository "owner/name" the web editor commits to (GitHub Actions sets GITHUB_REPOSITORY). */
  cmsRepo: string;
  /** Sign-in offered by the web editor: a personal access token, or also Netlify's GitHub sign-in. */
  cmsSignIn: 'token' | 'netlify';
}

/** Placeholder repository for local builds; the deploy workflow's GITHUB_REPOSITORY replaces it. */
export const DEFAULT_CMS_REPO = 'example/konferens';

export const DEFAULT_SITE_URL = 'http://localhost:4321';

export function siteSettings(env: Record<string, string | undefined>): SiteSettings {
  const site = env.SITE_URL?.trim() || DEFAULT_SITE_URL;
  let parsed: URL;
  try {
    parsed = new URL(site);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://konferens.example.se, got "${site}"`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`SITE_URL must use http or https, got "${site}"`);
  }
  return {
    site: parsed.origin,
    base: normaliseBasePath(env.BASE_PATH),
    outDir: env.ASTRO_OUT_DIR?.trim() || './dist',
    cacheDir: env.ASTRO_CACHE_DIR?.trim() || './node_modules/.astro',
    contentDir: (env.CONTENT_DIR?.trim() || './content').replace(/\/+$/, ''),
    cmsRepo: cmsRepo(env.CMS_REPO?.trim() || env.GITHUB_REPOSITORY?.trim() || DEFAULT_CMS_REPO),
    cmsSignIn: env.CMS_SIGN_IN?.trim() === 'netlify' ? 'netlify' : 'token',
  };
}

/**
 * siteSettings() and the build clock for a command-line entry point (astro.config.mjs, scripts/):
 * a malformed SITE_URL, BASE_PATH or SOURCE_DATE_EPOCH ends the process with its one-line message
 * and exit code 1, instead of a stack trace from deep inside Astro's config loader or a hook.
 */
export function settingsOrExit(
  env: Record<string, string | undefined>,
  exit: (message: string) => never = (message) => {
    process.stderr.write(`${message}\n`);
    process.exit(1);
  },
): SiteSettings {
  try {
    buildTime(env);
    return siteSettings(env);
  } catch (error) {
    return exit(error instanceof Error ? error.message : String(error));
  }
}

/** "konferens" and "/konferens" both become "/konferens/"; empty means the root. */
export function normaliseBasePath(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (!/^[A-Za-z0-9._~\-/]+$/.test(trimmed)) {
    throw new Error(`BASE_PATH may only hold URL path characters, got "${value}"`);
  }
  return `/${trimmed}/`;
}

function cmsRepo(value: string): string {
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(value)) throw new Error(`CMS_REPO must be "owner/name", got "${value}"`);
  return value;
}
