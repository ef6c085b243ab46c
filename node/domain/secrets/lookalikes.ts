// Letters that look like ASCII ones and stand for them in a paste: full-width forms (ＱＷＥ…, from
// East Asian keyboards and some editors), circled and parenthesized letters, small capitals, letter-like symbols (ℬ ℂ ℍ …), and Cyrillic and Greek capitals and
// small letters drawn like Latin ones (a token "hidden" by swapping a few). Each is one UTF-16
// unit folded to one ASCII character, so positions stay those of the input (redaction cuts the
// whole run, look-alikes included). Prose in Cyrillic or Greek keeps its other letters, which
// break any run.

const CYRILLIC: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ј: 'j',
}

const GREEK: Record<string, string> = {
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
}

/** Letter-like symbols: the BMP letters the mathematical styles leave out (script B is ℬ, not U+1D49D). */
const LETTERLIKE: Record<string, string> = {
  ℂ: 'C',
  ℊ: 'g',
  ℋ: 'H',
  ℌ: 'H',
  ℍ: 'H',
  ℎ: 'h',
  ℐ: 'I',
  ℑ: 'I',
  ℒ: 'L',
  ℕ: 'N',
  ℙ: 'P',
  ℚ: 'Q',
  ℛ: 'R',
  ℜ: 'R',
  ℝ: 'R',
  ℤ: 'Z',
  ℨ: 'Z',
  ℬ: 'B',
  ℭ: 'C',
  ℯ: 'e',
  ℰ: 'E',
  ℱ: 'F',
  ℳ: 'M',
  ℴ: 'o',
}

/** Small capitals (phonetic letters drawn as small capitals; "font changer" sites offer them). */
const SMALL_CAPITALS: Record<string, string> = {
  ᴀ: 'A',
  ʙ: 'B',
  ᴄ: 'C',
  ᴅ: 'D',
  ᴇ: 'E',
  ꜰ: 'F',
  ɢ: 'G',
  ʜ: 'H',
  ɪ: 'I',
  ᴊ: 'J',
  ᴋ: 'K',
  ʟ: 'L',
  ᴍ: 'M',
  ɴ: 'N',
  ᴏ: 'O',
  ᴘ: 'P',
  ǫ: 'Q',
  ʀ: 'R',
  ꜱ: 'S',
  ᴛ: 'T',
  ᴜ: 'U',
  ᴠ: 'V',
  ᴡ: 'W',
  ʏ: 'Y',
  ᴢ: 'Z',
}

const SWAPS: Record<string, string> = {
  ...CYRILLIC,
  ...GREEK,
  ...LETTERLIKE,
  ...SMALL_CAPITALS,
}

const LOOKALIKE = new RegExp(
  `[\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a\\u249c-\\u24e9${Object.keys(
    SWAPS
  ).join('')}]`,
  'g'
)

function ascii(c: string): string {
  const code = c.charCodeAt(0)

  if (code >= 0xff10 && code <= 0xff5a)
    return String.fromCharCode(code - 0xfee0)
  if (code >= 0x249c && code <= 0x24b5)
    return String.fromCharCode(97 + code - 0x249c)
  if (code >= 0x24b6 && code <= 0x24cf)
    return String.fromCharCode(65 + code - 0x24b6)
  if (code >= 0x24d0 && code <= 0x24e9)
    return String.fromCharCode(97 + code - 0x24d0)

  return SWAPS[c] ?? c
}

/** text with every look-alike letter as the ASCII one it stands for; same length, same positions. */
export function foldLookalikes(text: string): string {
  return text.replace(LOOKALIKE, ascii)
}
