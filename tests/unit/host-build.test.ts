import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build.ts';

// Netlify reads netlify.toml; Cloudflare Pages takes the same settings in its dashboard
// (docs/publicering.md). The build sets SOURCE_DATE_EPOCH itself when the host does not
// (tests/build/clock.test.ts), so the plain build command is all a host needs.
describe('the build on Netlify', () => {
  it('runs npm run build and publishes dist/ with Node 24', async () => {
    const toml = await readFile(path.join(PROJECT_ROOT, 'netlify.toml'), 'utf8');
    expect(toml).toMatch(/^\[build\]\n\s+command = "npm run build"\n\s+publish = "dist"$/m);
    expect(toml).toMatch(/^\[build\.environment\]\n\s+NODE_VERSION = "24"$/m);
  });
});
