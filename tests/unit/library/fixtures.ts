import { type Caption, LIBRARY_FORMAT, type LibraryBundle, LibraryBundleSchema } from '@/lib/library/schema';
import { type Jwk, signBytes } from '@/lib/library/signature';

export function makeCaption(overrides: Partial<Caption> = {}): Caption {
  return {
    id: 'rapat-koordinasi',
    title: 'Rapat koordinasi',
    text: '{{agency.name}} menggelar rapat koordinasi di {{location}}, {{date}}.\n\n#PemprovKalbar',
    platforms: ['facebook', 'instagram'],
    agencies: [],
    tags: ['kegiatan'],
    approvedBy: 'Biro Administrasi Pimpinan',
    approvedAt: '2026-11-20',
    ...overrides,
  };
}

/** A small valid bundle; `overrides` replace top-level fields. */
export function makeBundle(overrides: Partial<LibraryBundle> = {}): LibraryBundle {
  return LibraryBundleSchema.parse({
    format: LIBRARY_FORMAT,
    id: 'uji',
    version: 2,
    issuedAt: '2026-11-01T00:00:00.000Z',
    expiresAt: '2027-05-01T00:00:00.000Z',
    publisher: 'Biro Administrasi Pimpinan',
    agencies: [
      {
        id: 'dinkes',
        name: 'Dinas Kesehatan Provinsi Kalimantan Barat',
        shortName: 'Dinkes Kalbar',
        kind: 'dinas',
        requiredHashtags: ['#PemprovKalbar'],
      },
    ],
    guidelines: [],
    captions: [
      makeCaption(),
      makeCaption({
        id: 'imunisasi',
        title: 'Layanan imunisasi',
        text: 'Dinas Kesehatan melayani imunisasi anak.\n\n#PemprovKalbar',
        agencies: ['dinkes'],
        tags: ['kesehatan'],
      }),
    ],
    hashtagSets: [{ id: 'wajib', kind: 'required', title: 'Wajib', hashtags: ['#PemprovKalbar'] }],
    ...overrides,
  });
}

export const encode = (text: string) => new TextEncoder().encode(text);

export function bundleBytes(bundle: LibraryBundle): Uint8Array {
  return encode(JSON.stringify(bundle, null, 2));
}

export async function signed(
  bundle: LibraryBundle,
  privateJwk: Jwk,
): Promise<{ bytes: Uint8Array; signature: string }> {
  const bytes = bundleBytes(bundle);
  return { bytes, signature: await signBytes(bytes, privateJwk) };
}
