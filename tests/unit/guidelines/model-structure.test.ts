import { describe, expect, it } from 'vitest';
import { normaliseText } from '@/lib/guidelines/model/features';
import { STRUCTURE_SIGNS, structureSign } from '@/lib/guidelines/model/messages';
import { isStructureName, STRUCTURE_NAMES, structureValues } from '@/lib/guidelines/model/structure';

const tables = { slang: new Map<string, string>(), lexicon: new Set<string>() };
const holds = (name: string, text: string): boolean =>
  structureValues({ text, words: normaliseText(text, tables) }, [name])[0] === 1;

const LONG = Array.from({ length: 120 }, (_, i) => `kata${i}`).join(' ');
const MEDIUM = Array.from({ length: 40 }, (_, i) => `kata${i}`).join(' ');

/** For every extractor: a sentence where it holds and one where it does not. */
const CASES: Record<string, [string, string]> = {
  'date-day@1': ['Rapat digelar Selasa pagi.', 'Rapat digelar pagi tadi.'],
  'date-numeric@1': ['Rapat digelar (24/11/2026) di aula.', 'Rapat digelar di aula lantai 2.'],
  'date-month@1': ['Pada 24 November 2026 rapat digelar.', 'Pada bulan depan rapat digelar.'],
  'date-relative-only@1': [
    'Hari ini kami meninjau jembatan.',
    'Hari ini, Senin (24/11), kami meninjau jembatan.',
  ],
  'no-date@1': ['Kami meninjau jembatan.', 'Kami meninjau jembatan, Kamis (26/11/2026).'],
  'dateline@1': [
    'SINGKAWANG – Wali Kota membuka pasar murah.',
    'Wali Kota membuka pasar murah – Singkawang.',
  ],
  'credit@1': ['Pasar murah dibuka. Foto: Humas Pemkot', 'Pasar murah dibuka untuk warga.'],
  'credit-weak@1': ['Pasar murah dibuka. Foto: Istimewa', 'Pasar murah dibuka. Foto: Humas Pemkot'],
  'no-credit@1': ['Pasar murah dibuka. Foto-foto menyusul', 'Pasar murah dibuka. 📷 Humas Diskominfo'],
  'place@1': ['Rapat berlangsung di Aula Kantor Bupati.', 'Rapat berlangsung dengan lancar.'],
  'no-place@1': ['Rapat berlangsung dengan lancar.', 'Rapat di Desa Sungai Ambawang berlangsung lancar.'],
  'report-voice@1': ['Bupati meninjau lokasi banjir.', 'Waspada banjir, siapkan tas siaga.'],
  'report-no-date@1': ['Bupati meninjau lokasi banjir.', 'Bupati meninjau lokasi banjir, Rabu (25/11/2026).'],
  'report-no-place@1': [
    'Bupati meninjau lokasi banjir.',
    'Bupati meninjau lokasi banjir di Desa Nanga Pinoh.',
  ],
  'report-no-credit@1': ['Bupati meninjau lokasi banjir.', 'Bupati meninjau lokasi banjir. Foto: Prokopim'],
  'report-bare@1': [
    'Kegiatan rapat evaluasi dihadiri seluruh kepala bidang.',
    'Rapat evaluasi di Aula Bappeda, Senin (23/11/2026). Foto: Humas',
  ],
  'figure@1': ['Harga beras turun 12 persen.', 'Harga beras mulai turun.'],
  'superlative@1': ['Pontianak kota terbersih se-Indonesia.', 'Pontianak kota yang bersih.'],
  'named-source@1': ['Menurut BPS Kalbar, inflasi 2,1 persen.', 'Inflasi turun, katanya.'],
  'unnamed-source@1': [
    'Menurut seorang pejabat, dana sudah cair.',
    'Menurut Kepala Dinas Sosial, dana sudah cair.',
  ],
  'figure-no-source@1': ['Inflasi tahun ini 2,1 persen.', 'Menurut BPS Kalbar, inflasi 2,1 persen.'],
  'superlative-no-source@1': [
    'Pelayanan kami terbaik se-Kalimantan.',
    'Menurut Ombudsman RI, pelayanan kami terbaik se-Kalimantan.',
  ],
  'claim-unnamed-source@1': ['Kata orang dalam, 40 persen dana hilang.', 'Kata orang dalam, dana hilang.'],
  'rumour-frame@1': ['Beredar kabar jembatan ambruk, sebarkan!', 'Jembatan ditutup untuk perbaikan.'],
  'question@1': ['Apakah jembatan ditutup?', 'Jembatan ditutup.'],
  'shouting@1': ['SEGERA DAFTAR SEBELUM KUOTA HABIS!!', 'Segera daftar sebelum kuota habis.'],
  'long-digits@1': ['NIK 6171012304850003 atas nama warga.', 'Nomor antrean 12 dipanggil.'],
  'digit-groups@1': ['Hubungi 0812-5678-9012 untuk info.', 'Hubungi kantor kami untuk info.'],
  'phone@1': ['WA ke 081256789012 ya.', 'WA ke kantor ya.'],
  'hotline@1': ['Darurat? Hubungi 112.', 'Darurat? Hubungi kami.'],
  'id-label-digits@1': ['NIK: 6171012304850003', 'NIK wajib dibawa saat mendaftar.'],
  'email@1': ['Kirim ke budi.santoso@gmail.com hari ini.', 'Kirim ke kantor hari ini.'],
  'address@1': ['Rumahnya di Jl. Merdeka No. 12.', 'Rumahnya dekat pasar.'],
  'age@1': ['Korban, Rina (14), masih dirawat.', 'Korban masih dirawat.'],
  'person@1': ['Terima kasih Bapak Suryadi atas laporannya.', 'Terima kasih atas laporannya.'],
  'person-address@1': ['Pak Andri di Gang Mawar No. 5 sudah kami hubungi.', 'Pak Andri sudah kami hubungi.'],
  'person-digits@1': ['Ibu Sari, WA 081256789012.', 'Ibu Sari, terima kasih.'],
  'person-age@1': ['Saudara Dedi (34) ditemukan selamat.', 'Saudara Dedi ditemukan selamat.'],
  'address-digits@1': ['Jl. Merdeka No. 12, HP 081256789012.', 'Jl. Merdeka No. 12 ditutup.'],
  'digits-no-hotline@1': ['Hubungi 081256789012.', 'Hubungi 081256789012 atau 112.'],
  'length-short@1': ['Rapat hari ini ditunda.', MEDIUM],
  'length-medium@1': [MEDIUM, LONG],
  'length-long@1': [LONG, MEDIUM],
};

