import { t } from '@/lib/i18n/in-page';
import type { CaptionView, HashtagSetEntry } from '@/lib/sidebar/library-view';
import { CaptionItem } from './caption-item';
import { trusted } from './trusted';

export interface CaptionEntry {
  caption: CaptionView;
  /** Exactly what insert puts into the editor. */
  text: string;
  /** Placeholders still without a value. */
  missing: string[];
  /** Placeholders the admin fills in, and what was typed so far. */
  inputs: string[];
  values: Record<string, string>;
}

export interface LibraryPanelProps {
  query: string;
  captions: CaptionEntry[];
  hashtagSets: HashtagSetEntry[];
  ready: boolean;
  /** false: "composer not recognised" — offer copy only, never a blind insert. */
  canInsert: boolean;
  busy: boolean;
  onQuery(query: string): void;
  onPlaceholder(captionId: string, name: string, value: string): void;
  onInsertCaption(captionId: string): void;
  onInsertHashtagSet(setId: string): void;
  onCopy(text: string): void;
}

/** Search, captions (with their filled text) and hashtag sets. */
export function LibraryPanel(props: LibraryPanelProps) {
  const { captions, hashtagSets } = props;
  return (
    <section class="sp-library" aria-label={t('sidebar.library.title')}>
      <h2>{t('sidebar.library.title')}</h2>
      <input
        type="search"
        class="sp-search"
        data-sp="search"
        placeholder={t('sidebar.library.search')}
        aria-label={t('sidebar.library.search')}
        value={props.query}
        onInput={trusted((event) => props.onQuery(event.currentTarget.value))}
      />
      {!props.ready ? <p class="sp-muted">{t('sidebar.library.loading')}</p> : null}
      <h3>{t('sidebar.library.hashtagSets')}</h3>
      {props.ready && hashtagSets.length === 0 ? (
        <p class="sp-muted">{t('sidebar.library.noHashtagSets')}</p>
      ) : null}
      <ul class="sp-sets">
        {hashtagSets.map(({ set, required }) => {
          const text = set.tags.join(' ');
          return (
            <li
              key={set.id}
              class="sp-item"
              data-sp="hashtag-set"
              data-set-id={set.id}
              data-required={String(required)}
            >
              <div class="sp-item-head">
                <strong>{set.title}</strong>
                {required ? <span class="sp-badge">{t('sidebar.library.required')}</span> : null}
              </div>
              <p class="sp-tags" data-sp="hashtag-set-tags">
                {text}
              </p>
              <div class="sp-actions">
                {props.canInsert ? (
                  <button
                    type="button"
                    data-sp="insert"
                    disabled={props.busy}
                    aria-label={t('sidebar.library.insertSet', { title: set.title })}
                    onClick={trusted(() => props.onInsertHashtagSet(set.id))}
                  >
                    {t('sidebar.library.insert')}
                  </button>
                ) : null}
                <button
                  type="button"
                  data-sp="copy"
                  aria-label={t('sidebar.library.copySet', { title: set.title })}
                  onClick={trusted(() => props.onCopy(text))}
                >
                  {t('common.copy')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <h3>{t('sidebar.library.captions')}</h3>
      {props.ready && captions.length === 0 ? (
        <p class="sp-muted">{t('sidebar.library.noCaptions')}</p>
      ) : null}
      <ul class="sp-captions">
        {captions.map((entry) => (
          <CaptionItem
            key={entry.caption.id}
            attrs={{ 'data-sp': 'caption', 'data-caption-id': entry.caption.id }}
            title={entry.caption.title}
            inputs={entry.inputs}
            values={entry.values}
            text={entry.text}
            blocked={entry.missing.length > 0}
            insertable={props.canInsert}
            busy={props.busy}
            insertLabel={t('sidebar.library.insertCaption', { title: entry.caption.title })}
            copyLabel={t('sidebar.library.copyCaption', { title: entry.caption.title })}
            onInput={(name, value) => props.onPlaceholder(entry.caption.id, name, value)}
            onInsert={() => props.onInsertCaption(entry.caption.id)}
            onCopy={props.onCopy}
          />
        ))}
      </ul>
    </section>
  );
}
