/**
 * A part of a file name Pagefind writes (a hash, a language): letters, digits, `_` and `-` only,
 * so it is safe in an address and in an attribute. One test for the build that writes the names
 * onto /sok/ and for the page scripts that turn them into addresses.
 */
export const PAGEFIND_NAME_PART = /^[A-Za-z0-9_-]+$/;
