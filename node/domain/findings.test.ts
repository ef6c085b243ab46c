import type { Finding, Severity } from './findings'
import {
  compareFindings,
  compareIgnoringCase,
  inFindingOrder,
  compareBySubject,
} from './findings'

const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

// A small deterministic generator: labels drawn from characters that exercise the fast path
// (ASCII of both cases, digits, punctuation) and the fallback (accents, ß, İ, a non-BMP sign).
function seeded(seed: number) {
  let s = seed

  return () => {
    s = (s * 1103515245 + 12345) % 2147483648

    return s / 2147483648
  }
}

const ALPHABET = 'aAbBzZ09 -#_(ÁáçÇßİi\u{1F511}'.match(/./gu)!

function labels(n: number, seed = 1): string[] {
  const rnd = seeded(seed)

  return Array.from({ length: n }, () =>
    Array.from(
      { length: Math.floor(rnd() * 6) },
      () => ALPHABET[Math.floor(rnd() * ALPHABET.length)]
    ).join('')
  )
}

describe('compareIgnoringCase', () => {
  it('orders exactly as comparing the lower-cased strings, ASCII or not', () => {
    const xs = labels(400)

    for (const a of xs)
      for (const b of xs.slice(0, 60))
        expect(Math.sign(compareIgnoringCase(a, b))).toBe(
          plain(a.toLowerCase(), b.toLowerCase())
        )
  })
})

const finding = (
  rule: string,
  severity: Severity,
  subjectLabel: string,
  subjectId: string
): Finding => ({
  rule,
  severity,
  practice: 'REASSESS_ACCESS',
  subjectType: 'KEY',
  subjectId,
  subjectLabel,
  params: {},
})

describe('inFindingOrder', () => {
  const rnd = seeded(7)
  const severities: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO']
  const all = labels(300, 3).map((label, i) =>
    finding(
      ['owner-role', 'no-owner', 'generic-label'][i % 3],
      severities[Math.floor(rnd() * severities.length)],
      label,
      `id-${Math.floor(rnd() * 50)}`
    )
  )
  const byRule = (fs: Finding[], ordered: (rule: string) => boolean) =>
    ['owner-role', 'no-owner', 'generic-label'].map((rule) => {
      const findings = fs.filter((f) => f.rule === rule)

      return {
        rule,
        findings,
        at: findings.map((f) => all.indexOf(f)),
        ordered: ordered(rule),
      }
    })

  it('gives the order of compareFindings for findings in any order, each with its own `at`', () => {
    const want = [...all].sort(compareFindings)

    for (const fs of [all, [...all].reverse()]) {
      const out = inFindingOrder(byRule(fs, () => false))

      expect(out.findings).toEqual(want)
      expect(out.at).toEqual(want.map((f) => all.indexOf(f)))
    }
  })

  it('trusts a rule said to be in subject order, and only that rule', () => {
    const ordered = all
      .filter((f) => f.rule === 'no-owner')
      .sort(compareBySubject)
      .reverse()
    const others = all.filter((f) => f.rule !== 'no-owner')

    // a rule claimed to be in order is left as it came; the others are sorted
    const out = inFindingOrder(
      byRule([...ordered, ...others], (rule) => rule === 'no-owner')
    ).findings

    expect(out.filter((f) => f.rule !== 'no-owner')).toEqual(
      [...others].sort(compareFindings)
    )
    for (const severity of severities)
      expect(
        out.filter((f) => f.rule === 'no-owner' && f.severity === severity)
      ).toEqual(ordered.filter((f) => f.severity === severity))
  })
})
