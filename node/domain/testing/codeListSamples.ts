// Honest lists of 2-letter codes an admin may write in a note (states, countries, languages), and
// the ways admins write them: the token check must let them through (codeLists.test.ts measures
// it, dev/bench/secrets-narrow.ts counts it over shuffled orders).

export const UFS =
  'AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO'

export const US_STATES =
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'

export const EU =
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'

export const MERCOSUR = 'AR BR PY UY VE BO CL CO EC PE GY SR'

export const AMERICAS =
  'AR BO BR CL CO EC GY PY PE SR UY VE MX GT HN SV NI CR PA CU DO HT JM TT BS BB BZ US CA'

export const LANGUAGES =
  'BG CS DA DE EL EN ES ET FI FR GA HR HU IT LT LV MT NL PL PT RO SK SL SV'

export const MORE_LANGUAGES =
  'AF AR BE BG BN BS CA CS CY DA DE EL EN EO ES ET EU FA FI FR GA GL HE HI HR HU HY ID IS IT JA KA KK KO LT LV MK MN MS MT NL NO PL PT RO RU SK SL SQ SR SV SW TA TH TR UK UR UZ VI ZH'

/** A list as admins write it: with spaces, commas, slashes, dashes, or a word before the last. */
export const WRITTEN: Array<[string, (codes: string[]) => string]> = [
  ['spaces', (c) => c.join(' ')],
  ['commas', (c) => c.join(', ')],
  ['slashes', (c) => c.join('/')],
  ['spaced slashes', (c) => c.join(' / ')],
  ['dashes', (c) => c.join('-')],
  ['lines', (c) => c.join('\n')],
  ['"e" before the last', (c) => `${c.slice(0, -1).join(', ')} e ${c.at(-1)}.`],
  ['"y" before the last', (c) => `${c.slice(0, -1).join(', ')} y ${c.at(-1)}`],
  [
    '"and" before the last',
    (c) => `${c.slice(0, -1).join(', ')}, and ${c.at(-1)}`,
  ],
  ['in a sentence', (c) => `Integração de frete cobre ${c.join(' ')}`],
  ['commas, small letters', (c) => c.join(', ').toLowerCase()],
]