describe('structural features of a draft', () => {
  it('has a positive and a negative sentence for every extractor', () => {
    expect(Object.keys(CASES).sort()).toEqual([...STRUCTURE_NAMES].sort());
  });

  it.each(Object.entries(CASES))('%s holds on its sentence and not on its contrast', (name, [yes, no]) => {
    expect(holds(name, yes)).toBe(true);
    expect(holds(name, no)).toBe(false);
  });

  it('knows its names by version and refuses an unknown one', () => {
    expect(isStructureName('no-date@1')).toBe(true);
    expect(isStructureName('no-date@2')).toBe(false);
    expect(isStructureName('toString')).toBe(false);
    expect(() => structureValues({ text: 'x', words: [] }, ['no-date@9'])).toThrow(
      /unknown structural feature/,
    );
  });

  it('gives the values in the order asked, the same on every call', () => {
    const text = 'Bupati meninjau lokasi banjir. Foto: Istimewa';
    const words = normaliseText(text, tables);
    const names = ['credit-weak@1', 'no-date@1', 'dateline@1'];
    expect([...structureValues({ text, words }, names)]).toEqual([1, 1, 0]);
    expect([...structureValues({ text, words }, names)]).toEqual([1, 1, 0]);
  });

  it('names what a sign-bearing feature says, in both languages', () => {
    for (const name of Object.keys(STRUCTURE_SIGNS)) expect(isStructureName(`${name}@1`)).toBe(true);
    expect(structureSign('report-bare@1', 'id')).toBe('laporan kegiatan tanpa tanggal/tempat/kredit');
    expect(structureSign('report-bare@1', 'en')).toBe('an activity report with no date, place or credit');
    expect(structureSign('length-long@1', 'id')).toBeUndefined();
  });
});
