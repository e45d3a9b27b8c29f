/** What a CLI command needs from the process, so commands can be tested without spawning. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for `-` and `--jsonl`). */
  readStdin: () => Promise<string>;
  /** Line-by-line standard input for streaming batch modes. */
  stdinLines: () => AsyncIterable<string>;
  cwd: string;
}

/** Exit codes shared by all commands (docs/contracts.md). */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export class UsageError extends Error {}

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
