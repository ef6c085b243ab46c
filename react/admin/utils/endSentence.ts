/**
 * A sentence whose last value already ends with a period: "… 06:00 a. m.." in Spanish
 * (es-AR writes times as "a. m."), or an abbreviated month. One period ends it, as in print.
 */
export const endSentence = (text: string): string =>
  text.replace(/([^.])\.\.$/, '$1.')
