import { compareSubjects } from './findings'
import { keyFacts } from './keyFacts'
import {
  BUILT_IN_TEST,
  duplicateKey,
  genericLabelSet,
  genericTag,
  isGenericLabel,
} from './labels'
import type { KeyEntry } from './types'

const key = (id: string, label: string, createdAt = '2026-01-01T00:00:00Z') =>
  ({
    id,
    appKey: `vtexappkey-acme-${id}`,
    label,
    createdAt,
    createdMs: Date.parse(createdAt),
    isActive: true,
    ageDays: 0,
    rolesKnown: true,
    roles: [],
  } as KeyEntry)

describe('keyFacts', () => {
  const keys = [
    key('a', 'ERP'),
    key('b', 'erp '),
    key('c', 'Feed', 'not a date'),
    key('d', ''),
  ]

  const facts = keyFacts(keys)

  it('is worked out once per key list', () => {
    expect(keyFacts(keys)).toBe(facts)
    expect(keyFacts([...keys])).not.toBe(facts)
  })

  it("is kept by the recent copy's account and version across lists of the same keys", () => {
    const first = [key('x', 'One'), key('y', 'Two')]
    const acme = { account: 'acme', version: 'v1' }
    const facts1 = keyFacts(first, acme)

    // the same copy, ages counted again for another request: a new list, the same facts
    expect(
      keyFacts(
        first.map((k) => ({ ...k, ageDays: 1 })),
        acme
      )
    ).toBe(facts1)
    // another version is worked out anew
    expect(
      keyFacts(
        first.map((k) => ({ ...k })),
        { account: 'acme', version: 'v2' }
      )
    ).not.toBe(facts1)
    // another account's list under the same version string: never the first account's facts
    const theirs = [key('p', 'Other'), key('q', 'Keys')]

    expect(keyFacts(theirs, { account: 'globex', version: 'v1' })).not.toBe(
      facts1
    )
    // and a list that is not the copy's, under its name, is not given the copy's facts either
    expect(keyFacts(theirs, acme)).not.toBe(facts1)
    expect([...keyFacts(theirs, acme).ids]).toEqual(['p', 'q'])
  })

  it('gives each key its entry in documents kept by key id, one document or several in one walk, each worked out once', () => {
    const list = [key('a', 'ERP'), key('b', 'Feed'), key('c', 'OMS')]
    const f = keyFacts(list)
    const annotations = { a: { owner: 'ana' }, c: { owner: 'caio' } }
    const renewals = { b: { startedAt: '2026-01-01T00:00:00Z' } }
    const other = { c: 3 }

    const once = f.byPosition(other)

    expect(once).toEqual([undefined, undefined, 3])
    expect(f.byPosition(other)).toBe(once)

    f.byPositions([annotations, renewals, annotations, other])
    expect(f.byPosition(annotations)).toEqual([
      { owner: 'ana' },
      undefined,
      { owner: 'caio' },
    ])
    expect(f.byPosition(renewals)).toEqual([undefined, renewals.b, undefined])
    // kept: asked again, nothing is walked anew
    expect(f.byPosition(other)).toBe(once)
    const kept = f.byPosition(annotations)

    f.byPositions([annotations, renewals])
    expect(f.byPosition(annotations)).toBe(kept)
  })

  it('gives positions and duplicate counts by position', () => {
    expect([...facts.positionOf()]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 3],
    ])
    expect([...facts.labelCountOf]).toEqual([2, 2, 1, 0])
  })

  it('knows whether the list is in subject order', () => {
    // by label ignoring case; the empty label counts as its appKey ("vtexappkey-…")
    expect(facts.sorted).toBe(true)
    expect(keyFacts([keys[3], keys[0]]).sorted).toBe(false)
    expect(keyFacts([keys[2], keys[0]]).sorted).toBe(false)
  })

  it('keeps generic-label answers per set of generic labels', () => {
    const isErp = (l: string) => l.trim().toLowerCase() === 'erp'

    expect(facts.generic('erp', isErp)).toEqual([true, true, false, false])
    expect(facts.generic('erp', () => false)).toEqual([
      true,
      true,
      false,
      false,
    ])
    expect(facts.generic('none', () => false)).toEqual([
      false,
      false,
      false,
      false,
    ])
  })

  it('answers for the built-in generic labels in its one pass, as the label test does', () => {
    const labels = [
      'Test 2',
      'ERP',
      '',
      '  ',
      'Chave API',
      'Integração',
      'api-key',
      'Feed',
    ]
    const list = labels.map((l, i) => key(`g${i}`, l))
    const builtIn = genericLabelSet([])
    const never = () => false

    expect(genericTag(builtIn)).toBe(BUILT_IN_TEST.tag)
    // the pass's answers, not the test given: it is not asked again for the built-in tag
    expect(keyFacts(list).generic(BUILT_IN_TEST.tag, never)).toEqual(
      labels.map((l) => isGenericLabel(l, builtIn))
    )
    expect(labels.map((l) => isGenericLabel(l, builtIn))).toContain(true)
  })

  it('counts duplicates as hashing every duplicate key would, in order or not', () => {
    // labels equal ignoring case, accents and spaces, close to each other in the order
    const forms = [
      'ERP',
      'erp',
      ' ERP',
      'ERP  ',
      'Érp',
      'e r p',
      'E R P',
      'E  R P',
      'ERP\t',
      'Integração',
      'integracao',
      'INTEGRACAO',
      'Integracao ',
      'Feed',
      'feed 2',
      'Feed 2',
      'feed',
      '',
      '   ',
      'K\u212a', // Kelvin sign: lower-cases to ASCII "k"
      'kk',
      'zzz',
    ]
    let seed = 7
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647

    for (let round = 0; round < 40; round++) {
      const keys = Array.from({ length: 60 }, (_, i) =>
        key(`k${round}-${i}`, forms[Math.floor(random() * forms.length)])
      )
      const sorted = [...keys].sort((a, b) =>
        compareSubjects(a.label || a.appKey, a.id, b.label || b.appKey, b.id)
      )

      for (const list of [keys, sorted]) {
        const dks = list.map((k) => duplicateKey(k.label))
        const want = dks.map((dk) =>
          dk ? dks.filter((other) => other === dk).length : 0
        )

        expect([...keyFacts(list).labelCountOf]).toEqual(want)
      }

      expect(keyFacts(sorted).sorted).toBe(true)
    }
  })

  it('answers as the plain tests would for labels of any characters, sorted, nearly sorted or not', () => {
    // the one walk over each label (readLabel) against what it replaces: the PLAIN expression,
    // isGenericLabel and compareSubjects between neighbours
    const parts = [
      'a',
      'A',
      'b',
      'Z',
      'z',
      '[',
      '_',
      '`',
      '~',
      '!',
      '0',
      '9',
      ' ',
      '  ',
      '\t',
      'é',
      'ß',
    ]
    const words = [
      'Test',
      'test 2',
      'API key',
      'api-key',
      'new key 10',
      'x',
      'Feed',
      'Integracion 2', // as long as the longest generic label
      'Integracion2x',
    ]
    let seed = 11
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]
    const builtIn = genericLabelSet([])
    const never = () => false

    for (let round = 0; round < 60; round++) {
      const keys = Array.from({ length: 50 }, (_, i) => {
        const label =
          random() < 0.3
            ? pick(words)
            : Array.from({ length: Math.floor(random() * 6) }, () =>
                pick(parts)
              ).join('')

        return key(`r${round}-${String(i).padStart(2, '0')}`, label)
      })

      const sorted = [...keys].sort((a, b) =>
        compareSubjects(a.label || a.appKey, a.id, b.label || b.appKey, b.id)
      )

      // one pair swapped: sorted but for one step
      const nearly = [...sorted]

      ;[nearly[20], nearly[21]] = [nearly[21], nearly[20]]

      for (const list of [keys, sorted, nearly]) {
        const facts = keyFacts(list)
        const inOrder = list.every(
          (k, i) =>
            i === 0 ||
            compareSubjects(
              list[i - 1].label || list[i - 1].appKey,
              list[i - 1].id,
              k.label || k.appKey,
              k.id
            ) <= 0
        )

        const dks = list.map((k) => duplicateKey(k.label))

        expect(facts.sorted).toBe(inOrder)
        expect([...facts.labelCountOf]).toEqual(
          dks.map((dk) => (dk ? dks.filter((o) => o === dk).length : 0))
        )
        expect(facts.generic(BUILT_IN_TEST.tag, never)).toEqual(
          list.map((k) => isGenericLabel(k.label, builtIn))
        )
      }
    }
  })
})
