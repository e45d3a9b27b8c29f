import { afterEach, describe, expect, it, vi } from 'vitest';
import facebook from '@/lib/platforms/facebook';
import type { FoundField } from '@/lib/platforms/find';
import { selectRange } from '@/lib/platforms/selection';
import { watchComposer } from '@/lib/platforms/watch';
import youtube from '@/lib/platforms/youtube';
import { one } from './snapshot';

afterEach(() => {
  document.body.innerHTML = '';
});

const COMPOSER =
  '<div role="dialog"><div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="Apa yang Anda pikirkan, Admin?"><p><br></p></div></div>';

function mountComposerLate(): HTMLElement {
  const layer = document.createElement('div');
  layer.innerHTML = COMPOSER;
  document.body.append(layer);
  return layer;
}

const tick = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchComposer', () => {
  it('reports a dialog mounted after the page loaded, then its removal', async () => {
    const controller = new AbortController();
    const onField = vi.fn<(field: FoundField) => void>();
    const onFieldGone = vi.fn();
    const watch = watchComposer({
      adapter: facebook,
      root: document,
      signal: controller.signal,
      onField,
      onFieldGone,
      throttleMs: 10,
    });
    expect(onField).not.toHaveBeenCalled();

    const layer = mountComposerLate();
    await tick();
    expect(onField).toHaveBeenCalledTimes(1);
    expect(onField.mock.calls[0]![0]).toMatchObject({
      fieldId: 'caption',
      strategy: { name: 'aria-label (id)' },
    });
    expect(watch.current().get('caption')?.element).toBe(one('[role="textbox"]'));

    layer.remove();
    await tick();
    expect(onFieldGone).toHaveBeenCalledWith('caption');
    expect(watch.current().size).toBe(0);
    controller.abort();
  });

  it('reports a remounted editor (new element) again, but not unrelated mutations', async () => {
    const controller = new AbortController();
    const onField = vi.fn();
    watchComposer({ adapter: facebook, root: document, signal: controller.signal, onField, throttleMs: 10 });
    const layer = mountComposerLate();
    await tick();
    document.body.append(document.createElement('span')); // feed noise
    await tick();
    expect(onField).toHaveBeenCalledTimes(1);
    layer.innerHTML = COMPOSER; // React re-renders the dialog
    await tick();
    expect(onField).toHaveBeenCalledTimes(2);
    controller.abort();
  });

  it('reports a field that becomes editable later (attribute change, no new nodes)', async () => {
    document.body.innerHTML =
      '<ytcp-uploads-dialog><div id="title-textarea"><div id="textbox" contenteditable="false">x</div></div></ytcp-uploads-dialog>';
    const controller = new AbortController();
    const onField = vi.fn();
    watchComposer({ adapter: youtube, root: document, signal: controller.signal, onField, throttleMs: 10 });
    expect(onField).not.toHaveBeenCalled();
    one('#textbox').setAttribute('contenteditable', 'true');
    await tick();
    expect(onField).toHaveBeenCalledWith(expect.objectContaining({ fieldId: 'title' }));
    controller.abort();
  });

  it('finds a field already on the page at start, and reports focus on it', async () => {
    mountComposerLate();
    const controller = new AbortController();
    const onField = vi.fn();
    const onFocus = vi.fn<(field: FoundField) => void>();
    watchComposer({ adapter: facebook, root: document, signal: controller.signal, onField, onFocus });
    expect(onField).toHaveBeenCalledTimes(1);
    one('[role="textbox"] p').parentElement!.focus();
    expect(onFocus).toHaveBeenCalledTimes(1);
    expect(onFocus.mock.calls[0]![0].fieldId).toBe('caption');
    controller.abort();
  });

  it('rescan() picks up SPA navigation immediately (what wxt:locationchange triggers)', () => {
    const controller = new AbortController();
    const onField = vi.fn();
    const watch = watchComposer({
      adapter: youtube,
      root: document,
      signal: controller.signal,
      onField,
      throttleMs: 10_000,
    });
    document.body.innerHTML =
      '<ytcp-video-metadata-editor><div id="title-textarea"><div id="textbox" contenteditable="true">x</div></div></ytcp-video-metadata-editor>';
    watch.rescan();
    expect(onField).toHaveBeenCalledWith(expect.objectContaining({ fieldId: 'title' }));
    controller.abort();
  });

  it('uses new library overrides after setOverrides()', () => {
    document.body.innerHTML =
      '<div role="dialog"><div contenteditable="true" data-testid="composer">x</div></div>';
    const controller = new AbortController();
    const onField = vi.fn();
    const watch = watchComposer({ adapter: facebook, root: document, signal: controller.signal, onField });
    expect(onField).not.toHaveBeenCalled();
    watch.setOverrides({ caption: [{ name: 'testid', selector: '[data-testid="composer"]' }] });
    expect(onField).toHaveBeenCalledWith(
      expect.objectContaining({ strategy: expect.objectContaining({ source: 'library' }) }),
    );
    controller.abort();
  });

  it('stops observing, listening and timing when the signal aborts', async () => {
    const controller = new AbortController();
    const onField = vi.fn();
    const onFocus = vi.fn();
    watchComposer({
      adapter: facebook,
      root: document,
      signal: controller.signal,
      onField,
      onFocus,
      throttleMs: 10,
    });
    document.body.append(document.createElement('div')); // a scan is pending…
    controller.abort(); // …and is cancelled
    mountComposerLate();
    await tick();
    one('[role="textbox"]').focus();
    expect(onField).not.toHaveBeenCalled();
    expect(onFocus).not.toHaveBeenCalled();
  });

  it('does nothing when started with an aborted signal', async () => {
    mountComposerLate();
    const onField = vi.fn();
    watchComposer({ adapter: facebook, root: document, signal: AbortSignal.abort(), onField });
    await tick();
    expect(onField).not.toHaveBeenCalled();
  });
});

describe('watchComposer lastFocused', () => {
  it('keeps the field and its selection when the focus moves to the sidebar', () => {
    mountComposerLate();
    const textbox = one('[role="textbox"]');
    textbox.innerHTML = '<p><span>Halo warga Kalbar</span></p>';
    const controller = new AbortController();
    const watch = watchComposer({ adapter: facebook, root: document, signal: controller.signal });
    expect(watch.lastFocused()).toBeNull();
    selectRange(textbox, 5, 10); // focuses the editor and selects "warga"
    const sidebarButton = document.createElement('button');
    document.body.append(sidebarButton);
    sidebarButton.focus();
    expect(watch.lastFocused()).toMatchObject({
      field: { fieldId: 'caption' },
      selection: { start: 5, end: 10 },
    });
    textbox.closest('[role="dialog"]')!.remove();
    expect(watch.lastFocused()).toBeNull();
    controller.abort();
  });
});
