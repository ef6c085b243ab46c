// Words the admin reads in several places must name one thing one way, in each language, and
// say what the service does (a browser walk found the drift these checks now hold).
import en from '../../messages/en.json'
import es from '../../messages/es.json'
import pt from '../../messages/pt.json'

const CATALOGS: Record<string, Record<string, string>> = { en, pt, es }
const P = 'admin/key-steward.'

describe('terms', () => {
  // The stale-key rule (node/domain/rules/keyAgeExceeded.ts) counts the token's age: a renewal
  // resets it. A help that says "keys older than this" tells the admin the wrong age.
  it.each([
    ['en', /token/],
    ['pt', /token/],
    ['es', /token/],
  ])('the rotation period help says it is the token age (%s)', (lang, word) => {
    const help = CATALOGS[lang][`${P}settings.rotationDays.help`]

    expect(help).toMatch(word)
    expect(help).toMatch(
      { en: /renewal/, pt: /renovação/, es: /renovación/ }[lang]!
    )
  })

  // The review's checklist has one name per language: "checklist" in pt-BR (the word Brazilian
  // admins use), "lista de verificación" in Spanish (a walk found the English word out of place
  // next to tú): no message mixes in the other.
  it('one word for the checklist (pt: checklist)', () => {
    const catalog = CATALOGS.pt

    expect(
      Object.entries(catalog).filter(([, text]) =>
        /lista de verifica/i.test(text)
      )
    ).toEqual([])
    expect(catalog[`${P}refusal.review.checklistClosed`]).toMatch(/checklist/)
  })

  it('one word for the checklist (es: lista de verificación)', () => {
    const catalog = CATALOGS.es

    expect(
      Object.entries(catalog).filter(([, text]) => /checklist/i.test(text))
    ).toEqual([])
    expect(catalog[`${P}refusal.review.checklistClosed`]).toMatch(
      /lista de verificación/
    )
  })

  // VTEX's pt Admin calls roles "perfis" (Configurações da conta → Perfis): a walk found
  // "Os papéis desta chave…" above "Perfis e produtos" on the same page.
  it('one word for roles (pt: perfis)', () => {
    expect(
      Object.entries(CATALOGS.pt).filter(([, text]) =>
        /papé?is|papel/i.test(text)
      )
    ).toEqual([])
    expect(CATALOGS.pt[`${P}dailyScan.step.inventory`]).toMatch(/perfis/)
  })

  // Severity codes stay in data (INFO); the word people read is translated.
  it.each([
    ['pt', 'Informativo'],
    ['es', 'Informativo'],
  ])('the INFO severity is worded in %s', (lang, word) => {
    expect(CATALOGS[lang][`${P}severity.INFO`]).toBe(word)
  })
})
