/** Once per test run: a fresh folder for the seeded databases' copies (harness.ts), removed at the end. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    testSnapshots: string;
  }
}

export function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'sj-test-snapshots-'));
  project.provide('testSnapshots', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
