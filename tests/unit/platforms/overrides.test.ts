import { describe, expect, it } from 'vitest';
import { SelectorOverridesSchema } from '@/lib/platforms/overrides';

describe('SelectorOverridesSchema (library bundle: platforms.<id>.selectors)', () => {
  it('accepts per-field lists of named selectors, any subset of fields', () => {
    const value = { caption: [{ name: 'testid', selector: '[data-testid="composer"]' }], tags: [] };
    expect(SelectorOverridesSchema.parse(value)).toEqual(value);
    expect(SelectorOverridesSchema.parse({})).toEqual({});
  });

  it('rejects unknown fields, unnamed strategies and empty selectors', () => {
    expect(SelectorOverridesSchema.safeParse({ body: [{ name: 'x', selector: 'div' }] }).success).toBe(false);
    expect(SelectorOverridesSchema.safeParse({ caption: [{ name: '', selector: 'div' }] }).success).toBe(
      false,
    );
    expect(SelectorOverridesSchema.safeParse({ caption: [{ name: 'x', selector: '' }] }).success).toBe(false);
  });
});
