import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { checkText, RuleSetError } from '@/lib/guidelines';
import { LANGUAGES, type Language } from '@/lib/i18n/types';
import { FIELD_IDS, type FieldId, PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';
import { compileForCheck, hasError, overrunLine } from './batch';
import { runBatch } from './batch-run';
import { loadCheckLibrary } from './check-library';
import { saveCompiled } from './compile-cache';
import { type CliCommand, decodeText, EXIT, readStdinText, UsageError } from './io';

/**
 * `check [--platform P] [--field F] [--library FILE [--key JWK]] [--agency ID] [--lang id|en] [--jsonl [--workers N]] [--budget MS] [FILE|-]`
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
  /** Worker threads for --jsonl (default: one per core; 0 or 1 = none). */
  workers?: number;
  /** Per-rule time budget in ms (docs/guidelines.md § Regex budget); more on a slow machine. */
  budgetMs?: number;
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
      case '--budget': {
        const ms = Number(value());
        if (!Number.isFinite(ms) || ms <= 0)
          throw new UsageError('--budget must be a number of milliseconds');
        options.budgetMs = ms;
        break;
      }
      case '--workers': {
        const count = Number(value());
        if (!Number.isInteger(count) || count < 0) throw new UsageError('--workers must be a whole number');
        options.workers = count;
        break;
      }
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

export const run: CliCommand = async (args, io) => {
  try {
    const options = parseCheckArgs(args);
    const library = await loadCheckLibrary(options.library, options.key, io);
    const agency =
      options.agency === undefined ? undefined : library.agencies.find((a) => a.id === options.agency);
    if (options.agency !== undefined && !agency) {
      throw new UsageError(`unknown agency "${options.agency}" (not in ${library.origin})`);
    }
    if (options.jsonl) {
      const setup = {
        library,
        agencyId: options.agency,
        lang: options.lang,
        platform: options.platform,
        field: options.field,
        budgetMs: options.budgetMs,
      };
      return await runBatch(setup, io, options.workers);
    }
    const compiled = compileForCheck(library, {
      budgetMs: options.budgetMs,
      onOverrun: (o) => io.stderr(overrunLine(o)),
    });
    const unsaved = saveCompiled(library);
    if (unsaved) io.stderr(`check: warning: ${unsaved}\n`);
    const base = { lang: options.lang, agency, agencies: library.agencies, allowlists: library.allowlists };
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
