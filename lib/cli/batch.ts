import { z } from 'zod';
import {
  type CheckContext,
  type CheckResult,
  type CompiledRules,
  type CompileOptions,
  checkText,
  compileRules,
  type RuleOverrun,
} from '@/lib/guidelines';
import { COLLOQUIAL } from '@/lib/guidelines/colloquial';
import type { CompileMemo } from '@/lib/guidelines/compile-memo';
import { modelCheckers } from '@/lib/guidelines/model/checker';
import { buildPrefilter } from '@/lib/guidelines/prefilter';
import { buildWordPass } from '@/lib/guidelines/word-pass';
import type { FieldId, PlatformId } from '@/lib/platforms/types';
import { FIELD_IDS, PLATFORM_IDS } from '@/lib/platforms/types';
import type { CheckLibrary } from './check-library';
import { decodeText } from './io';

/**
 * One `check --jsonl` line → one output line (docs/contracts.md § Command line), shared by the main
 * thread and the batch workers so both answer a line the same way.
 */

const BatchLineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  platform: z.enum(PLATFORM_IDS).optional(),
  field: z.enum(FIELD_IDS).optional(),
});
type BatchLine = z.infer<typeof BatchLineSchema>;

/**
 * The common well-formed line, checked without zod (which costs as much per line as a short
 * check); anything else goes through the schema, which also words the error.
 */
function wellFormed(data: unknown): BatchLine | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { id, text, platform, field } = data as Record<string, unknown>;
  if (typeof id !== 'string' && (typeof id !== 'number' || !Number.isFinite(id))) return undefined;
  if (typeof text !== 'string') return undefined;
  if (platform !== undefined && !(PLATFORM_IDS as readonly unknown[]).includes(platform)) return undefined;
  if (field !== undefined && !(FIELD_IDS as readonly unknown[]).includes(field)) return undefined;
  return { id, text, platform: platform as BatchLine['platform'], field: field as BatchLine['field'] };
}

/** Everything a checker of batch lines needs, plain data so it can be sent to a worker. */
export interface BatchSetup {
  library: CheckLibrary;
  agencyId?: string;
  lang: CheckContext['lang'];
  platform: PlatformId;
  field: FieldId;
  budgetMs?: number;
}

export interface LineAnswer {
  line: string;
  error?: string;
  blocked: boolean;
}

export function hasError(result: CheckResult): boolean {
  return result.findings.some((f) => f.severity === 'error');
}

/**
 * The library compiled as every `check` runs it: the abuse model, the colloquial dictionary and the
 * regex prefilter (docs/guidelines.md § Batch prefilter), with the analyses of earlier runs
 * (library.memo, compile-memo.ts) when the library came through the start-up cache.
 */
export function compileForCheck(
  library: Pick<CheckLibrary, 'rules' | 'models' | 'memo'>,
  options: Pick<CompileOptions, 'budgetMs' | 'onOverrun'> = {},
): CompiledRules {
  return compileRules(library.rules, {
    ...options,
    memo: library.memo,
    checkers: modelCheckers(library.models),
    colloquial: COLLOQUIAL,
    prefilter: buildPrefilter,
    wordPass: buildWordPass,
  });
}

/** Compiles the library once for a thread; `onOverrun` reports rules the budget disabled. */
export function batchChecker(setup: BatchSetup, onOverrun: (overrun: RuleOverrun) => void) {
  const { library } = setup;
  const compiled = compileForCheck(library, { budgetMs: setup.budgetMs, onOverrun });
  const agency = library.agencies.find((a) => a.id === setup.agencyId);
  const base = { lang: setup.lang, agency, agencies: library.agencies, allowlists: library.allowlists };
  return (bytes: Uint8Array, number: number): LineAnswer => {
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
    let parsed = wellFormed(data);
    if (!parsed) {
      const line = BatchLineSchema.safeParse(data);
      if (!line.success) {
        const id =
          typeof data === 'object' && data !== null && 'id' in data ? (data as { id: unknown }).id : null;
        const issue = line.error.issues[0]!;
        return fail(id, `${issue.path.join('.') || 'line'}: ${issue.message}`);
      }
      parsed = line.data;
    }
    const { id, text, platform, field } = parsed;
    const result = checkText(compiled, text, {
      ...base,
      platform: platform ?? setup.platform,
      field: field ?? setup.field,
    });
    return { line: JSON.stringify({ id, ...result }), blocked: hasError(result) };
  };
}

/**
 * What a worker receives: a run of consecutive lines starting at line `first`, as one buffer (sent
 * without copying) and the offset where each line ends.
 */
export interface BatchChunk {
  seq: number;
  first: number;
  bytes: Uint8Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
}

/** A chunk's answers: its output lines as one block, the lines that failed, and any error finding. */
export interface BatchChunkResult {
  seq: number;
  out: string;
  /** [index in the chunk, reason] of every line answered with an error object. */
  errors: Array<[number, string]>;
  blocked: boolean;
}

/** Packs lines into one chunk (one buffer and its line ends). */
export function packChunk(seq: number, first: number, lines: readonly Uint8Array[]): BatchChunk {
  const ends = new Int32Array(lines.length);
  let size = 0;
  lines.forEach((line, i) => {
    size += line.length;
    ends[i] = size;
  });
  const bytes = new Uint8Array(size);
  for (let i = 0; i < lines.length; i++) bytes.set(lines[i]!, i === 0 ? 0 : ends[i - 1]);
  return { seq, first, bytes, ends };
}

/** Answers every line of a chunk with one checker. */
export function answerChunk(check: ReturnType<typeof batchChecker>, chunk: BatchChunk): BatchChunkResult {
  let out = '';
  const errors: Array<[number, string]> = [];
  let blocked = false;
  let start = 0;
  for (let i = 0; i < chunk.ends.length; i++) {
    const end = chunk.ends[i]!;
    const answer = check(chunk.bytes.subarray(start, end), chunk.first + i);
    start = end;
    out += `${answer.line}\n`;
    if (answer.error !== undefined) errors.push([i, answer.error]);
    if (answer.blocked) blocked = true;
  }
  return { seq: chunk.seq, out, errors, blocked };
}

/** Messages a worker sends back. */
export type WorkerMessage =
  | { type: 'result'; result: BatchChunkResult }
  | { type: 'overrun'; overrun: RuleOverrun }
  /** The library's memo after compiling, when compiling added to it (for the start-up cache). */
  | { type: 'memo'; memo: CompileMemo };

export function overrunLine(o: RuleOverrun): string {
  return `check: warning: rule ${o.ruleId} took ${Math.round(o.ms)} ms on a text of ${o.textLength} characters and is disabled for the rest of this run\n`;
}
