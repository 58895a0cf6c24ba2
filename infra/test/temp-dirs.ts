import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tempDirs: string[] = [];

/**
 * A new temporary directory, removed by {@link removeTempDirs}.
 * @param prefix name prefix under the OS temp dir.
 */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/**
 * Deletes every directory made by {@link makeTempDir} (cloud assemblies are ~20 MB each because
 * of the BucketDeployment CLI layer). Call from `afterAll`.
 */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
