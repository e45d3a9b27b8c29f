import { type InPageMessageKey, t } from '@/lib/i18n/in-page';
import type { FieldId } from '@/lib/platforms/types';

const FIELD_LABELS = {
  caption: 'common.field.caption',
  title: 'common.field.title',
  description: 'common.field.description',
  tags: 'common.field.tags',
  reply: 'common.field.reply',
} as const satisfies Record<FieldId, InPageMessageKey>;

/** The translated name of a composer field ("Judul", "Deskripsi", …). */
export function fieldLabel(field: string): string {
  return field in FIELD_LABELS ? t(FIELD_LABELS[field as FieldId]) : field;
}
