import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSite } from '../support/build.ts';

const dist = builtSite('default');
const page = (route: string) => readFile(path.join(dist, route), 'utf8');

describe('built site', () => {
  it('has the conference page in Swedish', async () => {
    const html = await page('index.html');
    expect(html).toContain('<html lang="sv"');
    expect(html).toContain('Selma Spa');
  });
});
