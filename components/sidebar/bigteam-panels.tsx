import { t } from '@/lib/i18n/in-page';
import { trusted } from './trusted';

/** One amplification request or reply template, as the list shows it. */
export interface BigTeamItem {
  id: string;
  title: string;
  /** Exactly what insert puts into the editor. */
  text: string;
  /** Its hooks: `data-sp` (request / reply-template), its id attribute, status or situation. */
  attrs: Record<string, string>;
  badge?: string | undefined;
  /** Placeholders the admin types (`{{user}}`), and what was typed so far. */
  inputs: string[];
  values: Record<string, string>;
  /** Something is still missing: no insert, no copy. */
  blocked: boolean;
  /** A line under the text (a correction's source, a missing PPID contact). */
  note?: string | undefined;
  insertable: boolean;
}

export interface BigTeamListProps {
  title: string;
  hint?: string;
  items: BigTeamItem[];
  busy: boolean;
  insertLabel(title: string): string;
  onInsert(id: string): void;
  onInput(id: string, name: string, value: string): void;
  onCopy(text: string): void;
}

/**
 * "Permintaan amplifikasi" on top of the library panel, or the reply templates in a comment box:
 * one list, lean on purpose (the content script's size budget).
 */
export function BigTeamList(props: BigTeamListProps) {
  return (
    <section class="sp-library" aria-label={props.title}>
      <h2>{props.title}</h2>
      {props.hint ? <p class="sp-muted">{props.hint}</p> : null}
      <ul class="sp-captions">
        {props.items.map((item) => (
          <li key={item.id} class="sp-item" {...item.attrs}>
            <div class="sp-item-head">
              <strong>{item.title}</strong>
              {item.badge ? <span class="sp-badge">{item.badge}</span> : null}
            </div>
            {item.inputs.map((name) => (
              <label key={name} class="sp-placeholder">
                {t('sidebar.library.placeholder', { name })}
                <input
                  type="text"
                  data-sp="placeholder"
                  data-name={name}
                  value={item.values[name] ?? ''}
                  onInput={trusted((event) => props.onInput(item.id, name, event.currentTarget.value))}
                />
              </label>
            ))}
            {/* biome-ignore lint/a11y/useSemanticElements: a named group of text, not a form's fieldset */}
            <div
              class="sp-caption-text"
              data-sp="caption-text"
              role="group"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be keyboard-reachable (axe scrollable-region-focusable)
              tabIndex={0}
              aria-label={item.title}
            >
              {item.text}
            </div>
            {item.note ? <p class="sp-muted">{item.note}</p> : null}
            <div class="sp-actions">
              {item.insertable ? (
                <button
                  type="button"
                  data-sp="insert"
                  disabled={props.busy || item.blocked}
                  aria-label={props.insertLabel(item.title)}
                  onClick={trusted(() => props.onInsert(item.id))}
                >
                  {t('sidebar.library.insert')}
                </button>
              ) : null}
              <button
                type="button"
                data-sp="copy"
                disabled={item.blocked}
                onClick={trusted(() => props.onCopy(item.text))}
              >
                {t('common.copy')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
