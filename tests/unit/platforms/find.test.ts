import { afterEach, describe, expect, it } from 'vitest';
import businessSuite from '@/lib/platforms/business-suite';
import facebook from '@/lib/platforms/facebook';
import {
  fieldForElement,
  findAllFields,
  findComposerContainer,
  findField,
  findFocusedField,
  health,
  isChatOrCommentBox,
  resolveStrategies,
} from '@/lib/platforms/find';
import instagram from '@/lib/platforms/instagram';
import { readFieldText } from '@/lib/platforms/read';
import youtube from '@/lib/platforms/youtube';
import { loadSnapshot, one } from './snapshot';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Facebook composer', () => {
  it('finds the Indonesian post text by its aria-label, not the comment box behind the dialog', () => {
    loadSnapshot('facebook-id');
    const found = findField(facebook, document, 'caption');
    expect(found?.strategy.name).toBe('aria-label (id)');
    expect(found?.element.getAttribute('aria-label')).toMatch(/^Apa yang Anda pikirkan/);
    expect(found?.kind).toBe('lexical');
  });

  it('finds the English post text (typographic apostrophe), not the Messenger box', () => {
    loadSnapshot('facebook-en');
    const found = findField(facebook, document, 'caption');
    expect(found?.strategy.name).toBe('aria-label (en)');
    expect(found?.element.closest('[role="dialog"]')).not.toBeNull();
  });

  it('finds a group/Page composer by its "public post" label and skips comment boxes', () => {
    loadSnapshot('facebook-page-composer');
    const found = findField(facebook, document, 'caption');
    expect(found?.strategy.name).toBe('group post');
    expect(found?.element.getAttribute('aria-label')).toBe('Buat postingan publik…');
  });

  it('names the dialog as the composer container', () => {
    loadSnapshot('facebook-id');
    const field = findField(facebook, document, 'caption')!;
    const container = findComposerContainer(facebook, field.element);
    expect(container?.strategy).toBe('dialog "Buat postingan"');
    expect(container?.element.contains(field.element)).toBe(true);
  });
});

describe('Instagram composer', () => {
  it('finds the caption by its Indonesian label inside "Buat postingan baru"', () => {
    loadSnapshot('instagram-id');
    const found = findField(instagram, document, 'caption');
    expect(found?.strategy.name).toBe('aria-label (id)');
    expect(findComposerContainer(instagram, found!.element)?.strategy).toBe('dialog "Buat postingan baru"');
  });

  it('finds the caption by its English label ending in a real ellipsis', () => {
    loadSnapshot('instagram-en');
    expect(findField(instagram, document, 'caption')?.strategy.name).toBe('aria-label (en)');
  });
});

describe('YouTube Studio upload dialog', () => {
  it('finds title, description and tags with the structural strategies first', () => {
    loadSnapshot('youtube-upload');
    const fields = findAllFields(youtube, document);
    expect(fields.map((f) => [f.fieldId, f.kind, f.strategy.name])).toEqual([
      ['title', 'contenteditable', 'title textbox'],
      ['description', 'contenteditable', 'description textbox'],
      ['tags', 'tag-input', 'tags input'],
    ]);
    expect(fields[2]?.element.tagName).toBe('INPUT');
    expect(findComposerContainer(youtube, fields[0]!.element)?.strategy).toBe('uploads dialog');
  });

  it('still finds the title by its label when the wrapper element is renamed', () => {
    loadSnapshot('youtube-upload');
    one('#title-textarea').id = 'title-renamed';
    expect(findField(youtube, document, 'title')?.strategy.name).toBe('aria-label (id)');
  });

  it('reaches a textbox inside an open shadow root with the >>> strategy', () => {
    document.body.innerHTML =
      '<ytcp-social-suggestions-textbox id="title-textarea"></ytcp-social-suggestions-textbox>';
    const shadow = one('#title-textarea').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div id="textbox" contenteditable="true">Judul</div>';
    const found = findField(youtube, document, 'title');
    expect(found?.strategy.name).toBe('title textbox (shadow)');
    expect(found?.element.textContent).toBe('Judul');
    expect(fieldForElement(youtube, found!.element)?.fieldId).toBe('title');
  });
});

describe('a page where nothing matches', () => {
  it('recognises no field on any platform and says so in the health line', () => {
    loadSnapshot('nothing-matches');
    for (const adapter of [facebook, instagram, youtube]) {
      // Comment boxes are reply fields (never a post field); chat boxes are nothing at all.
      expect(findAllFields(adapter, document).filter((f) => f.fieldId !== 'reply')).toEqual([]);
      expect(findFocusedField(adapter, document)).toBeNull();
      const report = health(adapter, document);
      expect(report.recognised).toBe(false);
      expect(report.summary).toBe(`${adapter.id}: not recognised`);
    }
  });
});

