import { medicalOrganisations, subjects } from '@/db/schema';
import type { Executor } from '@/db/client';

/**
 * Kazakhstan's reference directories (ADR 0030). A Kazakh register keeps its regions in `subjects` and its
 * clinics in `medical_organisations` — the common directory tables the clinics' staff accounts and API
 * keys already reference — so a clinic registrar, an API key and the access log's organisation work the
 * same in both countries. Regions: the 17 oblasts and 3 cities of republican significance, keyed by
 * their ISO 3166-2:KZ code (numeric since the 2022 update, the КАТО region code); `okato` holds the same
 * two digits. Clinics: a code of the region's two digits and four of our own (no national six-character
 * clinic code exists), and their БИН in the `ogrn` column (the state registration number of each country).
 * The clinics are a demo list: invented names, addresses and БИН.
 */
export const KZ_REGIONS: readonly { code: string; nameRu: string; nameEn: string }[] = [
  { code: '10', nameRu: 'Абайская область', nameEn: 'Abai Region' },
  { code: '11', nameRu: 'Акмолинская область', nameEn: 'Akmola Region' },
  { code: '15', nameRu: 'Актюбинская область', nameEn: 'Aktobe Region' },
  { code: '19', nameRu: 'Алматинская область', nameEn: 'Almaty Region' },
  { code: '23', nameRu: 'Атырауская область', nameEn: 'Atyrau Region' },
  { code: '27', nameRu: 'Западно-Казахстанская область', nameEn: 'West Kazakhstan Region' },
  { code: '31', nameRu: 'Жамбылская область', nameEn: 'Jambyl Region' },
  { code: '33', nameRu: 'Жетысуская область', nameEn: 'Jetisu Region' },
  { code: '35', nameRu: 'Карагандинская область', nameEn: 'Karaganda Region' },
  { code: '39', nameRu: 'Костанайская область', nameEn: 'Kostanay Region' },
  { code: '43', nameRu: 'Кызылординская область', nameEn: 'Kyzylorda Region' },
  { code: '47', nameRu: 'Мангистауская область', nameEn: 'Mangystau Region' },
  { code: '55', nameRu: 'Павлодарская область', nameEn: 'Pavlodar Region' },
  { code: '59', nameRu: 'Северо-Казахстанская область', nameEn: 'North Kazakhstan Region' },
  { code: '61', nameRu: 'Туркестанская область', nameEn: 'Turkistan Region' },
  { code: '62', nameRu: 'Улытауская область', nameEn: 'Ulytau Region' },
  { code: '63', nameRu: 'Восточно-Казахстанская область', nameEn: 'East Kazakhstan Region' },
  { code: '71', nameRu: 'г. Астана', nameEn: 'Astana' },
  { code: '75', nameRu: 'г. Алматы', nameEn: 'Almaty' },
  { code: '79', nameRu: 'г. Шымкент', nameEn: 'Shymkent' },
];

export interface KzClinic {
  code: string;
  subjectCode: string;
  nameFull: string;
  nameShort: string;
  bin: string;
  address: string;
  phone: string;
}

export const KZ_CLINICS: readonly KzClinic[] = [
  {
    code: '750001',
    subjectCode: '75',
    nameFull: 'ГКП на ПХВ «Городская поликлиника № 1» Управления общественного здравоохранения г. Алматы',
    nameShort: 'Городская поликлиника № 1, Алматы',
    bin: '990140001234',
    address: 'г. Алматы, Алмалинский район, ул. Толе би, 95',
    phone: '+7 727 300-00-01',
  },
  {
    code: '750002',
    subjectCode: '75',
    nameFull: 'ГКП на ПХВ «Городская поликлиника № 7» Управления общественного здравоохранения г. Алматы',
    nameShort: 'Городская поликлиника № 7, Алматы',
    bin: '990140005678',
    address: 'г. Алматы, Бостандыкский район, пр. Гагарина, 210',
    phone: '+7 727 300-00-07',
  },
  {
    code: '710001',
    subjectCode: '71',
    nameFull: 'ГКП на ПХВ «Городская поликлиника № 4» акимата г. Астаны',
    nameShort: 'Городская поликлиника № 4, Астана',
    bin: '000240009876',
    address: 'г. Астана, район Сарыарка, ул. Бейбитшилик, 40',
    phone: '+7 7172 30-00-04',
  },
  {
    code: '790001',
    subjectCode: '79',
    nameFull: 'ГКП на ПХВ «Городская поликлиника № 2» управления здравоохранения г. Шымкента',
    nameShort: 'Городская поликлиника № 2, Шымкент',
    bin: '180340004321',
    address: 'г. Шымкент, Абайский район, ул. Байтурсынова, 12',
    phone: '+7 7252 30-00-02',
  },
];

/** Loads the regions and clinics where missing (idempotent; never overwrites what the register holds). */
export async function loadKzReferenceData(db: Executor): Promise<void> {
  await db
    .insert(subjects)
    .values(
      KZ_REGIONS.map((r) => ({
        code: r.code,
        okato: r.code,
        nameRu: r.nameRu,
        nameEn: r.nameEn,
        federalDistrict: null,
        codeStatus: 'verified',
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(medicalOrganisations)
    .values(
      KZ_CLINICS.map((c) => ({
        code: c.code,
        subjectCode: c.subjectCode,
        nameFull: c.nameFull,
        nameShort: c.nameShort,
        ogrn: c.bin,
        address: c.address,
        phone: c.phone,
        primaryCare: true,
        activeFrom: '2020-01-01',
      })),
    )
    .onConflictDoNothing();
}
