import { type CliCommand, EXIT } from './io';

/** `library` command (see ARCHITECTURE.md). */
export const run: CliCommand = async (_args, io) => {
  io.stderr('library: not implemented yet\n');
  return EXIT.usage;
};
