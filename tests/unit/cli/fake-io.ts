import type { CliIo } from '@/lib/cli/io';

/** A CliIo with scripted stdin that records what a command writes. */
export function fakeIo(stdin: string | Uint8Array = '', cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    // In two chunks split mid-way, as a pipe may deliver it (possibly inside a character).
    stdin: async function* () {
      const bytes = typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin;
      const half = Math.floor(bytes.length / 2);
      yield bytes.subarray(0, half);
      yield bytes.subarray(half);
    },
    cwd,
  };
  return { io, out, err, stdout: () => out.join(''), stderr: () => err.join('') };
}
