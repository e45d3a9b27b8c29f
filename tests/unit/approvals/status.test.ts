import { describe, expect, it } from 'vitest';
import { expiryInstant, indexApprovals, resolveStatus } from '@/lib/approvals/status';
import type { ApprovalRecord } from '@/lib/library/schema';

const FP = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const NOW = Date.parse('2026-11-26T06:00:00Z');

function record(partial: Partial<ApprovalRecord>): ApprovalRecord {
  return {
    fingerprint: FP,
    status: 'approved',
    reviewer: 'Biro Adpim',
    decidedAt: '2026-11-20T08:00:00+07:00',
    ...partial,
  };
}

describe('resolveStatus', () => {
  it('is pending without a decision', () => {
    expect(resolveStatus(FP, indexApprovals([record({ fingerprint: OTHER })]), NOW)).toEqual({
      status: 'pending',
      decision: null,
      expired: false,
    });
  });

  it('takes the latest decision, whatever the order in the bundle', () => {
    const approvals = indexApprovals([
      record({ status: 'changes-requested', note: 'Ganti foto', decidedAt: '2026-11-20T08:00:00+07:00' }),
      record({ status: 'approved', decidedAt: '2026-11-22T08:00:00+07:00', reviewer: 'Kabag' }),
      record({ status: 'rejected', decidedAt: '2026-11-21T08:00:00+07:00' }),
    ]);
    const resolved = resolveStatus(FP, approvals, NOW);
    expect(resolved.status).toBe('approved');
    expect(resolved.decision?.reviewer).toBe('Kabag');
  });

  it('keeps the reviewer note of a changes-requested decision', () => {
    const resolved = resolveStatus(
      FP,
      indexApprovals([record({ status: 'changes-requested', note: 'Tulis gelar lengkap' })]),
      NOW,
    );
    expect(resolved).toMatchObject({
      status: 'changes-requested',
      decision: { note: 'Tulis gelar lengkap' },
    });
  });

  it('goes back to pending (expired) when the latest approval expired, without reviving older ones', () => {
    const approvals = indexApprovals([
      record({ status: 'approved', decidedAt: '2026-11-01T08:00:00+07:00' }),
      record({
        status: 'approved',
        decidedAt: '2026-11-10T08:00:00+07:00',
        expiresAt: '2026-11-25T00:00:00+07:00',
      }),
    ]);
    expect(resolveStatus(FP, approvals, NOW)).toMatchObject({ status: 'pending', expired: true });
    expect(resolveStatus(FP, approvals, Date.parse('2026-11-24T00:00:00+07:00'))).toMatchObject({
      status: 'approved',
      expired: false,
    });
  });

  it('treats a date-only expiry as valid through that day in WIB', () => {
    expect(expiryInstant('2026-11-26')).toBe(Date.parse('2026-11-27T00:00:00+07:00'));
    const approvals = indexApprovals([record({ expiresAt: '2026-11-26' })]);
    expect(resolveStatus(FP, approvals, Date.parse('2026-11-26T16:59:00Z')).status).toBe('approved');
    expect(resolveStatus(FP, approvals, Date.parse('2026-11-26T17:00:00Z')).status).toBe('pending');
  });
});
