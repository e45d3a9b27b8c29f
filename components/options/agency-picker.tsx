import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type MessageKey, t } from '@/lib/i18n';
import type { Agency } from '@/lib/library/schema';
import type { Directory } from '@/lib/options/options-model';
import { describedBy, FieldError, fieldIds } from './field';

/** Lowercase without diacritics, so "dinas kesehatan" finds "Dinas Kesehatan". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Agencies whose name, abbreviation or id contain every word of the query. */
export function filterAgencies(agencies: Agency[], query: string): Agency[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return agencies;
  return agencies.filter((agency) => {
    const haystack = fold(`${agency.name} ${agency.shortName} ${agency.id}`);
    return words.every((word) => haystack.includes(word));
  });
}

export interface AgencyPickerProps {
  directory: Directory;
  value: string;
  error: MessageKey | undefined;
  onChange(agency: Agency | null): void;
}

/**
 * A search box that filters a native list box: keyboard and screen-reader behaviour come from the
 * browser (arrows, type-ahead, selection announced), and tests pick an agency with selectOption.
 */
export function AgencyPicker({ directory, value, error, onChange }: AgencyPickerProps) {
  const [query, setQuery] = useState('');
  const agencies = directory.state === 'ready' ? directory.agencies : [];
  const sorted = useMemo(() => [...agencies].sort((a, b) => a.name.localeCompare(b.name, 'id')), [agencies]);
  const shown = filterAgencies(sorted, query);
  const chosen = agencies.find((agency) => agency.id === value);
  // The chosen agency stays in the list even when the search hides it, so the select shows it.
  const options = chosen && !shown.includes(chosen) ? [chosen, ...shown] : shown;
  const ids = fieldIds('agency');
  const select = useRef<HTMLSelectElement>(null);
  // Preact sets a select's value before its options exist (and not again while the value stays
  // the same), so after filtering nothing would be selected and the first arrow key would only
  // select "not chosen": re-apply the value whenever the options change.
  const optionKey = options.map((agency) => agency.id).join(' ');
  useLayoutEffect(() => {
    // Always assign: with nothing selected, `select.value` reads '' and would look right already.
    if (select.current) select.current.value = value;
  }, [value, optionKey]);
  const unknown = directory.state === 'ready' && value !== '' && !chosen;

  return (
    <div class="sp-field sp-agency" data-invalid={error ? 'true' : undefined}>
      <label for="sp-agency-search">{t('options.agency.search')}</label>
      <input
        id="sp-agency-search"
        type="search"
        data-sp="agency-search"
        value={query}
        aria-describedby="sp-agency-search-hint sp-agency-count"
        aria-controls={ids.input}
        autocomplete="off"
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      <p id="sp-agency-search-hint" class="sp-hint">
        {t('options.agency.searchHint')}
      </p>
      <label for={ids.input}>{t('options.agency.label')}</label>
      <select
        {...describedBy('agency', true, error)}
        ref={select}
        data-sp="agency"
        size={Math.min(8, Math.max(options.length + 1, 2))}
        value={value}
        disabled={directory.state !== 'ready'}
        onChange={(event) => {
          const id = event.currentTarget.value;
          onChange(agencies.find((agency) => agency.id === id) ?? null);
        }}
      >
        <option value="">{t('options.agency.none')}</option>
        {options.map((agency) => (
          <option key={agency.id} value={agency.id} data-agency-id={agency.id}>
            {agency.toConfirm
              ? `${agency.name} (${agency.shortName}) ${t('options.agency.toConfirm')}`
              : `${agency.name} (${agency.shortName})`}
          </option>
        ))}
      </select>
      <p id={ids.hint} class="sp-hint" aria-live="polite">
        {directory.state === 'loading' ? t('options.agency.loading') : null}
        {directory.state === 'error' ? t('options.agency.unavailable', { detail: directory.detail }) : null}
        {directory.state === 'ready' ? (
          <span id="sp-agency-count">
            {query && shown.length === 0
              ? t('options.agency.noMatch', { query })
              : t('options.agency.count', { shown: shown.length, total: agencies.length })}
          </span>
        ) : null}
      </p>
      {chosen ? (
        <p class="sp-chosen" data-sp="agency-chosen" data-agency-id={chosen.id}>
          {t('options.agency.chosen', { name: chosen.name })}
        </p>
      ) : null}
      {unknown ? (
        <p class="sp-warning" role="alert">
          {t('options.agency.unknown', { id: value })}
        </p>
      ) : null}
      <FieldError name="agency" error={error} />
    </div>
  );
}
