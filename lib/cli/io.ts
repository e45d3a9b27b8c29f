/** What a CLI command needs from the process, so commands can be tested without spawning. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input as raw bytes: commands decode it themselves, refusing invalid UTF-8. */
  stdin: () => AsyncIterable<Uint8Array>;
  cwd: string;
  /** stderr is a terminal: long batches may show a progress line there. */
  interactive?: boolean;
}

/** Exit codes shared by all commands (docs/contracts.md § Command line). */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export class UsageError extends Error {}

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

/** One decoder for every line of a batch (making one per line cost more than checking it). */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes bytes that must be text: invalid UTF-8, or control characters that no caption contains
 * (NUL and the other C0 controls except tab, line feed, form feed and carriage return), mean a binary
 * file was given by mistake. Throws a UsageError with a one-line reason naming `what`.
 */
export function decodeText(bytes: Uint8Array, what: string): string {
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    throw new UsageError(`${what} is not valid UTF-8 text`);
  }
  const at = firstControl(text);
  if (at >= 0) {
    const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
    throw new UsageError(`${what} looks binary (control character U+${code} at offset ${at})`);
  }
  return text;
}

/** Offset of the first C0 control other than tab (9), line feed (10), form feed (12), carriage return (13). */
function firstControl(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) return i;
  }
  return -1;
}

/** All of standard input, decoded (see decodeText). */
export async function readStdinText(io: CliIo): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of io.stdin()) chunks.push(chunk);
  return decodeText(Buffer.concat(chunks), 'standard input');
}

/**
 * Standard input split into lines at "\n" (a trailing "\r" dropped), as bytes: UTF-8 never uses the
 * byte 0x0A inside a character, so each line can be decoded and refused on its own. A final empty
 * line after the last "\n" is not a line.
 */
export async function* stdinLineBytes(io: CliIo): AsyncIterable<Uint8Array> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of io.stdin()) {
    let buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : Buffer.from(chunk);
    let at = buffer.indexOf(10);
    while (at >= 0) {
      yield trimCr(buffer.subarray(0, at));
      buffer = buffer.subarray(at + 1);
      at = buffer.indexOf(10);
    }
    rest = buffer;
  }
  if (rest.length > 0) yield trimCr(rest);
}

function trimCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
}
