// Regional indicator letters (🇦–🇿, U+1F1E6–U+1F1FF) spelling a token. Two of them make a flag
// (🇧🇷 is B R), so a row of flags reads as capitals: 16 flags would be 32 capitals, a token. What
// tells them apart is the token's shape: flags are pairs that name a region (259 of the 676
// pairs), while a token's letters pair up at random, 38% of pairs landing on a region by chance.
// A row of indicators (spaces between allowed) is read as capitals unless 3 in 4 of its letters
// sit in region pairs: a row of real flags is left alone, a typo or two included; a token
// reaches 3 in 4 by chance in 3 of 1,000 rows of 32 letters (binomial, p = 38%), 3 in a billion
// at 128 (regionalLetters.test.ts measures 2,000 random tokens). Each
// indicator is a surrogate pair folded to one capital through secrets/rewrite.ts, so redaction
// covers both units.
import type { Rewritten } from './rewrite'
import { rewrite, unchanged } from './rewrite'

/** Region codes that have a flag (ISO 3166-1 and the few Unicode adds: AC CP DG EA EU IC TA UN XK). */
const REGIONS = new Set(
  [
    'AC AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH',
    'BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM',
    'CN CO CP CQ CR CU CV CW CX CY CZ DE DG DJ DK DM DO DZ EA EC EE EG EH ER',
    'ES ET EU FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS',
    'GT GU GW GY HK HM HN HR HT HU IC ID IE IL IM IN IO IQ IR IS IT JE JM JO',
    'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA',
    'MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC',
    'NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW',
    'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST',
    'SV SX SY SZ TA TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM',
    'UN US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW',
  ]
    .join(' ')
    .split(' ')
)

/** A row of regional indicators, spaces between them allowed. */
const ROW = /\ud83c[\udde6-\uddff](?:\s*\ud83c[\udde6-\uddff])*/g
const INDICATOR = /\ud83c[\udde6-\uddff]/g

/** Share of a row's letters that must sit in region pairs for it to be flags. */
const FLAGS_SHARE = 0.75

const letterAt = (text: string, at: number) =>
  String.fromCharCode(65 + text.charCodeAt(at + 1) - 0xdde6)

/** Whether a row of indicators reads as flags: 3 in 4 letters in pairs naming a region. */
export function readsAsFlags(row: string): boolean {
  let letters = 0
  let inFlags = 0

  // pairs are read as a flag reader reads them: from the start of each stretch without spaces
  for (const piece of row.split(/\s+/)) {
    const n = piece.length >> 1

    letters += n
    for (let i = 0; i + 1 < n; i += 2)
      if (REGIONS.has(letterAt(piece, 2 * i) + letterAt(piece, 2 * i + 2)))
        inFlags += 2
  }

  return inFlags >= letters * FLAGS_SHARE
}

/** text with each row of regional indicators that is not flags as ASCII capitals. */
export function foldRegionalLetters(text: string): Rewritten {
  if (!text.includes('\ud83c')) return unchanged(text)
  const rows = [...text.matchAll(ROW)].filter((m) => !readsAsFlags(m[0]))

  if (!rows.length) return unchanged(text)

  return rewrite(text, (r) => {
    for (const row of rows)
      for (const m of row[0].matchAll(INDICATOR)) {
        const start = (row.index ?? 0) + (m.index ?? 0)

        r.put(letterAt(text, start), start, start + 2)
      }
  })
}
