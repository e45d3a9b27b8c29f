import { sha256Sync } from './sha256';
import type { AbuseModelFile } from './types';

/** JSON with object keys sorted at every level: one text for one value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as Record<string, unknown>).sort();
    return `{${keys
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What the checksum covers: every part of the file that changes a score. */
export function checksumPayload(file: Pick<AbuseModelFile, 'features' | 'normalisation' | 'heads'>): string {
  return canonicalJson({ features: file.features, normalisation: file.normalisation, heads: file.heads });
}

export function modelChecksum(file: Pick<AbuseModelFile, 'features' | 'normalisation' | 'heads'>): string {
  return sha256Sync(checksumPayload(file));
}

/** The draft classifier's checksum: its feature spec, minimum length and heads (drafts-types.ts). */
export function draftsChecksum(file: { features: unknown; minWords: unknown; heads: unknown }): string {
  return sha256Sync(canonicalJson({ features: file.features, minWords: file.minWords, heads: file.heads }));
}
