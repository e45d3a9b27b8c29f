import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fingerprintText, shortCode } from '@/lib/approvals/fingerprint';
import { type CliCommand, decodeText, EXIT, readStdinText } from './io';

const USAGE = 'usage: fingerprint [--short] [FILE|-]\n';

/**
 * `fingerprint [--short] [FILE|-]`: prints the approval fingerprint of a text (exactly what the
 * extension computes) and nothing else on stdout; `--short` prints the 8-character code instead.
 */
export const run: CliCommand = async (args, io) => {
  let short = false;
  let file: string | undefined;
  for (const arg of args) {
    if (arg === '--short') short = true;
    else if (arg === '--help' || arg === '-h') {
      io.stdout(USAGE);
      return EXIT.ok;
    } else if (arg.startsWith('--')) {
      io.stderr(`fingerprint: unknown option ${arg}\n${USAGE}`);
      return EXIT.usage;
    } else if (file === undefined) file = arg;
    else {
      io.stderr(`fingerprint: one input only\n${USAGE}`);
      return EXIT.usage;
    }
  }
  let text: string;
  try {
    text =
      file === undefined || file === '-'
        ? await readStdinText(io)
        : decodeText(await readFile(resolve(io.cwd, file)), file);
  } catch (error) {
    io.stderr(
      `fingerprint: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT.usage;
  }
  const fingerprint = await fingerprintText(text);
  io.stdout(`${short ? shortCode(fingerprint) : fingerprint}\n`);
  return EXIT.ok;
};
