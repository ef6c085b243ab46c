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
    // attack9: unassigned code points Unicode says to draw as nothing (0 px wide in Chromium)
    ['\u2065'],
    ['\uFFF0\uFFF8'],
    ['\u{E0000}\u{E0002}\u{E0080}\u{E01F0}\u{E0FFF}'],
    ['\uFFFC'], // object replacement character: 0 px wide too
    ['\u034F\u061C\u17B4\u17B5\u180E\uFEFF'],
    ['\uFE0F\u{E0100}\u{E0041}\u{E007F}'], // variation selectors, tag characters
    ['\u2028\u2029\u205F\u206F\u0000\u0007'],
    ['a\u0301'.slice(1).repeat(40)], // stacked combining marks
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
    ['👍🏽', '👍🏽'],
    ['🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'], // a flag written with tag characters
    ['❤️', '❤️'],
    ['Renovação pendente, não usar', 'Renovação pendente, não usar'],
    ['Integración con el ERP, año 2026', 'Integración con el ERP, año 2026'],
    ['\u2065ok\uFFFC', '\u2065ok\uFFFC'],
    ['\uD800', '\uD800'], // a lone surrogate is drawn as a visible �
  ])('keeps %p (trimmed)', (text, kept) => {
    expect(shownText(text)).toBe(kept)
  })
})
