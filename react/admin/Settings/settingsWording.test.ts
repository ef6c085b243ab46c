// The settings page in each language says one thing one way (a browser walk found the drift):
// every number field's refusal is one sentence, es calls e-mails "correos" throughout, and the
// Owner limit's help reads as a sentence.
import en from '../../../messages/en.json'
import es from '../../../messages/es.json'
import pt from '../../../messages/pt.json'

const CATALOGS: Record<string, Record<string, string>> = { en, pt, es }
const S = 'admin/key-steward.settings.'

describe('settings wording', () => {
  it.each(['en', 'pt', 'es'])(
    'a cleared, fractional or out-of-range number gets the same sentence (%s)',
    (lang) => {
      const c = CATALOGS[lang]
      const sentence = c[`${S}error.NOT_WHOLE_NUMBER`]

      expect(c[`${S}error.REQUIRED`]).toBe(sentence)
      expect(c[`${S}error.OUT_OF_RANGE`]).toBe(sentence)
    }
  )

  it('es says "correos" on the settings page and its daily scan, never "e-mails"', () => {
    const visible = Object.entries(es).filter(
      ([id]) =>
        id.startsWith(S) || id.startsWith('admin/key-steward.dailyScan.')
    )

    expect(visible.filter(([, text]) => /e-?mails?\b/i.test(text))).toEqual([])
    expect(es[`${S}reminderEmails.label`]).toBe('Correos de recordatorio')
  })

  it.each([
    [
      'pt',
      'Gera um alerta se o número de usuários com Owner (Admin Super) passar deste valor.',
    ],
    [
      'es',
      'Se genera una alerta si el número de usuarios con Owner (Admin Super) supera este valor.',
    ],
  ])('the Owner limit help reads as a sentence (%s)', (lang, text) => {
    expect(CATALOGS[lang][`${S}maxOwnerUsers.help`]).toBe(text)
  })

  it.each([
    ['en', /English/],
    ['pt', /inglês/],
    ['es', /inglés/],
  ])(
    'the e-mail language help says what applies until someone chooses (%s)',
    (lang, word) => {
      expect(CATALOGS[lang][`${S}reminderLocale.help`]).toMatch(word)
    }
  )

  // The page adds each number's range after its help (settings.range): a help that also states
  // one read "From 0 to 1440; … From 0 to 1,440." (walk14 #7)
  it.each(['en', 'pt', 'es'])(
    'no help text states a range of its own (%s)',
    (lang) => {
      const helps = Object.entries(CATALOGS[lang]).filter(
        ([id]) => id.startsWith(S) && id.endsWith('.help')
      )

      expect(helps.length).toBeGreaterThan(5)
      expect(
        helps.filter(([, text]) => /\d[\d.,]*\s+(to|a)\s+\d/.test(text))
      ).toEqual([])
    }
  )

  // walk16 #5: "Its first run comes at the next 06:00 UTC" repeated the next-run line above it
  // ("Next run: Nov 27, 2026, 06:00 UTC"), and read as a literal copy in pt/es
  it.each([
    ['en', 'The scan has not run yet.'],
    ['pt', 'A varredura ainda não foi executada.'],
    ['es', 'El escaneo aún no se ha ejecutado.'],
  ])('a scan that never ran says only that (%s)', (lang, text) => {
    expect(CATALOGS[lang]['admin/key-steward.dailyScan.neverRan']).toBe(text)
  })
})
