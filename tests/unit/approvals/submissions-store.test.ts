import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSubmissionsStore, fromRow, toRow } from '@/lib/approvals/submissions-store';
import type { Submission } from '@/lib/approvals/types';
import { openDatabase, type SatuPintuDb } from '@/lib/db/database';

function submission(overrides: Partial<Submission> = {}): Submission {
  return {
    id: 'sub-1',
    fingerprint: 'a'.repeat(64),
    shortCode: 'AAAAAAAA',
    text: 'Teks',
    platform: 'facebook',
    field: 'caption',
    agencyId: 'dinkes',
    adminName: 'Rina',
    adminRole: 'Pranata Humas',
    createdAt: 1000,
    updatedAt: 1000,
    status: 'pending',
    decision: null,
    expired: false,
    unseen: false,
    delivery: { state: 'queued', attempts: 0, sentAt: null, lastError: null },
    ...overrides,
  };
}

let db: SatuPintuDb;
beforeEach(() => {
  db = openDatabase(`store-test-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('submissions store', () => {
  it('maps a submission to its row and back', () => {
    const value = submission({ unseen: true, status: 'approved' });
    const row = toRow(value);
    expect(row).toMatchObject({ id: 'sub-1', fingerprint: value.fingerprint, status: 'approved', unseen: 1 });
    expect(fromRow(row)).toEqual(value);
    expect(fromRow(undefined)).toBeUndefined();
  });

  it('skips rows that no longer parse instead of failing the whole list', async () => {
    const store = createSubmissionsStore(db);
    await store.add(submission());
    await db.submissions.add({ ...toRow(submission({ id: 'broken' })), submission: { id: 'broken' } });
    expect((await store.list()).map((item) => item.id)).toEqual(['sub-1']);
    expect(await store.get('broken')).toBeUndefined();
  });

  it('finds a text’s submissions newest first and filters the list by status', async () => {
    const store = createSubmissionsStore(db);
    await store.add(submission({ id: 'old', createdAt: 1 }));
    await store.add(submission({ id: 'new', createdAt: 5, status: 'approved' }));
    await store.add(submission({ id: 'other', createdAt: 3, fingerprint: 'b'.repeat(64) }));
    expect((await store.byFingerprint('a'.repeat(64))).map((item) => item.id)).toEqual(['new', 'old']);
    expect((await store.list()).map((item) => item.id)).toEqual(['new', 'other', 'old']);
    expect((await store.list({ status: 'approved' })).map((item) => item.id)).toEqual(['new']);
  });

  it('counts and lists unseen submissions', async () => {
    const store = createSubmissionsStore(db);
    await store.add(submission({ id: 'seen' }));
    await store.add(submission({ id: 'news', unseen: true }));
    expect(await store.countUnseen()).toBe(1);
    expect((await store.unseen()).map((item) => item.id)).toEqual(['news']);
    await store.put({ ...(await store.get('news'))!, unseen: false });
    expect(await store.countUnseen()).toBe(0);
  });
});
