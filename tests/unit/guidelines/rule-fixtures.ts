import { type Rule, type RuleInput, RuleSchema } from '@/lib/guidelines';

/** Builds a valid rule from the fields a test cares about (message and examples get defaults). */
export function rule(input: Partial<RuleInput> & Pick<RuleInput, 'kind'> & Record<string, unknown>): Rule {
  return RuleSchema.parse({
    id: 'T-1',
    category: 'style',
    severity: 'warning',
    message: { id: 'temuan %s', en: 'finding %s' },
    examples: { bad: ['(not checked in unit tests)'], good: [] },
    ...input,
  });
}

export const CTX = { platform: 'facebook', field: 'caption', lang: 'id' } as const;
