import path from 'node:path';
import { buildInto, PICTURES_CONTENT, SHARED_BUILDS, type SharedBuild } from './support/build.ts';
import { materialisePictures } from './fixtures/pictures/fixture.ts';
import { materialiseAddresses } from './fixtures/addresses/fixture.ts';

/**
 * Builds the site once per test run, with and without a base path, for the build and browser suites.
 * Always: there is no switch to reuse an earlier run's builds, which could pass against old code.
 */
export default async function setup(): Promise<void> {
  await materialiseAddresses(await materialisePictures(path.dirname(PICTURES_CONTENT)));
  for (const name of Object.keys(SHARED_BUILDS) as SharedBuild[]) {
    try {
      await buildInto(name, { ...SHARED_BUILDS[name] });
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string };
      throw new Error(`Test build "${name}" failed:\n${failure.stdout ?? ''}\n${failure.stderr ?? ''}`);
    }
  }
}
