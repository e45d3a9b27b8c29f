import { type CompiledRules, checkText, compileRules, limitsFor } from '@/lib/guidelines/engine';
import { modelCheckers } from '@/lib/guidelines/model/checker';
import type { CheckResult, FieldLimits } from '@/lib/guidelines/types';
import type { Language } from '@/lib/i18n/types';
import type { LibraryBundle } from '@/lib/library/schema';
import type { FieldId, PlatformId } from '@/lib/platforms/types';

const NOTHING_YET: CheckResult = { verdict: 'ready', score: 100, findings: [] };

/**
 * The library's rules, compiled once per library version, checking one field's text at a time in
 * the content script (a full re-check per frame is cheap: see scripts/bench-keystroke.ts).
 */
export function createRuleChecker(platform: PlatformId) {
  let bundle: LibraryBundle | null = null;
  let compiled: CompiledRules | null = null;
  const limits = new Map<FieldId, FieldLimits>();
  return {
    /** Throws the engine's RuleSetError when the library's rules cannot be used. */
    load(next: LibraryBundle): void {
      compiled = compileRules(next.guidelines, { checkers: modelCheckers(next.models) });
      bundle = next;
      limits.clear();
    },
    get bundle(): LibraryBundle | null {
      return bundle;
    },
    check(text: string, field: FieldId, lang: Language, agencyId: string | null): CheckResult {
      if (!compiled || !bundle) return NOTHING_YET;
      return checkText(compiled, text, {
        platform,
        field,
        lang,
        agency: bundle.agencies.find((agency) => agency.id === agencyId),
        // The same array every time: the engine caches its agency-name index per array.
        agencies: bundle.agencies,
        allowlists: bundle.allowlists,
      });
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
