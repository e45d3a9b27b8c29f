import { type CliCommand, EXIT } from './io';

/** `check` command (see ARCHITECTURE.md). */
export const run: CliCommand = async (_args, io) => {
  io.stderr('check: not implemented yet\n');
  return EXIT.usage;
};
