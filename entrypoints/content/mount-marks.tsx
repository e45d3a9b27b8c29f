import { effect, signal } from '@preact/signals';
import { render } from 'preact';
import { MarksLayer } from '@/components/marks/marks-layer';
import { MARKS_CSS } from '@/components/marks/marks-style';
import { logFailure } from '@/lib/log';
import { layoutMarks } from '@/lib/marks/layout-marks';
import { createMarksModel } from '@/lib/marks/marks-model';
import { focusWithoutScroll } from '@/lib/platforms/query';
import type { SidebarSession } from '@/lib/sidebar/page-session';

/** Opens the next mark's card from the keyboard (checked on `code`: layouts differ, keys do not). */
function isNextMarkShortcut(event: KeyboardEvent): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyJ';
}

const HOVER_OPEN_MS = 120;
const HOVER_CLOSE_MS = 350;

/**
 * The inline marks: a `<satu-pintu-marks>` host with an open shadow root (docs/contracts.md) over
 * the page, drawing one underline per finding from the words' client rectangles. The editor is
 * only read. Everything that moves the words (typing, scrolling the field or the page, resizing,
 * the dialog re-centring) schedules one layout pass per frame; every listener ends with `ctx`.
 */
export function mountMarks(session: SidebarSession): void {
  const { ctx, model, fields, adapter } = session;
  const marks = createMarksModel({
    findings: model.findings,
    enabled: session.marksEnabled,
    fieldOrder: adapter.fields.map((field) => field.id),
  });
  const viewport = signal({ width: window.innerWidth, height: window.innerHeight });
  const pointerInCard = signal(false);

  const host = document.createElement('satu-pintu-marks');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = MARKS_CSS;
  const root = document.createElement('div');
  shadow.append(style, root);

  const fieldOf = (field: string) => {
    const id = fields.asFieldId(field);
    const found = id ? fields.found.get(id) : undefined;
    return found?.element.isConnected ? { element: found.element, kind: found.kind } : null;
  };

  // ------------------------------------------------------------ layout, at most once a frame
  const layoutNow = () => {
    if (!ctx.isValid) return;
    viewport.value = {
      width: document.documentElement.clientWidth || window.innerWidth,
      height: window.innerHeight,
    };
    marks.setBoxes(
      session.marksEnabled.value ? layoutMarks(model.findings.value, fieldOf, viewport.value) : new Map(),
    );
  };
  let frame = false;
  /** Scrolling and resizing: once in the next frame, however many events came. */
  const relayout = () => {
    if (frame || !ctx.isValid) return;
    frame = true;
    ctx.requestAnimationFrame(() => {
      frame = false;
      layoutNow();
    });
  };
  // New findings come from a check that runs in an animation frame, after the editor updated its
  // DOM: measure in that same frame (a microtask later), not one frame behind the sidebar.
  let soon = false;
  const stopFindings = effect(() => {
    void model.findings.value;
    void session.marksEnabled.value;
    if (soon) return;
    soon = true;
    queueMicrotask(() => {
      soon = false;
      layoutNow();
    });
  });
  ctx.addEventListener(document, 'scroll', relayout, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', relayout);
  const resizes = new ResizeObserver(relayout);
  resizes.observe(document.documentElement);
  const observed = new Set<Element>();
  const stopFields = effect(() => {
    void model.checks.value;
    // A field, or its dialog, that grows or moves: watch the fields found so far and their parents.
    for (const found of fields.found.values()) {
      for (let element: Element | null = found.element, depth = 0; element && depth < 6; depth++) {
        if (!observed.has(element)) {
          observed.add(element);
          resizes.observe(element);
        }
        element = element.parentElement;
      }
    }
  });

  // ------------------------------------------------------------ on the page while switched on
  const stopHost = effect(() => {
    if (session.marksEnabled.value) {
      if (!host.isConnected) document.documentElement.append(host);
    } else {
      marks.close();
      host.remove();
    }
  });

  // ------------------------------------------------------------ hover and keyboard
  let hoverTimer: number | undefined;
  const later = (callback: () => void, ms: number) => {
    if (hoverTimer !== undefined) clearTimeout(hoverTimer);
    hoverTimer = ctx.setTimeout(callback, ms);
  };
  ctx.addEventListener(
    document,
    'mousemove',
    (event) => {
      if (!event.isTrusted || marks.marks.value.length === 0) return;
      if (event.composedPath().includes(host)) return; // over the card: the card decides
      const key = marks.markAt(event.clientX, event.clientY);
      if (key && key !== marks.active.value) later(() => marks.open(key, 'pointer'), HOVER_OPEN_MS);
      else if (!key && marks.openedBy.value === 'pointer')
        later(() => {
          if (!pointerInCard.value) marks.close();
        }, HOVER_CLOSE_MS);
      else if (key && hoverTimer !== undefined) clearTimeout(hoverTimer);
    },
    { capture: true, passive: true },
  );

  const backToEditor = (field: string) => {
    const target = fieldOf(field)?.element;
    if (target instanceof HTMLElement) focusWithoutScroll(target);
  };
  ctx.addEventListener(
    document,
    'keydown',
    (event) => {
      if (!event.isTrusted) return;
      if (isNextMarkShortcut(event)) {
        const key = marks.nextKey();
        if (!key) return;
        event.preventDefault();
        event.stopPropagation();
        marks.open(key, 'keyboard');
      } else if (event.key === 'Escape' && marks.active.value) {
        // The card closes first; the composer dialog (which Escape also closes) stays.
        event.preventDefault();
        event.stopPropagation();
        const field = marks.activeMark.value?.item.field;
        const fromCard = event.composedPath().includes(host);
        marks.close();
        if (fromCard && field) backToEditor(field);
      }
    },
    { capture: true },
  );

  // ------------------------------------------------------------ the view
  const App = () => (
    <MarksLayer
      marks={marks.marks.value}
      layouts={marks.layouts.value}
      active={marks.activeMark.value}
      viewport={viewport.value}
      card={{
        busy: model.busy.value,
        takeFocus: marks.openedBy.value === 'keyboard',
        sourceOf: session.ruleSource,
        needsReason: (item) => model.ignoreNeedsReason(item.finding),
        onFix: (item) => {
          model
            .fixFinding(item)
            .then(() => marks.close())
            .catch(logFailure('fix from a mark'));
        },
        onIgnore: (item, reason) => {
          const ignored = model.ignoreFinding(item, reason);
          if (ignored) marks.close();
          return ignored;
        },
        onShowInSidebar: (item) => {
          marks.close();
          session.showInSidebar(item.id).catch(logFailure('show in sidebar'));
        },
        onClose: () => {
          const field = marks.activeMark.value?.item.field;
          marks.close();
          if (field) backToEditor(field);
        },
        onPointerInside: (inside) => {
          pointerInCard.value = inside;
        },
      }}
    />
  );
  render(<App />, root);

  ctx.onInvalidated(() => {
    stopFindings();
    stopFields();
    stopHost();
    resizes.disconnect();
    render(null, root);
    host.remove();
  });
}
