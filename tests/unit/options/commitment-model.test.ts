import { describe, expect, it, vi } from 'vitest';
import { createCommitmentModel } from '@/lib/options/commitment-model';

describe('commitment on the options page', () => {
  it('commits to the current version once; a new version asks again', async () => {
    let text = { version: 'v1', text: 'Saya berkomitmen menyampaikan informasi yang benar.' };
    let committed: string | null = null;
    const commit = vi.fn(async (version: string) => {
      committed = version;
      return { ok: true };
    });
    const model = createCommitmentModel({
      getCommitment: async () => ({ commitment: text, committedVersion: committed }),
      commit,
    });
    await model.load();
    expect(model.committedVersion.value).toBeNull();
    expect(await model.commit()).toBe(true);
    expect(commit).toHaveBeenCalledWith('v1');
    expect(model.committedVersion.value).toBe('v1');
    text = { version: 'v2', text: 'Teks baru.' };
    await model.load();
    expect(model.commitment.value?.version).toBe('v2');
    expect(model.committedVersion.value).toBe('v1');
  });

  it('says why a commit failed and does not pretend it was recorded', async () => {
    const model = createCommitmentModel({
      getCommitment: async () => ({ commitment: { version: 'v1', text: 't' }, committedVersion: null }),
      commit: async () => ({ ok: false, error: 'choose your agency first' }),
    });
    await model.load();
    expect(await model.commit()).toBe(false);
    expect(model.error.value).toBe('choose your agency first');
    expect(model.committedVersion.value).toBeNull();
  });

  it('nothing to commit to when the library carries no text', async () => {
    const commit = vi.fn();
    const model = createCommitmentModel({
      getCommitment: async () => ({ commitment: null, committedVersion: null }),
      commit,
    });
    await model.load();
    expect(model.commitment.value).toBeNull();
    expect(await model.commit()).toBe(false);
    expect(commit).not.toHaveBeenCalled();
  });
});
