import { formatDateTime, type Language, t } from '@/lib/i18n';
import { isLibraryExpired, type LibraryStatus, type SyncError } from './status-schema';

function origin(url: string | undefined): string {
  if (!url) return '?';
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** A storage failure caused by a full disk or quota (IndexedDB's QuotaExceededError). */
function isQuota(error: SyncError): boolean {
  return error.code === 'storage' && /quota/i.test(error.detail ?? '');
}

/** One sentence (lowercase start, ends with a period) saying why a sync failed. */
export function describeSyncError(error: SyncError, lang: Language): string {
  switch (error.code) {
    case 'library-id':
      return t(
        'library.error.library-id',
        { libraryId: error.libraryId ?? '?', currentLibraryId: error.currentLibraryId ?? '?' },
        lang,
      );
    case 'schema':
      return t('library.error.schema', { path: error.path ?? '?', detail: error.detail ?? '' }, lang);
    case 'storage':
      if (isQuota(error)) return t('library.error.storage.quota', undefined, lang);
      return t('library.error.storage', { detail: error.detail ?? '' }, lang);
    case 'json':
    case 'network':
      return t(`library.error.${error.code}`, { detail: error.detail ?? '' }, lang);
    case 'rollback':
      return t(
        'library.error.rollback',
        { version: error.version ?? '?', currentVersion: error.currentVersion ?? '?' },
        lang,
      );
    case 'expired':
      return t(
        'library.error.expired',
        { date: error.expiresAt ? formatDateTime(Date.parse(error.expiresAt), lang) : '?' },
        lang,
      );
    case 'http':
      return t('library.error.http', { status: error.httpStatus ?? '?' }, lang);
    case 'too-large':
      return t('library.error.too-large', { size: ((error.bytes ?? 0) / 1024 / 1024).toFixed(1) }, lang);
    case 'permission':
      return t('library.error.permission', { origin: origin(error.url) }, lang);
    case 'signature':
      if (error.detail === 'mismatch' && error.knownKey)
        return t('library.error.signature.resign', undefined, lang);
      return t('library.error.signature', undefined, lang);
    case 'missing-key':
    case 'timeout':
      return t(`library.error.${error.code}`, undefined, lang);
  }
}

/**
 * What the admin can do about a failed sync, naming whom to contact (the library's `contact`), or null
 * when the reason already says it. Kept apart from the reason, which the CLI prints alone.
 */
export function describeSyncAction(error: SyncError, lang: Language, contact: string | null): string | null {
  const who = { contact: contact ?? t('library.contact.default', undefined, lang) };
  switch (error.code) {
    case 'signature':
      return error.detail === 'mismatch' && error.knownKey
        ? t('library.action.signature.resign', who, lang)
        : t('library.action.signature.key', who, lang);
    case 'rollback':
      return t('library.action.rollback', who, lang);
    case 'library-id':
      return t('library.action.library-id', who, lang);
    case 'schema':
    case 'json':
    case 'too-large':
      return t('library.action.fix-file', who, lang);
    case 'expired':
      return t('library.action.expired', who, lang);
    case 'http':
    case 'timeout':
    case 'network':
      return t('library.action.network', who, lang);
    case 'missing-key':
      return t('library.action.missing-key', who, lang);
    case 'storage':
      return t('library.action.storage', undefined, lang);
    case 'permission':
      return null;
  }
}

/**
 * The library's state as people read it in the popup and the options page: which library is in
 * use, when it was last checked, why the last sync failed, and whether it is out of date.
 */
export function describeLibraryStatus(status: LibraryStatus, lang: Language, now: Date = new Date()): string {
  const parts: string[] = [];
  if (status.version === null) parts.push(t('library.status.none', undefined, lang));
  else {
    parts.push(
      t(
        'library.status.inUse',
        {
          id: status.libraryId ?? '?',
          version: status.version,
          source: t(
            status.source === 'remote' ? 'library.source.remote' : 'library.source.embedded',
            undefined,
            lang,
          ),
          captions: status.captionCount,
        },
        lang,
      ),
    );
  }
  if (status.syncing) parts.push(t('library.status.syncing', undefined, lang));
  if (status.error) {
    parts.push(t('library.status.failed', { reason: describeSyncError(status.error, lang) }, lang));
    const action = describeSyncAction(status.error, lang, status.contact ?? status.publisher);
    if (action) parts.push(action);
    if (status.nextRetryAt !== null && status.nextRetryAt > now.getTime()) {
      parts.push(t('library.status.nextRetry', { time: formatDateTime(status.nextRetryAt, lang) }, lang));
    }
  }
  if (status.source === 'remote' || status.sourceUrl) {
    parts.push(
      status.lastSuccessAt === null
        ? t('library.status.neverChecked', undefined, lang)
        : t('library.status.checkedAt', { time: formatDateTime(status.lastSuccessAt, lang) }, lang),
    );
  }
  if (status.expiresAt && isLibraryExpired(status, now)) {
    parts.push(
      t('library.status.expired', { date: formatDateTime(Date.parse(status.expiresAt), lang) }, lang),
    );
  }
  return parts.join(' ');
}
