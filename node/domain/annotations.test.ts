import { LIMITS, validateAnnotation } from './annotations'
import { english } from '../services/wording'
import type { FieldError } from './settings'

type AnnotationInput = Parameters<typeof validateAnnotation>[0]

/** The fields refused, sorted, or [] when accepted. */
function refusedFields(
  r: { ok: true } | { ok: false; errors: FieldError[] }
): string[] {
  return r.ok ? [] : r.errors.map((e) => e.field).sort()
}

/** An email of exactly `n` characters. */
const emailOf = (n: number) => `${'o'.repeat(n - '@acme.com'.length)}@acme.com`

describe('validateAnnotation', () => {
  it('accepts a full annotation', () => {
    const r = validateAnnotation({
      owner: 'juliana@acme.com',
      integrations: ['Totvs Protheus', 'Power BI'],
      purpose: 'Exports orders to the ERP',
      notes: 'Rotated with the ERP team every quarter.',
    })

    expect(r).toEqual({
      ok: true,
      value: {
        owner: 'juliana@acme.com',
        integrations: ['Totvs Protheus', 'Power BI'],
        purpose: 'Exports orders to the ERP',
        notes: 'Rotated with the ERP team every quarter.',
      },
    })
  })

  it.each<[string, AnnotationInput]>([
    ['nothing at all', {}],
    ['nulls', { owner: null, integrations: null, purpose: null, notes: null }],
    [
      'empty strings and list',
      { owner: '', integrations: [], purpose: '', notes: '' },
    ],
    ['blanks only', { owner: '   ', purpose: ' \n ', notes: '\t' }],
  ])('accepts %s: every field is optional', (_name, input) => {
    const r = validateAnnotation(input)

    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.integrations).toEqual([])
    expect(r.value.owner).toBeUndefined()
    expect(r.value.purpose).toBeUndefined()
    expect(r.value.notes).toBeUndefined()
  })

  it('trims every value', () => {
    const r = validateAnnotation({
      owner: '  juliana@acme.com\n',
      integrations: ['  Totvs ', '\tPower BI'],
      purpose: '  ERP export  ',
      notes: '  see ticket 42 ',
    })

    expect(r).toEqual({
      ok: true,
      value: {
        owner: 'juliana@acme.com',
        integrations: ['Totvs', 'Power BI'],
        purpose: 'ERP export',
        notes: 'see ticket 42',
      },
    })
  })

  it.each<[string, AnnotationInput, string[]]>([
    ['an owner that is not an email', { owner: 'juliana' }, ['owner']],
    ['an owner without a domain dot', { owner: 'juliana@acme' }, ['owner']],
    ['an owner with spaces', { owner: 'juliana souza@acme.com' }, ['owner']],
    ['two emails as owner', { owner: 'a@acme.com,b@acme.com' }, ['owner']],
    ['an owner that is not text', { owner: 42 }, ['owner']],
    [
      `an owner over ${LIMITS.owner} characters`,
      { owner: emailOf(LIMITS.owner + 1) },
      ['owner'],
    ],
    [
      `an owner of exactly ${LIMITS.owner} characters`,
      { owner: emailOf(LIMITS.owner) },
      [],
    ],
    [
      `a purpose over ${LIMITS.purpose} characters`,
      { purpose: 'p'.repeat(LIMITS.purpose + 1) },
      ['purpose'],
    ],
    [
      `a purpose of exactly ${LIMITS.purpose} characters (after trimming)`,
      { purpose: ` ${'p'.repeat(LIMITS.purpose)} ` },
      [],
    ],
    ['a purpose that is not text', { purpose: { text: 'x' } }, ['purpose']],
    [
      `notes over ${LIMITS.notes} characters`,
      { notes: 'n'.repeat(LIMITS.notes + 1) },
      ['notes'],
    ],
    [
      `notes of exactly ${LIMITS.notes} characters`,
      { notes: 'n'.repeat(LIMITS.notes) },
      [],
    ],
    ['notes that are not text', { notes: true }, ['notes']],
    [
      `more than ${LIMITS.integrations} integrations`,
      {
        integrations: Array.from(
          { length: LIMITS.integrations + 1 },
          (_, i) => `Integration ${i}`
        ),
      },
      ['integrations'],
    ],
    [
      `exactly ${LIMITS.integrations} integrations`,
      {
        integrations: Array.from(
          { length: LIMITS.integrations },
          (_, i) => `Integration ${i}`
        ),
      },
      [],
    ],
    [
      'an empty integration name',
      { integrations: ['Totvs', ''] },
      ['integrations'],
    ],
    ['a blank integration name', { integrations: ['   '] }, ['integrations']],
    ['a null integration name', { integrations: [null] }, ['integrations']],
    [
      'an integration name that is not text',
      { integrations: ['Totvs', 7] },
      ['integrations'],
    ],
    [
      `an integration name over ${LIMITS.integration} characters`,
      { integrations: ['i'.repeat(LIMITS.integration + 1)] },
      ['integrations'],
    ],
    [
      `an integration name of exactly ${LIMITS.integration} characters`,
      { integrations: ['i'.repeat(LIMITS.integration)] },
      [],
    ],
    [
      'integrations that are not a list',
      { integrations: 'Totvs, Power BI' },
      ['integrations'],
    ],
    [
      'everything wrong at once',
      {
        owner: 'nope',
        integrations: [''],
        purpose: 'p'.repeat(LIMITS.purpose + 1),
        notes: 'n'.repeat(LIMITS.notes + 1),
      },
      ['integrations', 'notes', 'owner', 'purpose'],
    ],
  ])('%s', (_name, input, fields) => {
    const r = validateAnnotation(input)

    expect(refusedFields(r)).toEqual(fields)
    if (!r.ok)
      for (const e of r.errors) expect(english(e.message)).toMatch(/\S/)
  })
})

describe('free text never holds a token', () => {
  it('refuses a 128-capital run in notes, purpose, integrations or owner', () => {
    const token = 'Z'.repeat(128)
    const r = validateAnnotation({ notes: `token is ${token}`, purpose: token })

    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.errors.map((e) => e.field).sort()).toEqual(['notes', 'purpose'])
  })
})

describe('a text longer', () => {
  it('than any field keeps is refused for its length only: it is not looked into for a token (nothing is stored)', () => {
    const token = 'Z'.repeat(128)
    const long = `${token} `.repeat(20) // 2,580 characters
    const r = validateAnnotation({ notes: long, purpose: long })

    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.map((e) => e.field).sort()).toEqual(['notes', 'purpose'])
    for (const e of r.errors) expect(english(e.message)).toMatch(/at most/)
    expect(r.errors.map((e) => english(e.message)).join(' ')).not.toMatch(
      /token/i
    )
  })
})
