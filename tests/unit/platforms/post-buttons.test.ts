import { afterEach, describe, expect, it } from 'vitest';
import businessSuite from '@/lib/platforms/business-suite';
import facebook from '@/lib/platforms/facebook';
import instagram from '@/lib/platforms/instagram';
import youtube from '@/lib/platforms/youtube';
import { postButtonAt } from '@/lib/sidebar/post-watch';

afterEach(() => {
  document.body.innerHTML = '';
});

const at = (adapter: { postButtons?: Parameters<typeof postButtonAt>[0] }, selector: string) =>
  postButtonAt(adapter.postButtons ?? [], document.querySelector(selector)!);

describe('post buttons (data per adapter)', () => {
  it('Facebook: the dialog\'s "Posting" / "Post" button, also from its inner text node holder', () => {
    document.body.innerHTML =
      '<div role="dialog"><div role="button" aria-label="Posting" id="post"><span id="inner">Posting</span></div>' +
      '<div role="button" aria-label="Tutup" id="close">×</div></div>';
    expect(at(facebook, '#post')?.id).toBe('post');
    expect(at(facebook, '#inner')?.id).toBe('post');
    expect(at(facebook, '#close')).toBeNull();
  });

  it('Facebook: a "Suka" or comment button in the feed is not a post button', () => {
    document.body.innerHTML =
      '<div role="main"><div role="article"><div role="button" id="like">Suka</div></div></div>';
    expect(at(facebook, '#like')).toBeNull();
  });

  it('Instagram: "Bagikan" / "Share" by its text in the dialog, not outside it', () => {
    document.body.innerHTML =
      '<div role="dialog"><div role="button" id="share"> Bagikan </div></div><div role="button" id="out">Bagikan</div>';
    expect(at(instagram, '#share')?.id).toBe('share');
    expect(at(instagram, '#out')).toBeNull();
  });

  it('Business Suite: "Publikasikan"; Studio: the upload dialog\'s done button', () => {
    document.body.innerHTML =
      '<div role="main"><div role="button" id="publish">Publikasikan</div></div>' +
      '<ytcp-uploads-dialog><ytcp-button id="done-button"><div id="label">Simpan</div></ytcp-button></ytcp-uploads-dialog>';
    expect(at(businessSuite, '#publish')?.id).toBe('publish');
    expect(at(youtube, '#label')?.id).toBe('done-button');
  });
});
