import type { MarkView } from '@/lib/marks/marks-model';
import type { FieldFinding } from '@/lib/sidebar/findings';
import { MarkCard, type MarkCardProps } from './mark-card';

export interface MarksLayerProps {
  marks: MarkView[];
  /** Layout passes so far (the keystroke benchmark waits for it to move). */
  layouts: number;
  /** The open card's mark, if any. */
  active: MarkView | null;
  viewport: { width: number; height: number };
  card: Omit<MarkCardProps, 'item' | 'anchor' | 'viewport' | 'source' | 'needsReason'> & {
    sourceOf(ruleId: string): string | null;
    needsReason(item: FieldFinding): boolean;
  };
}

/**
 * One underline per finding, coloured by severity, drawn over the words' boxes. The boxes take no
 * pointer events (the text under them stays the editor's); only the open card does.
 */
export function MarksLayer({ marks, layouts, active, viewport, card }: MarksLayerProps) {
  return (
    <>
      {/* The underlines only repeat, visually, what the sidebar lists; the card is the readable part. */}
      <div class="sp-marks" data-sp="marks" data-layouts={layouts} aria-hidden="true">
        {marks.map(({ item, boxes }) => (
          <div
            key={item.id}
            class={`sp-mark sp-sev-${item.finding.severity}${active?.item.id === item.id ? ' sp-active' : ''}`}
            data-sp="mark"
            data-rule-id={item.finding.ruleId}
            data-category={item.finding.category}
            data-severity={item.finding.severity}
            data-field={item.field}
            data-start={item.finding.start}
            data-end={item.finding.end}
          >
            {boxes.map((box, index) => (
              <span
                key={index}
                class="sp-mark-box"
                style={{
                  left: `${box.left}px`,
                  top: `${box.top}px`,
                  width: `${box.width}px`,
                  height: `${box.height}px`,
                }}
              />
            ))}
          </div>
        ))}
      </div>
      {active ? (
        <MarkCard
          key={active.item.id}
          {...card}
          item={active.item}
          anchor={active.boxes.at(-1) ?? { left: 0, top: 0, width: 0, height: 0 }}
          viewport={viewport}
          source={card.sourceOf(active.item.finding.ruleId)}
          needsReason={card.needsReason(active.item)}
        />
      ) : null}
    </>
  );
}
