/**
 * The guideline engine: pure TypeScript (no DOM, no browser APIs), shared by the content script,
 * the background and the `check` command.
 *
 *   const compiled = compileRules(library.guidelines);          // once per library version
 *   const result = checkText(compiled, draft, { platform, field, lang, agency, agencies, allowlists });
 *   const counters = limitsFor(compiled, platform, field);      // for the sidebar's counters
 */
export {
  type CompiledRules,
  type CompileOptions,
  checkText,
  compileRules,
  exampleContext,
  limitsFor,
  scoreFindings,
  verdictOf,
} from './engine';
export {
  CATEGORIES,
  type Category,
  RULE_KINDS,
  type Rule,
  type RuleInput,
  RuleListSchema,
  RuleSchema,
  SEVERITIES,
  type Severity,
} from './schema';
export {
  type AgencyLike,
  type CheckContext,
  type CheckResult,
  type FieldLimits,
  type Finding,
  type RuleProblem,
  RuleSetError,
  type Verdict,
} from './types';
