/** List pages hold at most this many releases, so no page grows with the archive. */
export const RELEASES_PER_PAGE = 20;

/** The RSS feed carries the newest releases only. */
export const FEED_SIZE = 50;

/**
 * Where a release stands at the build's clock: a draft is never built; a scheduled release (not a
 * draft, `published` after the clock) is left out of every file until a build at or after its time;
 * a published one is on the site.
 */
export type PublicationState = 'draft' | 'scheduled' | 'published';

export function publicationState(release: { draft: boolean; published: Date }, now: Date): PublicationState {
  if (release.draft) return 'draft';
  return release.published.getTime() > now.getTime() ? 'scheduled' : 'published';
}
