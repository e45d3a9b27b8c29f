import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server the tests may create databases on (postgres://…/postgres). */
    postgresUrl: string;
  }
}

const script = fileURLToPath(new URL('./postgres.sh', import.meta.url));

/**
 * The PostgreSQL half of the suite never skips: CI exports SP_TEST_DATABASE_URL (.ci/run starts the
 * server), and elsewhere a throw-away cluster is started here with the same script — when neither
 * works the run fails with the reason.
 */
export default function setup(project: TestProject): () => void {
  const given = process.env.SP_TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return () => undefined;
  }
  let output: string;
  try {
    output = execFileSync(script, ['start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(
      `PostgreSQL is needed for the desk tests: set SP_TEST_DATABASE_URL or install it (apt-get install postgresql).\n${stderr}`,
    );
  }
  const url = /SP_TEST_DATABASE_URL=(\S+)/.exec(output)?.[1];
  const dir = /SP_TEST_PG_DIR=(\S+)/.exec(output)?.[1];
  if (!url || !dir) throw new Error(`desk/test/postgres.sh start printed no address:\n${output}`);
  project.provide('postgresUrl', url);
  return () => {
    execFileSync(script, ['stop', dir], { stdio: 'inherit' });
  };
}
