import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldCounters } from '@/components/sidebar/field-counters';
import type { Counter } from '@/lib/sidebar/counters';

const chars = (value: number, limit: number | null): Counter => ({
  kind: 'chars',
  value,
  limit,
  over: limit !== null && value > limit,
});

describe('<FieldCounters>', () => {
  const root = document.createElement('div');
  afterEach(() => render(null, root));

  it('names each field when there are two rows, so they do not read as one field counted twice', () => {
    render(
      <FieldCounters
        showField={false}
        fields={[
          { field: 'caption', counters: [chars(113, 63206)] },
          { field: 'reply', counters: [chars(0, null)] },
        ]}
      />,
      root,
    );
    const tags = [...root.querySelectorAll('.sp-field-tag')].map((tag) => tag.textContent);
    expect(tags).toHaveLength(2);
    expect(tags[0]).not.toBe(tags[1]);
  });

  it('leaves a single field unnamed unless asked', () => {
    render(
      <FieldCounters showField={false} fields={[{ field: 'caption', counters: [chars(5, 2200)] }]} />,
      root,
    );
    expect(root.querySelector('.sp-field-tag')).toBeNull();
    expect(root.querySelector('[data-sp="counter"]')?.getAttribute('data-value')).toBe('5');
  });
});
