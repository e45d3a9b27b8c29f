import { type MessageKey, t } from '@/lib/i18n';
import type { FieldId } from '@/lib/platforms/types';

const FIELD_LABELS = {
  caption: 'common.field.caption',
  title: 'common.field.title',
  description: 'common.field.description',
  tags: 'common.field.tags',
} as const satisfies Record<FieldId, MessageKey>;

/** The translated name of a composer field ("Judul", "Deskripsi", …). */
export function fieldLabel(field: string): string {
  return field in FIELD_LABELS ? t(FIELD_LABELS[field as FieldId]) : field;
}
