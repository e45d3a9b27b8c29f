import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import {
  type CheckContext,
  type CheckResult,
  type CompiledRules,
  checkText,
  compileRules,
  RuleSetError,
} from '@/lib/guidelines';
import { modelCheckers } from '@/lib/guidelines/model/checker';
import { LANGUAGES, type Language } from '@/lib/i18n/types';
import { FIELD_IDS, type FieldId, PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';
import { loadCheckLibrary } from './check-library';
import {
  type CliCommand,
  type CliIo,
  decodeText,
  EXIT,
  readStdinText,
  stdinLineBytes,
  UsageError,
} from './io';

/**
 * `check [--platform P] [--field F] [--library FILE [--key JWK]] [--agency ID] [--lang id|en] [--jsonl] [FILE|-]`
 * (docs/contracts.md). One JSON object per text; exit 0 = no error finding, 1 = an error finding,
 * 2 = bad usage or bad input (one line on stderr). `--jsonl` is the batch path: the rule set is
 * compiled once and every input line gets exactly one output line, in order.
 */

interface Options {
  platform: PlatformId;
  field: FieldId;
  lang: Language;
  library?: string;
  agency?: string;
  key?: string;
  jsonl: boolean;
  file?: string;
}

function oneOf<T extends string>(list: readonly T[], value: string | undefined, flag: string): T {
  if (value !== undefined && (list as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `${flag} must be one of ${list.join('|')}${value === undefined ? '' : `, got "${value}"`}`,
  );
}

export function parseCheckArgs(args: string[]): Options {
  const options: Options = { platform: 'facebook', field: 'caption', lang: 'id', jsonl: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      i += 1;
      return next;
    };
    switch (flag) {
      case '--platform':
        options.platform = oneOf(PLATFORM_IDS, value(), '--platform');
        break;
      case '--field':
        options.field = oneOf(FIELD_IDS, value(), '--field');
        break;
      case '--lang':
        options.lang = oneOf(LANGUAGES, value(), '--lang');
        break;
      case '--library':
        options.library = value();
        break;
      case '--agency':
        options.agency = value();
        break;
      case '--key':
        options.key = value();
        break;
      case '--jsonl':
        options.jsonl = true;
        break;
      default:
        if (flag.startsWith('--')) throw new UsageError(`unknown option ${flag}`);
        if (options.file !== undefined)
          throw new UsageError(`only one input file, got "${options.file}" and "${arg}"`);
        options.file = arg;
    }
  }
  if (options.jsonl && options.file !== undefined && options.file !== '-') {
    throw new UsageError('--jsonl reads standard input; do not give a file');
  }
  return options;
}

const BatchLineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  platform: z.enum(PLATFORM_IDS).optional(),
  field: z.enum(FIELD_IDS).optional(),
});

function hasError(result: CheckResult): boolean {
  return result.findings.some((f) => f.severity === 'error');
}

/** Buffers output so a batch of 50,000 lines is a few hundred writes, not 50,000. */
function bufferedWriter(io: CliIo) {
  let buffer = '';
  return {
    write(line: string) {
      buffer += line;
      if (buffer.length > 65_536) {
        io.stdout(buffer);
        buffer = '';
      }
    },
    flush() {
      if (buffer) io.stdout(buffer);
      buffer = '';
    },
  };
}

/** One output object for one input line: a result with its id, or an error. */
function checkLine(
  compiled: CompiledRules,
  base: Omit<CheckContext, 'platform' | 'field'>,
  options: Options,
  bytes: Uint8Array,
  number: number,
): { line: string; error?: string; blocked: boolean } {
  const fail = (id: unknown, error: string) => ({
    line: JSON.stringify({ id: id ?? null, error }),
    error,
    blocked: false,
  });
  let raw: string;
  try {
    raw = decodeText(bytes, `line ${number}`);
  } catch (error) {
    return fail(null, (error as Error).message.replace(/^line \d+ /, ''));
  }
  if (raw.trim() === '') return fail(null, 'blank line');
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return fail(null, 'invalid JSON line');
  }
  const line = BatchLineSchema.safeParse(data);
  if (!line.success) {
    const id =
      typeof data === 'object' && data !== null && 'id' in data ? (data as { id: unknown }).id : null;
    const issue = line.error.issues[0]!;
    return fail(id, `${issue.path.join('.') || 'line'}: ${issue.message}`);
  }
  const { id, text, platform, field } = line.data;
  const result = checkText(compiled, text, {
    ...base,
    platform: platform ?? options.platform,
    field: field ?? options.field,
  });
  return { line: JSON.stringify({ id, ...result }), blocked: hasError(result) };
}

/** Exactly one output line per input line, in order; bad lines get an error object and a stderr line. */
async function runBatch(
  compiled: CompiledRules,
  base: Omit<CheckContext, 'platform' | 'field'>,
  options: Options,
  io: CliIo,
) {
  const out = bufferedWriter(io);
  let bad = false;
  let blocked = false;
  let number = 0;
  for await (const bytes of stdinLineBytes(io)) {
    number += 1;
    const answer = checkLine(compiled, base, options, bytes, number);
    out.write(`${answer.line}\n`);
    if (answer.error !== undefined) {
      bad = true;
      io.stderr(`check: line ${number}: ${answer.error}\n`);
    }
    if (answer.blocked) blocked = true;
  }
  out.flush();
  return bad ? EXIT.usage : blocked ? EXIT.findings : EXIT.ok;
}

export const run: CliCommand = async (args, io) => {
  try {
    const options = parseCheckArgs(args);
    const library = await loadCheckLibrary(options.library, options.key, io);
    const agency =
      options.agency === undefined ? undefined : library.agencies.find((a) => a.id === options.agency);
    if (options.agency !== undefined && !agency) {
      throw new UsageError(`unknown agency "${options.agency}" (not in ${library.origin})`);
    }
    const compiled = compileRules(library.rules, {
      checkers: modelCheckers(library.models),
      onOverrun: (o) =>
        io.stderr(
          `check: warning: rule ${o.ruleId} took ${Math.round(o.ms)} ms on a text of ${o.textLength} characters and is disabled for the rest of this run\n`,
        ),
    });
    const base = { lang: options.lang, agency, agencies: library.agencies, allowlists: library.allowlists };
    if (options.jsonl) return await runBatch(compiled, base, options, io);

    let text: string;
    if (options.file === undefined || options.file === '-') text = await readStdinText(io);
    else {
      const path = isAbsolute(options.file) ? options.file : resolve(io.cwd, options.file);
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(path);
      } catch (error) {
        throw new UsageError(
          `cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
        );
      }
      text = decodeText(bytes, options.file);
    }
    const result = checkText(compiled, text, { ...base, platform: options.platform, field: options.field });
    io.stdout(`${JSON.stringify(result)}\n`);
    return hasError(result) ? EXIT.findings : EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || error instanceof RuleSetError) {
      io.stderr(`check: ${error.message.split('\n')[0]}\n`);
      return EXIT.usage;
    }
    throw error;
  }
};
