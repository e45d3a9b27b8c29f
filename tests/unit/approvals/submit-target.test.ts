import { describe, expect, it } from 'vitest';
import { deskSubmissionsUrl, resolveSubmitTarget } from '@/lib/approvals/submit-target';

const LIBRARY = 'https://biro.example.go.id/ajuan';

describe('where a submission goes', () => {
  it('appends /api/submissions to the desk URL whatever slashes end it', () => {
    expect(deskSubmissionsUrl('https://desk.example.go.id')).toBe(
      'https://desk.example.go.id/api/submissions',
    );
    expect(deskSubmissionsUrl('https://desk.example.go.id//')).toBe(
      'https://desk.example.go.id/api/submissions',
    );
    expect(deskSubmissionsUrl('https://example.go.id/meja/')).toBe(
      'https://example.go.id/meja/api/submissions',
    );
  });

  it('prefers a desk with URL and token, else the library endpoint, else nowhere', () => {
    expect(resolveSubmitTarget({ url: 'https://desk.example.go.id', token: 't0k' }, LIBRARY)).toEqual({
      kind: 'desk',
      url: 'https://desk.example.go.id/api/submissions',
      token: 't0k',
    });
    expect(resolveSubmitTarget({ url: 'https://desk.example.go.id', token: null }, LIBRARY)).toEqual({
      kind: 'library',
      url: LIBRARY,
      token: null,
    });
    expect(resolveSubmitTarget({ url: null, token: null }, undefined)).toBeNull();
  });

  it('accepts plain http only on the loopback interface', () => {
    expect(resolveSubmitTarget({ url: 'http://127.0.0.1:8787', token: 't' }, undefined)?.kind).toBe('desk');
    expect(resolveSubmitTarget({ url: 'http://localhost:8787/', token: 't' }, undefined)?.kind).toBe('desk');
    expect(resolveSubmitTarget({ url: 'http://desk.example.go.id', token: 't' }, undefined)).toBeNull();
    expect(resolveSubmitTarget({ url: null, token: null }, 'http://biro.example.go.id/ajuan')).toBeNull();
    expect(resolveSubmitTarget({ url: 'https://u:p@desk.example.go.id', token: 't' }, undefined)).toBeNull();
  });
});
