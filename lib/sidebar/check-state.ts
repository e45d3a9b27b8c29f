import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import { verdictOf } from '@/lib/guidelines/engine';
import { type Counter, fieldCounters } from './counters';
import {
  combineResults,
  type FieldFinding,
  type FindingLike,
  groupBySeverity,
  ignoreNeedsReason,
  toFieldFindings,
} from './findings';
import type { AuditEntry, CheckOutcome, SidebarDeps } from './model-types';

export interface FieldState<F extends FindingLike> {
  text: string;
  result: CheckOutcome<F>;
}

type CheckDeps<F extends FindingLike> = Pick<
  SidebarDeps<F>,
  'fields' | 'readField' | 'check' | 'limits' | 'schedule' | 'logAudit'
>;

/**
 * The draft as last checked, field by field: the findings (minus the ignored ones), their groups,
 * the verdict over every field and the counters. Checks are coalesced to one per field per frame.
 */
export function createCheckState<F extends FindingLike>(deps: CheckDeps<F>) {
  const fieldStates = signal<Record<string, FieldState<F>>>({});
  const ignored = signal<Record<string, string>>({});
  /** Bumped on every completed check: a hook for the keystroke benchmark and for tests. */
  const checks = signal(0);
  const pending = new Set<string>();

  const allFindings = computed(() =>
    Object.entries(fieldStates.value).flatMap(([field, state]) =>
      toFieldFindings(field, state.text, state.result.findings),
    ),
  );
  const findings = computed(() => allFindings.value.filter((item) => !(item.key in ignored.value)));
  const groups = computed(() => groupBySeverity(findings.value));
  const ignoredCount = computed(() => allFindings.value.length - findings.value.length);

  const summary = computed(() => {
    const combined = combineResults(Object.values(fieldStates.value).map((state) => state.result));
    if (ignoredCount.value === 0) return combined;
    // Ignoring (with a reason) lowers the verdict only as far as what is left justifies: the
    // engine's verdict of the findings still listed.
    return { verdict: verdictOf(findings.value.map((item) => item.finding)), score: combined.score };
  });

  const counters = computed(() =>
    Object.entries(fieldStates.value).map(([field, state]) => ({
      field,
      counters: fieldCounters(state.text, deps.limits(field)) as Counter[],
    })),
  );

  function checkNow(field: string): void {
    pending.delete(field);
    const text = deps.readField(field);
    const next = { ...fieldStates.value };
    if (text === null) delete next[field];
    else next[field] = { text, result: deps.check(text, field) };
    batch(() => {
      fieldStates.value = next;
      checks.value += 1;
    });
  }

  return {
    fieldStates: fieldStates as ReadonlySignal<Record<string, FieldState<F>>>,
    checks: checks as ReadonlySignal<number>,
    findings,
    groups,
    ignoredCount,
    summary,
    counters,
    checkNow,
    /** Coalesce bursts of input events into one check per field per frame. */
    scheduleCheck(field: string): void {
      if (pending.has(field)) return;
      pending.add(field);
      deps.schedule(() => {
        if (pending.has(field)) checkNow(field);
      });
    },
    recheckAll(): void {
      for (const field of deps.fields) checkNow(field.id);
    },
    ignoreNeedsReason,
    /** Ignore with a reason; false (and nothing ignored) when the reason is required but empty. */
    ignoreFinding(item: FieldFinding<F>, reason: string): boolean {
      const trimmed = reason.trim();
      if (ignoreNeedsReason(item.finding) && trimmed === '') return false;
      ignored.value = { ...ignored.value, [item.key]: trimmed };
      const entry: AuditEntry = {
        type: 'finding-ignored',
        field: item.field,
        ruleId: item.finding.ruleId,
        category: item.finding.category,
        reason: trimmed,
        excerpt: item.matched.slice(0, 200),
      };
      deps.logAudit(entry);
      return true;
    },
  };
}

export type CheckState<F extends FindingLike = FindingLike> = ReturnType<typeof createCheckState<F>>;
