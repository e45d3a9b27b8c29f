/**
 * The guideline engine: pure TypeScript (no DOM, browser or Node API), shared by the content script,
 * the background and the `check` command (docs/guidelines.md).
 *
 *   const compiled = compileRules(library.guidelines);          // once per library version
 *   const result = checkText(compiled, draft, { platform, field, lang, agency, agencies, allowlists });
 *   const counters = limitsFor(compiled, platform, field);      // for the sidebar's counters
 *
 * The zod-free contract (categories, severities, verdicts, Finding) is `./types`; the zod schemas
 * for rules arriving from outside are `./schema`.
 */
export {
  type CompiledRules,
  type CompileOptions,
  checkText,
  compileRules,
  exampleContext,
  limitsFor,
  ruleOverruns,
  scoreFindings,
  verdictOf,
} from './engine';
export { type Rule, type RuleInput, RuleListSchema, RuleSchema } from './schema';
export {
  type AgencyLike,
  CATEGORIES,
  type Category,
  type CheckContext,
  type CheckResult,
  type ExtraChecker,
  type FieldLimits,
  type Finding,
  RULE_KINDS,
  type RuleKind,
  type RuleOverrun,
  type RuleProblem,
  RuleSetError,
  SEVERITIES,
  SEVERITY_VERDICT,
  type Severity,
  VERDICT_RANK,
  VERDICTS,
  type Verdict,
  worstVerdict,
} from './types';
