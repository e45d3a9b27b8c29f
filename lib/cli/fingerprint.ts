import { type CliCommand, EXIT } from './io';

/** `fingerprint` command (see ARCHITECTURE.md). */
export const run: CliCommand = async (_args, io) => {
  io.stderr('fingerprint: not implemented yet\n');
  return EXIT.usage;
};
