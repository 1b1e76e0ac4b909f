/** List pages hold at most this many releases, so no page grows with the archive. */
export const RELEASES_PER_PAGE = 20;

/** The RSS feed carries the newest releases only. */
export const FEED_SIZE = 50;
