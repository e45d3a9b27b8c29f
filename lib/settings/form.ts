import { type Language, type MessageKey, messages } from '@/lib/i18n';
import { PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';
import { checkHandle } from './handles';
import { parsePublicKeyText } from './public-key';
import { type Settings, SettingsSchema } from './schema';

/**
 * The options form as the admin edits it: plain strings and booleans. `readForm` turns it into
 * settings in one step (normalise, validate everything with SettingsSchema) so that either all of
 * it is valid and saved at once, or nothing is saved and every bad field has its own message.
 */
export interface SettingsForm {
  /** '' = no agency chosen yet. */
  agencyId: string;
  adminName: string;
  adminRole: string;
  handles: Record<PlatformId, string>;
  platforms: Record<PlatformId, boolean>;
  language: Language;
  libraryUrl: string;
  /** The JWK as JSON text, as pasted. */
  libraryKey: string;
  deskUrl: string;
  deskToken: string;
  marks: Record<PlatformId, boolean>;
  debug: boolean;
}

export const HANDLE_FIELDS = {
  facebook: 'handle.facebook',
  instagram: 'handle.instagram',
  youtube: 'handle.youtube',
} as const satisfies Record<PlatformId, string>;

export type FieldName =
  | 'agency'
  | 'adminName'
  | 'adminRole'
  | (typeof HANDLE_FIELDS)[PlatformId]
  | 'platforms'
  | 'language'
  | 'libraryUrl'
  | 'libraryKey'
  | 'deskUrl'
  | 'deskToken';

/** In the order they appear on the page: the first invalid one gets the focus. */
export const FIELD_ORDER: readonly FieldName[] = [
  'agency',
  'adminName',
  'adminRole',
  ...PLATFORM_IDS.map((platform) => HANDLE_FIELDS[platform]),
  'platforms',
  'language',
  'libraryUrl',
  'libraryKey',
  'deskUrl',
  'deskToken',
];

export type FieldErrors = Partial<Record<FieldName, MessageKey>>;

export function toForm(settings: Omit<Settings, 'sidebarCollapsed'>): SettingsForm {
  const { identity, library } = settings;
  return {
    agencyId: identity.agencyId ?? '',
    adminName: identity.adminName,
    adminRole: identity.adminRole,
    handles: {
      facebook: identity.handles.facebook ?? '',
      instagram: identity.handles.instagram ?? '',
      youtube: identity.handles.youtube ?? '',
    },
    platforms: { ...settings.platforms },
    language: settings.language,
    libraryUrl: library.url ?? '',
    libraryKey: library.publicKey ? JSON.stringify(library.publicKey, null, 2) : '',
    deskUrl: settings.desk.url ?? '',
    deskToken: settings.desk.token ?? '',
    marks: { ...settings.marks },
    debug: settings.debug,
  };
}

/** A zod issue path → the form field that shows it. */
function fieldOf(path: readonly PropertyKey[]): FieldName | null {
  const [section, key, sub] = path.map(String);
  if (section === 'identity') {
    if (key === 'agencyId') return 'agency';
    if (key === 'adminName' || key === 'adminRole') return key;
    if (key === 'handles' && (PLATFORM_IDS as readonly string[]).includes(sub ?? ''))
      return HANDLE_FIELDS[sub as PlatformId];
  }
  if (section === 'library') return key === 'url' ? 'libraryUrl' : 'libraryKey';
  if (section === 'desk') return key === 'url' ? 'deskUrl' : 'deskToken';
  if (section === 'language' || section === 'platforms') return section;
  return null;
}

/** Custom zod messages are i18n keys; anything else (a zod default) becomes the generic one. */
export function messageKeyOf(message: string | undefined): MessageKey {
  return message !== undefined && message in messages ? (message as MessageKey) : 'options.error.invalid';
}

export type ReadResult = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

/**
 * Validate the whole form against the schema (synchronous, so the Save click can still ask for the
 * host permission in the same user gesture afterwards). `current` supplies what the form does not
 * edit (the sidebar's collapse state).
 */
export function readForm(form: SettingsForm, current: Settings): ReadResult {
  const errors: FieldErrors = {};
  const handles: Partial<Record<PlatformId, string>> = {};
  for (const platform of PLATFORM_IDS) {
    const { handle, error } = checkHandle(platform, form.handles[platform]);
    if (error) errors[HANDLE_FIELDS[platform]] = error;
    else if (handle !== '') handles[platform] = handle;
  }
  const key = parsePublicKeyText(form.libraryKey);
  if (key.error) errors.libraryKey = key.error;
  const url = form.libraryUrl.trim();
  // The desk's paths are appended to its address, so a trailing slash is the admin's typing only.
  const deskUrl = form.deskUrl.trim().replace(/\/+$/, '');
  const deskToken = form.deskToken.trim();
  const candidate = {
    ...current,
    identity: {
      agencyId: form.agencyId === '' ? null : form.agencyId,
      adminName: form.adminName,
      adminRole: form.adminRole,
      handles,
    },
    library: { url: url === '' ? null : url, publicKey: key.key },
    language: form.language,
    platforms: form.platforms,
    desk: { url: deskUrl === '' ? null : deskUrl, token: deskToken === '' ? null : deskToken },
    marks: form.marks,
    debug: form.debug,
  };
  const parsed = SettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      // A key that failed to parse shows as "missing" to the schema: keep the parse error instead.
      if (field && !errors[field]) errors[field] = messageKeyOf(issue.message);
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) {
    // Only reachable if `current` itself were invalid (it comes from parseStoredSettings, so it is
    // not); still never refuse to save without showing a message somewhere.
    if (Object.keys(errors).length === 0) errors.agency = 'options.error.invalid';
    return { ok: false, errors };
  }
  return { ok: true, settings: parsed.data };
}

/** The first invalid field in page order. */
export function firstInvalid(errors: FieldErrors): FieldName | undefined {
  return FIELD_ORDER.find((field) => errors[field] !== undefined);
}
