import { t } from '@/lib/i18n/in-page';
import { trusted } from './trusted';

/** One text the admin can insert (a library caption, a request, a reply template), as the list shows it. */
export interface CaptionItemProps {
  /** Its hooks: `data-sp` (caption / request / reply-template) and its id, status or situation. */
  attrs: Record<string, string>;
  title: string;
  badge?: string | undefined;
  /** Placeholders the admin fills in, and what was typed so far. */
  inputs: string[];
  values: Record<string, string>;
  /** Exactly what insert puts into the editor. */
  text: string;
  /** A line under the text (a correction's source, a missing PPID contact). */
  note?: string | undefined;
  /** Something is still missing: no insert, no copy. */
  blocked: boolean;
  /** false: "composer not recognised" — copy only, never a blind insert. */
  insertable: boolean;
  busy: boolean;
  insertLabel: string;
  copyLabel?: string | undefined;
  onInput(name: string, value: string): void;
  onInsert(): void;
  onCopy(text: string): void;
}

export function CaptionItem(props: CaptionItemProps) {
  return (
    <li class="sp-item" {...props.attrs}>
      <div class="sp-item-head">
        <strong>{props.title}</strong>
        {props.badge ? <span class="sp-badge">{props.badge}</span> : null}
      </div>
      {props.inputs.map((name) => (
        <label key={name} class="sp-placeholder">
          {t('sidebar.library.placeholder', { name })}
          <input
            type="text"
            data-sp="placeholder"
            data-name={name}
            value={props.values[name] ?? ''}
            onInput={trusted((event) => props.onInput(name, event.currentTarget.value))}
          />
        </label>
      ))}
      {/* The text box scrolls (max-height): keyboard users must be able to reach and scroll
          it too (WCAG 2.1.1), so it takes the focus and is named by its title. */}
      {/* biome-ignore lint/a11y/useSemanticElements: a named group of text, not a form's fieldset */}
      <div
        class="sp-caption-text"
        data-sp="caption-text"
        role="group"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be keyboard-reachable (axe scrollable-region-focusable)
        tabIndex={0}
        aria-label={props.title}
      >
        {props.text}
      </div>
      {props.note ? <p class="sp-muted">{props.note}</p> : null}
      <div class="sp-actions">
        {props.insertable ? (
          <button
            type="button"
            data-sp="insert"
            disabled={props.busy || props.blocked}
            aria-label={props.insertLabel}
            onClick={trusted(() => props.onInsert())}
          >
            {t('sidebar.library.insert')}
          </button>
        ) : null}
        <button
          type="button"
          data-sp="copy"
          disabled={props.blocked}
          aria-label={props.copyLabel}
          onClick={trusted(() => props.onCopy(props.text))}
        >
          {t('common.copy')}
        </button>
      </div>
    </li>
  );
}
