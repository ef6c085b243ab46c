// A justification or note the admin types is shown to the signer and the auditors: text that
// shows nothing (a zero-width space, a Hangul filler, a lone combining mark between spaces) would
// pass "a justification is needed" while the row reads blank. Such text counts as none.

/** Characters that draw nothing: spaces, controls and format characters, combining marks alone,
 * the Hangul fillers and the blank Braille pattern (letters by their category, blank on screen),
 * every code point Unicode asks to be drawn as nothing (Default_Ignorable_Code_Point: also
 * unassigned ones, U+2065, U+FFF0–FFF8, U+E0000–E0FFF, which a browser draws 0 px wide) and the
 * object replacement character U+FFFC (0 px wide in Chromium too). */
const BLANK =
  /[\s\p{Z}\p{Cc}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u115F\u1160\u3164\uFFA0\u2800\uFFFC]/gu

/** The text trimmed, or '' when nothing of it would show. */
export function shownText(text: string | null | undefined): string {
  const trimmed = (text ?? '').trim()

  return trimmed.replace(BLANK, '') ? trimmed : ''
}
