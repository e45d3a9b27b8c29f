import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

/** The lines `npm run desk` prints (docs/desk.md), parsed. */
export interface DeskStart {
  desk: string;
  library: string;
  publicKey: string;
  reviewer: { user: string; password: string };
  agency: { id: string; token: string };
}

const ENTRY = ['--import', 'tsx', 'desk/main.ts'];

/** Starts the real desk command (`desk/main.ts`) and resolves once it has printed its lines. */
export function startDesk(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; start: DeskStart }> {
  const child = spawn(process.execPath, [...ENTRY, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: '', ...env },
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`desk did not start in 90 s:\n${out}\n${err}`)), 90_000);
    child.on('exit', (code) => reject(new Error(`desk exited (${code}):\n${out}\n${err}`)));
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const desk = /^Desk: (\S+)$/m.exec(out)?.[1];
      const library = /^Library: (\S+)$/m.exec(out)?.[1];
      const publicKey = /^Public key: (.+)$/m.exec(out)?.[1];
      const reviewer = /^Reviewer: (\S+) (\S+)$/m.exec(out);
      const agency = /^Agency token \(([^)]+)\): (\S+)$/m.exec(out);
      if (desk && library && publicKey && reviewer && agency) {
        clearTimeout(timer);
        resolve({
          child,
          start: {
            desk,
            library,
            publicKey,
            reviewer: { user: reviewer[1] ?? '', password: reviewer[2] ?? '' },
            agency: { id: agency[1] ?? '', token: agency[2] ?? '' },
          },
        });
      }
    });
  });
}

/** SIGTERM, then the exit code. */
export function stopDesk(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/** `npm run desk -- user add …` / `token …`: runs to completion and returns what it printed. */
export async function deskCommand(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [...ENTRY, ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
  });
  return stdout;
}