describe('health', () => {
  it('reports which strategy found each field', () => {
    loadSnapshot('youtube-upload');
    one('#tags-container').remove();
    const report = health(youtube, document);
    expect(report.recognised).toBe(true);
    expect(report.fields.find((f) => f.fieldId === 'tags')?.found).toBe(false);
    expect(report.summary).toBe(
      'youtube: title=title textbox#0/built-in; description=description textbox#0/built-in; tags=-; container=uploads dialog',
    );
  });
});

describe('selector overrides from the library', () => {
  it('tries library strategies before the built-in ones', () => {
    loadSnapshot('facebook-id');
    const overrides = {
      caption: [{ name: 'lib: form textbox', selector: 'form[method="POST"] [role="textbox"]' }],
    };
    const found = findField(facebook, document, 'caption', overrides);
    expect(found?.strategy).toMatchObject({ name: 'lib: form textbox', source: 'library', index: 0 });
    // The built-in list follows, unchanged and in order.
    const resolved = resolveStrategies(facebook, overrides).find((f) => f.id === 'caption')!;
    expect(resolved.strategies.slice(1).map((s) => s.name)).toEqual(
      facebook.fields[0]!.strategies.map((s) => s.name),
    );
  });

  it('skips invalid library selectors without throwing and falls through to the built-ins', () => {
    loadSnapshot('facebook-id');
    const overrides = {
      caption: [
        { name: 'broken', selector: 'div[role="textbox"' },
        { name: 'empty shadow part', selector: '#x >>> ' },
      ],
    };
    const resolved = resolveStrategies(facebook, overrides).find((f) => f.id === 'caption')!;
    expect(resolved.strategies.map((s) => s.name)).not.toContain('broken');
    expect(resolved.strategies.map((s) => s.name)).not.toContain('empty shadow part');
    expect(findField(facebook, document, 'caption', overrides)?.strategy.name).toBe('aria-label (id)');
  });

  it('ignores a malformed overrides object instead of failing', () => {
    loadSnapshot('instagram-id');
    const malformed = { caption: [{ selector: 42 }] } as unknown as Parameters<typeof findField>[3];
    expect(findField(instagram, document, 'caption', malformed)?.strategy.name).toBe('aria-label (id)');
  });

  it('lets the library rescue a redesign the built-ins miss', () => {
    document.body.innerHTML =
      '<div role="dialog"><div contenteditable="true" data-testid="status-attachment-mentions-input">x</div></div>';
    expect(findField(facebook, document, 'caption')).toBeNull();
    const overrides = {
      caption: [{ name: 'testid', selector: '[data-testid="status-attachment-mentions-input"]' }],
    };
    expect(findField(facebook, document, 'caption', overrides)?.strategy.name).toBe('testid');
    expect(health(facebook, document, overrides).summary).toBe(
      'facebook: caption=testid#0/library; container=dialog',
    );
  });
});

describe('focus', () => {
  it('finds the focused field and prefers it among several candidates', () => {
    loadSnapshot('youtube-upload');
    const description = one('#description-textarea #textbox');
    description.focus();
    expect(findFocusedField(youtube, document)?.fieldId).toBe('description');
    expect(findAllFields(youtube, document).map((f) => f.fieldId)).toContain('description');
  });

  it('returns null when the focus is outside every field', () => {
    loadSnapshot('facebook-id');
    one('[aria-label="Tutup"]').focus();
    expect(findFocusedField(facebook, document)).toBeNull();
    // …while the composer is still found for the health line.
    expect(findAllFields(facebook, document)[0]?.fieldId).toBe('caption');
  });

  it('maps an element inside the editor (a text span) to its field', () => {
    loadSnapshot('instagram-id');
    const span = one('[aria-label="Tulis keterangan..."] span');
    expect(fieldForElement(instagram, span)?.element.getAttribute('role')).toBe('textbox');
  });
});

describe('message composers are not post composers', () => {
  it('ignores Instagram’s direct-message box (not in a dialog)', () => {
    document.body.innerHTML =
      '<section><div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="Message"><p><br></p></div></section>';
    expect(findField(instagram, document, 'caption')).toBeNull();
  });
});

