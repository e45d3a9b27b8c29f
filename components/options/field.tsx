import type { ComponentChildren } from 'preact';
import { type MessageKey, t } from '@/lib/i18n';
import type { StatusKind } from '@/lib/options/options-model';
import type { FieldName } from '@/lib/settings/form';

/** DOM ids of a field's input, hint and error; the input names both in aria-describedby. */
export function fieldIds(name: FieldName) {
  const id = `sp-${name.replace('.', '-')}`;
  return { input: id, hint: `${id}-hint`, error: `${id}-error` };
}

/** The accessibility attributes of a field's input (label is bound with for/id). */
export function describedBy(name: FieldName, hasHint: boolean, error: MessageKey | undefined) {
  const ids = fieldIds(name);
  const described = [hasHint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(' ');
  return {
    id: ids.input,
    'aria-describedby': described || undefined,
    'aria-invalid': error ? ('true' as const) : undefined,
  };
}

export interface FieldProps {
  name: FieldName;
  label: string;
  hint?: string;
  error?: MessageKey;
  children: ComponentChildren;
}

/** Label, control, hint and the field's own error message, in that reading order. */
export function Field({ name, label, hint, error, children }: FieldProps) {
  const ids = fieldIds(name);
  return (
    <div class="sp-field" data-invalid={error ? 'true' : undefined}>
      <label for={ids.input}>{label}</label>
      {children}
      {hint ? (
        <p id={ids.hint} class="sp-hint">
          {hint}
        </p>
      ) : null}
      <FieldError name={name} error={error} />
    </div>
  );
}

export function FieldError({ name, error }: { name: FieldName; error: MessageKey | undefined }) {
  if (!error) return null;
  return (
    <p id={fieldIds(name).error} class="sp-error" data-sp="error" data-field={name}>
      {t(error)}
    </p>
  );
}

/** A live region for the result of an action; `hook` is its data-sp name. */
export function StatusLine({ hook, kind, text }: { hook: string; kind: StatusKind | null; text: string }) {
  return (
    <p class={`sp-status sp-status-${kind ?? 'none'}`} data-sp={hook} data-state={kind ?? ''} role="status">
      {text}
    </p>
  );
}
