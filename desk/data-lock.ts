import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * PGlite's folder has one user at a time: a second process opening it would corrupt it. The desk
 * (and its account commands) hold `desk.lock` with their process id while they use the folder; a
 * lock left by a process that no longer runs is taken over.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, 'desk.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' });
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await lockHolder(path);
      if (holder && isRunning(holder)) {
        throw new Error(
          `${dir} is in use by process ${holder} (stop that desk first: PGlite's folder has one user)`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new Error(`cannot lock ${dir}`);
}

/** The process id in the lock, or 0 when the lock vanished meanwhile (its holder just let go). */
async function lockHolder(path: string): Promise<number> {
  try {
    return Number((await readFile(path, 'utf8')).trim()) || 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
