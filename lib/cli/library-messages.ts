import type { Language } from '@/lib/i18n/types';

/**
 * The `library` command's messages: Bahasa Indonesia (the bureau's language, the default) and
 * English (`--lang en` or SP_LANG=en). `{name}` marks a value.
 */
const id = {
  usage: `pemakaian: npm run --silent cli -- library <perintah> [--lang id|en]
  keygen --out DIR                       tulis DIR/private.jwk.json dan DIR/public.jwk.json
  build SRC_DIR --out FILE [--previous TERBIT]
                                         periksa sumber lalu tulis bundel (versi naik bila isinya berubah;
                                         --previous = berkas yang terakhir diterbitkan, agar versi tidak mundur)
  sign --key PRIVATE FILE                tulis FILE.sig (ECDSA P-256, SHA-256, base64)
  verify --key PUBLIC FILE               keluar 0 sah, 1 tidak sah (dengan alasannya), 2 salah pemakaian
  approve --fingerprint F|KODE --status approved|changes-requested|rejected
          [--note TEKS] [--reviewer NAMA] [--expires TANGGAL] [--submissions BERKAS] FILE
                                         tambah atau ganti keputusan, naikkan versi (tandatangani lagi!);
                                         KODE = kode 8 huruf dari admin, bila hanya cocok dengan satu sidik jari
  lint [--lang id|en] FILE               periksa setiap keterangan dengan pedoman bundel itu sendiri
`,
  unknownCommand: 'perintah library tidak dikenal: {name}',
  unknownOption: 'opsi tidak dikenal --{name}',
  needsValue: '--{name} perlu nilai',
  required: '--{name} wajib diisi',
  expectedOne: 'harus ada tepat satu {what}',
  sourceDir: 'folder sumber',
  bundleFile: 'berkas bundel',
  cannotRead: 'tidak dapat membaca {what} {path}: {reason}',
  notJson: '{what} {path} bukan JSON: {reason}',
  keyExists: '{path} sudah ada: kunci tidak akan ditimpa',
  keygenDone: 'ditulis {private} (rahasiakan!) dan {public}',
  badNow: '--now harus berupa tanggal',
  badPrevious: '--previous {path}: {reason}',
  built:
    'ditulis {out}: {id} versi {version}, {captions} keterangan, {rules} aturan. Tandatangani sebelum terbit: npm run --silent cli -- library sign --key PRIVATE {file}',
  upToDate: '{out} sudah mutakhir (versi {version})',
  firstVersion:
    'catatan: tidak ada bundel sebelumnya, mulai dari versi {version}. Bila admin sudah memegang versi yang lebih tinggi, berikan --previous <berkas yang terakhir diterbitkan>.',
  buildFailed: 'gagal membangun: {reason}',
  notSigned: 'tidak ditandatangani: {reason}',
  signed: 'ditulis {file}.sig ({id} versi {version})',
  privateKeyNeeded: '--key harus kunci privat (private.jwk.json)',
  noSignature: 'tidak sah: tidak ada berkas tanda tangan {path}',
  invalid: 'tidak sah: {reason}',
  valid: 'sah: {id} versi {version}, kedaluwarsa {expires}',
  approved:
    '{file}: {status} {code}; versi {from} → {to}. Tandatangani lagi: npm run --silent cli -- library sign --key PRIVATE {file}',
  codeUnknown:
    'kode {code} tidak cocok dengan sidik jari yang dikenal (keputusan di bundel dan --submissions). Berikan 64 karakter sidik jarinya: npm run --silent cli -- fingerprint BERKAS-TEKS',
  codeAmbiguous: 'kode {code} cocok dengan beberapa sidik jari: {list}. Berikan 64 karakter sidik jarinya.',
  badFingerprint: '--fingerprint: 64 digit heksadesimal atau kode 8 karakter',
  badLang: '--lang harus id atau en',
};

export type LibraryMessageKey = keyof typeof id;

const en: Record<LibraryMessageKey, string> = {
  usage: `usage: npm run --silent cli -- library <command> [--lang id|en]
  keygen --out DIR                       write DIR/private.jwk.json and DIR/public.jwk.json
  build SRC_DIR --out FILE [--previous PUBLISHED]
                                         validate the sources and write the bundle (version bumped when it
                                         changed; --previous = the last published file, so versions never go back)
  sign --key PRIVATE FILE                write FILE.sig (ECDSA P-256, SHA-256, base64)
  verify --key PUBLIC FILE               exit 0 valid, 1 invalid (with the reason), 2 usage
  approve --fingerprint F|CODE --status approved|changes-requested|rejected
          [--note TEXT] [--reviewer NAME] [--expires DATE] [--submissions FILE] FILE
                                         add or replace an approval record, bump the version (sign again!);
                                         CODE = the admin's 8-character code, when it matches one fingerprint
  lint [--lang id|en] FILE               check every caption against the bundle's own guidelines
`,
  unknownCommand: 'unknown library command: {name}',
  unknownOption: 'unknown option --{name}',
  needsValue: '--{name} needs a value',
  required: '--{name} is required',
  expectedOne: 'expected one {what}',
  sourceDir: 'source directory',
  bundleFile: 'bundle file',
  cannotRead: 'cannot read {what} {path}: {reason}',
  notJson: '{what} {path} is not JSON: {reason}',
  keyExists: '{path} exists: refusing to overwrite a key',
  keygenDone: 'wrote {private} (keep it secret) and {public}',
  badNow: '--now must be a date',
  badPrevious: '--previous {path}: {reason}',
  built:
    'wrote {out}: {id} version {version}, {captions} captions, {rules} rules. Sign it before publishing: npm run --silent cli -- library sign --key PRIVATE {file}',
  upToDate: '{out} is up to date (version {version})',
  firstVersion:
    'note: no previous bundle, starting at version {version}. If admins already hold a higher version, pass --previous <the last published file>.',
  buildFailed: 'build failed: {reason}',
  notSigned: 'not signed: {reason}',
  signed: 'wrote {file}.sig ({id} version {version})',
  privateKeyNeeded: '--key must be the private key (private.jwk.json)',
  noSignature: 'invalid: no signature file {path}',
  invalid: 'invalid: {reason}',
  valid: 'valid: {id} version {version}, expires {expires}',
  approved:
    '{file}: {status} {code}; version {from} → {to}. Sign it again: npm run --silent cli -- library sign --key PRIVATE {file}',
  codeUnknown:
    'code {code} matches no known fingerprint (the bundle decisions and --submissions). Give the 64-character fingerprint: npm run --silent cli -- fingerprint TEXT-FILE',
  codeAmbiguous: 'code {code} matches several fingerprints: {list}. Give the 64-character fingerprint.',
  badFingerprint: '--fingerprint: 64 hexadecimal digits or an 8-character code',
  badLang: '--lang must be id or en',
};

const TABLES: Record<Language, Record<LibraryMessageKey, string>> = { id, en };

export function libraryMessage(
  lang: Language,
  key: LibraryMessageKey,
  values: Record<string, string | number> = {},
): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
