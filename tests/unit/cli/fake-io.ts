import type { CliIo } from '@/lib/cli/io';

/** A CliIo with scripted stdin that records what a command writes. */
export function fakeIo(stdin = '', cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => stdin,
    stdinLines: async function* () {
      for (const line of stdin.split('\n')) yield line;
    },
    cwd,
  };
  return { io, out, err, stdout: () => out.join(''), stderr: () => err.join('') };
}
