import { checkText, compileRules, exampleContext, type Rule, type RuleProblem } from '@/lib/guidelines';

/**
 * Every lexicon entry must be able to match something (docs/library-format.md § Sync: the order of checks).
 * A term the engine can never report — an exception that swallows it, a spelling the normaliser
 * folds away, a character the tokenizer splits on — is dead weight that looks like coverage: the
 * bureau believes "sabu" is checked while nothing fires. Each `terms` entry and each `from` form of a
 * `substitution` pair is checked on its own, as the whole text, with the rule's context conditions
 * (`when`, `unless`, quotation) left out: those limit *where* a term counts, not *whether* it can.
 */

type LexiconRule = Extract<Rule, { kind: 'terms' } | { kind: 'substitution' }>;

function isLexicon(rule: Rule): rule is LexiconRule {
  return rule.kind === 'terms' || rule.kind === 'substitution';
}

function entriesOf(rule: LexiconRule): string[] {
  if (rule.kind === 'terms') return rule.terms;
  return rule.pairs.flatMap((pair) => (Array.isArray(pair.from) ? pair.from : [pair.from]));
}

/** The rule alone, without the conditions on its surroundings and without its examples. */
function bare(rule: LexiconRule): Rule {
  const loose = { when: undefined, unless: undefined, examples: { bad: [], good: [] } };
  return rule.kind === 'terms' ? { ...rule, ...loose, unlessQuoted: false } : { ...rule, ...loose };
}

/** One problem per entry that matches nothing; [] when every entry can fire. */
export function probeLexicons(rules: readonly Rule[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const rule of rules) {
    if (!isLexicon(rule)) continue;
    const compiled = compileRules([bare(rule)]);
    const ctx = exampleContext(rule);
    for (const entry of entriesOf(rule)) {
      const fires = checkText(compiled, entry, ctx).findings.some((f) => f.ruleId === rule.id);
      if (!fires) {
        problems.push({
          ruleId: rule.id,
          message: `lexicon entry ${JSON.stringify(entry)} matches nothing, not even itself: check its spelling, the rule's exceptions and normalisation, or remove it`,
        });
      }
    }
  }
  return problems;
}