describe('chat and comment boxes are never composers', () => {
  it('finds no post field on Facebook where only chat, comment and reply boxes are (labels in any case)', () => {
    loadSnapshot('facebook-chat-and-comments');
    expect(findField(facebook, document, 'caption')).toBeNull();
    expect(findAllFields(facebook, document).map((f) => f.fieldId)).toEqual(['reply']);
    expect(health(facebook, document).recognised).toBe(false);
    expect(health(facebook, document).summary).toBe('facebook: not recognised');
    for (const box of document.querySelectorAll('[role="textbox"]')) {
      const label = `${box.getAttribute('aria-label') ?? ''} ${box.getAttribute('aria-placeholder') ?? ''}`;
      // A comment or reply box is a reply field; a chat box ("Tulis pesan", "Aa", "MESSAGE") nothing.
      const expected = /komentar|balas/i.test(label) ? 'reply' : null;
      expect(fieldForElement(facebook, box)?.fieldId ?? null, label).toBe(expected);
    }
  });

  it('a comment box is a reply field on Facebook, Instagram and Studio; never inside a chat', () => {
    document.body.innerHTML =
      '<div role="article"><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Tulis komentar…"><p><br></p></div></div>' +
      '<div role="complementary"><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Tulis komentar…"><p><br></p></div></div>';
    const [inPost, inChat] = [...document.querySelectorAll('[role="textbox"]')];
    expect(fieldForElement(facebook, inPost!)).toMatchObject({ fieldId: 'reply', kind: 'lexical' });
    expect(fieldForElement(facebook, inChat!)).toBeNull();
    document.body.innerHTML =
      '<article><div contenteditable="true" role="textbox" aria-label="Tambahkan komentar..."><p><br></p></div></article>';
    expect(findField(instagram, document, 'reply')?.strategy.name).toBe('comment (id)');
    expect(findField(instagram, document, 'caption')).toBeNull();
    document.body.innerHTML =
      '<ytcp-commentbox><div id="contenteditable-root" contenteditable="true" aria-label="Tambahkan balasan..."></div></ytcp-commentbox>';
    expect(findField(youtube, document, 'reply')).toMatchObject({ kind: 'contenteditable' });
    expect(health(youtube, document).summary).toBe('youtube: not recognised');
  });

  it('a library override that would match a chat box still does not take it', () => {
    loadSnapshot('facebook-chat-and-comments');
    const overrides = { caption: [{ name: 'too loose', selector: '[role="textbox"]' }] };
    expect(findField(facebook, document, 'caption', overrides)).toBeNull();
  });

  it('Business Suite: the Draft composer is found, its inbox box is not', () => {
    loadSnapshot('business-suite-composer');
    const found = findField(businessSuite, document, 'caption');
    expect(found?.strategy.name).toBe('draft editor (en)');
    expect(found?.kind).toBe('draft');
    expect(found?.element.getAttribute('role')).toBe('combobox');
    expect(fieldForElement(businessSuite, one('[aria-label="Tulis pesan"]'))).toBeNull();
    const report = health(businessSuite, document);
    expect(report).toMatchObject({ adapter: 'business-suite', platform: 'facebook', recognised: true });
    expect(report.summary).toBe('business-suite: caption=draft editor (en)#0/built-in; container=main');
  });

  it('Business Suite: reads Draft blocks as lines (an empty block is an empty line)', () => {
    loadSnapshot('business-suite-composer');
    const found = findField(businessSuite, document, 'caption')!;
    expect(readFieldText(found.element, found.kind)).toBe('Selamat pagi Kalbar\n\n#KalbarMaju');
  });
});

describe('isChatOrCommentBox', () => {
  it('says which focused boxes are chat or comments, also from a node inside them', () => {
    loadSnapshot('facebook-chat-and-comments');
    for (const box of document.querySelectorAll('[role="textbox"]'))
      expect(isChatOrCommentBox(facebook, box.firstElementChild ?? box)).toBe(true);
    loadSnapshot('facebook-id');
    expect(isChatOrCommentBox(facebook, one('[aria-label^="Apa yang Anda pikirkan"]'))).toBe(false);
  });
});

describe('Instagram exclusions stay narrow', () => {
  it('a caption inside an article is still the caption; a DM box in a dialog is not', () => {
    document.body.innerHTML =
      '<div role="dialog"><article><div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="Write a caption..."><p><br></p></div></article></div>' +
      '<div role="dialog"><div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="Message..."><p><br></p></div></div>';
    const found = findField(instagram, document, 'caption');
    expect(found?.element.getAttribute('aria-label')).toBe('Write a caption...');
    expect(fieldForElement(instagram, one('[aria-label="Message..."]'))).toBeNull();
  });
});

describe('Facebook composers beyond the feed', () => {
  const lexical = (label: string) =>
    `<div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="${label}"><p><br></p></div>`;

  it.each([
    ['Describe your reel', 'reel description'],
    ['Jelaskan reel Anda', 'reel description'],
  ])('Reels: a full page with "%s" (no dialog, no main) is found by %s', (label, strategy) => {
    document.body.innerHTML = `<div><form>${lexical(label)}</form></div>`;
    expect(findField(facebook, document, 'caption')?.strategy.name).toBe(strategy);
  });

  it('group: "Create a public post…" in a dialog, labels matched without case', () => {
    document.body.innerHTML = `<div role="dialog">${lexical('CREATE A PUBLIC POST…')}</div>`;
    expect(findField(facebook, document, 'caption')?.strategy.name).toBe('group post');
    document.body.innerHTML = `<div role="dialog">${lexical('apa yang kamu pikirkan?')}</div>`;
    expect(findField(facebook, document, 'caption')?.strategy.name).toBe('aria-label (id)');
  });

  it('a Lexical box with no known label and outside any dialog or main region is not guessed', () => {
    document.body.innerHTML = `<section>${lexical('Bagikan kabar terbaru')}</section>`;
    expect(findField(facebook, document, 'caption')).toBeNull();
  });
});
