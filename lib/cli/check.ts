import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { findRepoRoot, loadRuleSources } from '@/lib/cli/rule-sources';
import {
  type AgencyLike,
  type CheckContext,
  type CheckResult,
  type CompiledRules,
  checkText,
  compileRules,
  type Rule,
  RuleSchema,
  RuleSetError,
} from '@/lib/guidelines';
import { LANGUAGES, type Language } from '@/lib/i18n/types';
import { FIELD_IDS, type FieldId, PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';
import { type CliCommand, type CliIo, EXIT, UsageError } from './io';

/**
 * `check [--platform P] [--field F] [--library FILE] [--agency ID] [--lang id|en] [--jsonl] [FILE|-]`
 * (docs/contracts.md). One JSON object per text; exit 0 = no error finding, 1 = an error finding,
 * 2 = bad usage or bad input (one line on stderr). `--jsonl` is the batch path: the rule set is
 * compiled once and every input line gets exactly one output line, in order.
 */

/** Where the embedded default library lives (built by `library build`), relative to the repo root. */
export const DEFAULT_LIBRARY = join('public', 'library', 'kalbar.json');

const AgencySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  shortName: z.string().default(''),
  requiredHashtags: z.array(z.string()).default([]),
  officialPhones: z.array(z.string()).default([]),
});

/** Only the parts of the library bundle `check` needs; the full schema is lib/library's. */
const CheckLibrarySchema = z.object({
  guidelines: z.array(z.unknown()),
  agencies: z.array(AgencySchema).default([]),
  allowlists: z
    .object({ phones: z.array(z.string()).default([]), domains: z.array(z.string()).default([]) })
    .default({ phones: [], domains: [] }),
});

export interface CheckLibrary {
  rules: Rule[];
  agencies: AgencyLike[];
  allowlists: { phones: string[]; domains: string[] };
  /** Where the rules came from, for messages. */
  origin: string;
}

interface Options {
  platform: PlatformId;
  field: FieldId;
  lang: Language;
  library?: string;
  agency?: string;
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

/** Finds the bundle's fields at the top level or inside a signed envelope ({bundle|payload|library: {...}}). */
function unwrap(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || 'guidelines' in data) return data;
  for (const key of ['bundle', 'payload', 'library']) {
    const inner = (data as Record<string, unknown>)[key];
    if (typeof inner === 'object' && inner !== null && 'guidelines' in inner) return inner;
  }
  return data;
}

/** Parses a library bundle's guidelines/agencies/allowlists; throws with a one-line reason. */
export function parseCheckLibrary(text: string, origin: string): CheckLibrary {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${origin}: not valid JSON`);
  }
  const parsed = CheckLibrarySchema.safeParse(unwrap(data));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${origin}: ${issue.path.join('.') || '(bundle)'}: ${issue.message}`);
  }
  const rules: Rule[] = [];
  parsed.data.guidelines.forEach((item, index) => {
    const rule = RuleSchema.safeParse(item);
    if (!rule.success) {
      const issue = rule.error.issues[0]!;
      throw new UsageError(`${origin}: guidelines[${index}].${issue.path.join('.')}: ${issue.message}`);
    }
    rules.push(rule.data);
  });
  return { rules, agencies: parsed.data.agencies, allowlists: parsed.data.allowlists, origin };
}

/** --library FILE (relative to cwd), else public/library/kalbar.json, else the YAML sources. */
export function loadCheckLibrary(file: string | undefined, cwd: string): CheckLibrary {
  if (file !== undefined) {
    const path = isAbsolute(file) ? file : resolve(cwd, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new UsageError(
        `cannot read library ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      );
    }
    return parseCheckLibrary(text, file);
  }
  const root = findRepoRoot();
  const embedded = join(root, DEFAULT_LIBRARY);
  if (existsSync(embedded)) return parseCheckLibrary(readFileSync(embedded, 'utf8'), DEFAULT_LIBRARY);
  // The bundle is built by `library build`; until it exists the YAML sources are the library.
  return {
    rules: loadRuleSources(),
    agencies: [],
    allowlists: { phones: [], domains: [] },
    origin: 'library/src/guidelines',
  };
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

async function runBatch(
  compiled: CompiledRules,
  base: Omit<CheckContext, 'platform' | 'field'>,
  options: Options,
  io: CliIo,
) {
  const out = bufferedWriter(io);
  let bad = false;
  let blocked = false;
  for await (const raw of io.stdinLines()) {
    if (raw.trim() === '') continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      bad = true;
      out.write(`${JSON.stringify({ id: null, error: 'invalid JSON line' })}\n`);
      continue;
    }
    const line = BatchLineSchema.safeParse(data);
    if (!line.success) {
      bad = true;
      const id =
        typeof data === 'object' && data !== null && 'id' in data ? (data as { id: unknown }).id : null;
      const issue = line.error.issues[0]!;
      out.write(
        `${JSON.stringify({ id: id ?? null, error: `${issue.path.join('.') || 'line'}: ${issue.message}` })}\n`,
      );
      continue;
    }
    const { id, text, platform, field } = line.data;
    const result = checkText(compiled, text, {
      ...base,
      platform: platform ?? options.platform,
      field: field ?? options.field,
    });
    if (hasError(result)) blocked = true;
    out.write(`${JSON.stringify({ id, ...result })}\n`);
  }
  out.flush();
  return bad ? EXIT.usage : blocked ? EXIT.findings : EXIT.ok;
}

export const run: CliCommand = async (args, io) => {
  try {
    const options = parseCheckArgs(args);
    const library = loadCheckLibrary(options.library, io.cwd);
    const agency =
      options.agency === undefined ? undefined : library.agencies.find((a) => a.id === options.agency);
    if (options.agency !== undefined && !agency) {
      throw new UsageError(`unknown agency "${options.agency}" (not in ${library.origin})`);
    }
    const compiled = compileRules(library.rules);
    const base = { lang: options.lang, agency, agencies: library.agencies, allowlists: library.allowlists };
    if (options.jsonl) return await runBatch(compiled, base, options, io);

    let text: string;
    if (options.file === undefined || options.file === '-') text = await io.readStdin();
    else {
      const path = isAbsolute(options.file) ? options.file : resolve(io.cwd, options.file);
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        throw new UsageError(
          `cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
        );
      }
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
