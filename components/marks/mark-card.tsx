import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/in-page';
import type { Box } from '@/lib/marks/geometry';
import type { FieldFinding } from '@/lib/sidebar/findings';
import { FixButton, IgnoreToggle } from '../sidebar/finding-actions';
import { IgnoreForm } from '../sidebar/ignore-form';
import { trusted } from '../sidebar/trusted';

export interface MarkCardProps {
  item: FieldFinding;
  /** Where the card goes: below (or above) this box, the mark's last line. */
  anchor: Box;
  viewport: { width: number; height: number };
  /** The rule's basis (law, circular, guideline) from the library, when it names one. */
  source: string | null;
  needsReason: boolean;
  busy: boolean;
  /** Move the focus into the card (it was opened from the keyboard). */
  takeFocus: boolean;
  onFix(item: FieldFinding): void;
  /** Returns false when the reason was required and missing (nothing ignored). */
  onIgnore(item: FieldFinding, reason: string): boolean;
  onShowInSidebar(item: FieldFinding): void;
  onClose(): void;
  onPointerInside(inside: boolean): void;
}

const CARD_WIDTH = 300;
const GAP = 6;

/** A finding where its words are: the message, its basis, fix, ignore and "show in the panel". */
export function MarkCard(props: MarkCardProps) {
  const { item, anchor, viewport } = props;
  const [asking, setAsking] = useState(false);
  const card = useRef<HTMLDivElement>(null);
  const below = anchor.top + anchor.height + GAP;
  const top = below + 180 > viewport.height && anchor.top > 200 ? undefined : below;
  const style = {
    left: `${Math.max(GAP, Math.min(anchor.left, viewport.width - CARD_WIDTH - GAP))}px`,
    ...(top === undefined ? { bottom: `${viewport.height - anchor.top + GAP}px` } : { top: `${top}px` }),
    width: `${CARD_WIDTH}px`,
  };

  useEffect(() => {
    if (props.takeFocus) card.current?.querySelector<HTMLElement>('button')?.focus();
  }, [props.takeFocus, item.id]);

  return (
    <div
      ref={card}
      class={`sp-mark-card sp-sev-${item.finding.severity}`}
      data-sp="mark-card"
      data-rule-id={item.finding.ruleId}
      data-field={item.field}
      role="dialog"
      aria-label={t('marks.card', { excerpt: item.matched })}
      style={style}
      onPointerEnter={() => props.onPointerInside(true)}
      onPointerLeave={() => props.onPointerInside(false)}
    >
      <p class="sp-mark-message">{item.finding.message}</p>
      <p class="sp-mark-source">
        {props.source
          ? t('marks.source', { source: props.source })
          : t('marks.rule', { ruleId: item.finding.ruleId })}
      </p>
      <div class="sp-actions">
        <FixButton finding={item.finding} busy={props.busy} onFix={() => props.onFix(item)} />
        <IgnoreToggle asking={asking} onToggle={() => setAsking(!asking)} />
        <button type="button" data-sp="mark-show" onClick={trusted(() => props.onShowInSidebar(item))}>
          {t('marks.showInSidebar')}
        </button>
        <button
          type="button"
          class="sp-link"
          data-sp="mark-close"
          aria-label={t('marks.close')}
          onClick={trusted(() => props.onClose())}
        >
          ×
        </button>
      </div>
      {asking ? (
        <IgnoreForm needsReason={props.needsReason} onConfirm={(reason) => props.onIgnore(item, reason)} />
      ) : null}
    </div>
  );
}
