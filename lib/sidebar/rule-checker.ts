import {
  type CompiledRules,
  checkText,
  compileRules,
  limitsFor,
  withFindings,
} from '@/lib/guidelines/engine';
import type { ModelRequest } from '@/lib/guidelines/model-requests';
import { known, type LiteralsTable, prefilterFrom } from '@/lib/guidelines/prefilter';
import type { Rule } from '@/lib/guidelines/schema';
import type { CheckResult, FieldLimits, Finding } from '@/lib/guidelines/types';
import type { Language } from '@/lib/i18n/types';
import type { LibraryBundle } from '@/lib/library/schema';
import { logFailure } from '@/lib/log';
import type { FieldId, PlatformId } from '@/lib/platforms/types';

const NOTHING_YET: CheckResult = { verdict: 'ready', score: 100, findings: [] };

/**
 * A rule as the page keeps it: without its examples (run by `library build` and the tests, never
 * by a check) and its reviewer note (shown nowhere in the sidebar), ~0.3 MB of page heap in all.
 */
const NO_EXAMPLES: Rule['examples'] = { bad: [], good: [] };
function pageRule({ note: _note, ...rule }: Rule): Rule {
  return { ...rule, examples: NO_EXAMPLES };
}

export interface RuleCheckerOptions {
  /**
   * Where the library's models run (the background: `sendMessage('checkModels', request)`). Their
   * findings arrive after the rules' and are added to the field's result; without it, no model runs.
   */
  models?: (request: ModelRequest) => Promise<readonly Finding[]>;
  /** The models answered for this field's current text: check it again to show their findings. */
  onModelFindings?: (field: FieldId) => void;
  /** Runs `callback` after `ms` unless cancelled (the content script's ctx.setTimeout). */
  delay?: (callback: () => void, ms: number) => () => void;
}

/**
 * The models are asked once typing pauses this long: a request per keystroke would send the whole
 * draft each time and re-check it when each answer comes, on the same thread as the next key.
 */
export const MODEL_PAUSE_MS = 250;

const defaultDelay = (callback: () => void, ms: number) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

/** The models' answer for one field: the text (and context) it was for. */
interface ModelAnswer {
  key: string;
  text: string;
  findings: readonly Finding[];
}

/**
 * Until the models answer for a new text, their findings on the last one are kept where the words
 * they quote are still the same at the same offsets (typing after an insult keeps it flagged)
 * instead of blinking off and on with every keystroke.
 */
function carriedOver(answer: ModelAnswer | undefined, text: string): readonly Finding[] {
  if (!answer) return [];
  return answer.findings.filter(
    (f) => f.end <= text.length && text.slice(f.start, f.end) === answer.text.slice(f.start, f.end),
  );
}

/**
 * The library's rules, compiled once per library version, checking one field's text at a time in
 * the content script (a full re-check per frame is cheap: see scripts/bench-keystroke.ts). The
 * models run in the background (lib/guidelines/model-requests.ts), asked once per field and text.
 */
export function createRuleChecker(platform: PlatformId, options: RuleCheckerOptions = {}) {
  let bundle: LibraryBundle | null = null;
  let compiled: CompiledRules | null = null;
  const limits = new Map<FieldId, FieldLimits>();
  const answers = new Map<FieldId, ModelAnswer>();
  /** The key of the last request per field: an answer to an older one is not kept. */
  const asked = new Map<FieldId, string>();
  /** The rules' result for the field's last text, reused when the models' answer for it comes. */
  const lastRules = new Map<FieldId, { key: string; result: CheckResult }>();
  const waiting = new Map<FieldId, () => void>();
  const delay = options.delay ?? defaultDelay;

  const askModels = (key: string, request: ModelRequest) => {
    const { models } = options;
    if (!models) return;
    const field = request.field;
    asked.set(field, key);
    waiting.get(field)?.();
    waiting.set(
      field,
      delay(() => {
        waiting.delete(field);
        models(request)
          .then((findings) => {
            if (asked.get(field) !== key) return;
            answers.set(field, { key, text: request.text, findings });
            options.onModelFindings?.(field);
          })
          .catch(logFailure('models'));
      }, MODEL_PAUSE_MS),
    );
  };

  return {
    /**
     * Throws the engine's RuleSetError when the library's rules cannot be used. `literals`: the
     * background's table of what each pattern needs (prefilter.ts); without it every regex runs.
     */
    load(next: LibraryBundle, literals: LiteralsTable = []): void {
      const guidelines = next.guidelines.map(pageRule);
      // Only the regexes whose literals the draft contains run, and only those are ever made.
      compiled = compileRules(guidelines, {
        prefilter: (rules) => prefilterFrom(rules, known(literals)),
        lazyRegexes: true,
      });
      // The page keeps no model file: the background runs the models.
      bundle = { ...next, guidelines, models: undefined };
      limits.clear();
      answers.clear();
      asked.clear();
      lastRules.clear();
      for (const cancel of waiting.values()) cancel();
      waiting.clear();
    },
    get bundle(): LibraryBundle | null {
      return bundle;
    },
    check(text: string, field: FieldId, lang: Language, agencyId: string | null): CheckResult {
      if (!compiled || !bundle) return NOTHING_YET;
      const key = `${lang}\u0000${agencyId ?? ''}\u0000${text}`;
      const answer = answers.get(field);
      const known = lastRules.get(field);
      // The models' answer for the text the rules just checked: no need to check it again.
      if (answer?.key === key && known?.key === key) return withFindings(known.result, answer.findings);
      const result = checkText(compiled, text, {
        platform,
        field,
        lang,
        agency: bundle.agencies.find((agency) => agency.id === agencyId),
        // The same array every time: the engine caches its agency-name index per array.
        agencies: bundle.agencies,
        allowlists: bundle.allowlists,
      });
      if (!options.models) return result;
      lastRules.set(field, { key, result });
      if (answer?.key === key) return withFindings(result, answer.findings);
      if (asked.get(field) !== key && text.trim() !== '')
        askModels(key, { text, platform, field, lang, reported: result.findings });
      return withFindings(result, carriedOver(answer, text));
    },
    limits(field: FieldId): FieldLimits {
      if (!compiled) return {};
      let found = limits.get(field);
      if (!found) {
        found = limitsFor(compiled, platform, field);
        limits.set(field, found);
      }
      return found;
    },
  };
}
