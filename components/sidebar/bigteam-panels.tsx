import { CaptionItem, type CaptionItemProps } from './caption-item';

/** One amplification request or reply template: a caption item with its own id. */
export type BigTeamItem = Omit<
  CaptionItemProps,
  'busy' | 'insertLabel' | 'onInput' | 'onInsert' | 'onCopy' | 'copyLabel'
> & { id: string };

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
 * the library's own caption items (one markup, the content script's size budget).
 */
export function BigTeamList(props: BigTeamListProps) {
  return (
    <section class="sp-library" aria-label={props.title}>
      <h2>{props.title}</h2>
      {props.hint ? <p class="sp-muted">{props.hint}</p> : null}
      <ul class="sp-captions">
        {props.items.map(({ id, ...item }) => (
          <CaptionItem
            key={id}
            {...item}
            busy={props.busy}
            insertLabel={props.insertLabel(item.title)}
            onInput={(name, value) => props.onInput(id, name, value)}
            onInsert={() => props.onInsert(id)}
            onCopy={props.onCopy}
          />
        ))}
      </ul>
    </section>
  );
}
