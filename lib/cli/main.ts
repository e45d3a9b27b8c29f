import type { CliCommand, CliIo } from './io';

/** `npm run --silent cli -- <command> ...`: the central team's tools, on the extension's own lib/ code. */
const COMMANDS: Record<string, () => Promise<{ run: CliCommand }>> = {
  check: () => import('./check'),
  library: () => import('./library'),
  fingerprint: () => import('./fingerprint'),
};

const USAGE = `usage: satu-pintu <command> [options]
commands:
  check [--platform facebook|instagram|youtube] [--field caption|title|description|tags]
        [--library FILE [--key JWK]] [--agency ID] [--lang id|en] [--jsonl [--workers N]] [--budget MS] [FILE|-]
  library keygen|build|sign|verify|approve|lint ...
  fingerprint [FILE|-]
`;

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: () => process.stdin,
  interactive: process.stderr.isTTY === true,
  cwd: process.cwd(),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(name ? `unknown command: ${name}\n${USAGE}` : USAGE);
    return 2;
  }
  const command = await load();
  return command.run(rest, io);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
