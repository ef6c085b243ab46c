import { shownText } from './shownText'

describe('shownText', () => {
  it.each([
    ['\u200B'], // zero-width space
    ['\u200B\u200C\u200D\u2060'], // zero-width (non-)joiners, word joiner
    [' \u00AD '], // soft hyphen
    ['\u3164\u3164'], // Hangul filler (a letter by its category)
    ['\u115F\u1160\uFFA0'],
    ['\u2800'], // blank Braille pattern
    ['\u0301'], // a combining accent with no letter
    ['\u3000\u00A0\u2007'], // ideographic, no-break and figure spaces
    ['\u202E\u202C'], // direction controls
    [''],
    [null],
    [undefined],
  ])('reads %p as no text', (text) => {
    expect(shownText(text)).toBe('')
  })

  it.each([
    ['  Deploy pipeline  ', 'Deploy pipeline'],
    ['ok', 'ok'],
    ['.', '.'],
    ['\u200Bsim\u200B', '\u200Bsim\u200B'],
    ['é', 'é'],
    ['注', '注'],
    ['🔑', '🔑'],
  ])('keeps %p (trimmed)', (text, kept) => {
    expect(shownText(text)).toBe(kept)
  })
})
