import { t } from '@/lib/i18n/in-page';
import type { Counter } from '@/lib/sidebar/counters';
import { fieldLabel } from './field-label';

export interface FieldCountersProps {
  fields: { field: string; counters: Counter[] }[];
  showField: boolean;
}

/** Per-field counters against the platform's limits (characters, bytes, hashtags, mentions). */
export function FieldCounters({ fields, showField }: FieldCountersProps) {
  if (fields.length === 0) return null;
  // Two rows of counters without their field's name read as one field counted twice.
  const named = showField || fields.length > 1;
  return (
    <section class="sp-counters" data-sp="counters" aria-label={t('sidebar.counters.title')}>
      {fields.map(({ field, counters }) => (
        <div key={field} class="sp-counter-row" data-field={field}>
          {named ? <span class="sp-field-tag">{fieldLabel(field)}</span> : null}
          {counters.map((counter) => {
            const label = t(`sidebar.counter.${counter.kind}`);
            const value =
              counter.limit === null
                ? String(counter.value)
                : t('sidebar.counter.value', { value: counter.value, limit: counter.limit });
            return (
              <span
                key={counter.kind}
                class={counter.over ? 'sp-counter sp-over' : 'sp-counter'}
                data-sp="counter"
                data-field={field}
                data-kind={counter.kind}
                data-value={counter.value}
                data-over={String(counter.over)}
                title={
                  counter.over && counter.limit !== null
                    ? t('sidebar.counter.over', { label, value: counter.value, limit: counter.limit })
                    : undefined
                }
              >
                {label} {value}
              </span>
            );
          })}
        </div>
      ))}
    </section>
  );
}
