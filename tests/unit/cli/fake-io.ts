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
  // A loaded test machine can make a rule overrun its wall-clock budget; that warning is not what
  // the tests look at, so stderr() leaves it out (budgetWarnings() has it).
  const isBudget = (line: string) => line.startsWith('check: warning: rule ');
  return {
    io,
    out,
    err,
    stdout: () => out.join(''),
    stderr: () => err.filter((line) => !isBudget(line)).join(''),
    budgetWarnings: () => err.filter(isBudget),
  };
}
