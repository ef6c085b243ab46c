import type { Case, Summary } from '../testing/build'
import {
  input,
  key,
  paramsText,
  run,
  summary,
  TOKEN_RUN,
} from '../testing/build'
import { duplicateLabel as rule } from './duplicateLabel'

const finding = (subjectId: string): Summary => ({
  rule: 'duplicate-label',
  severity: 'LOW',
  practice: 'INDIVIDUAL_KEYS',
  subjectType: 'KEY',
  subjectId,
})

/** Keys with these labels; `flagged` lists the indexes expected to be reported. */
function labels(name: string, ls: string[], flagged: number[]): Case {
  const keys = ls.map((label) => key({ label }))

  return [name, input({ keys }), flagged.map((i) => finding(keys[i].id))]
}

const cases: Case[] = [
  labels('"Feed sync" and " feed SYNC "', ['Feed sync', ' feed SYNC '], [0, 1]),
  labels(
    '"Feed sync" and "Féed sync" (accents)',
    ['Feed sync', 'Féed sync'],
    [0, 1]
  ),
  labels(
    '"Feed  sync" and "feed sync" (inner spaces)',
    ['Feed  sync', 'feed sync'],
    [0, 1]
  ),
  labels(
    'three "ERP" among others',
    ['ERP', 'Marketplace', 'erp', 'ERP '],
    [0, 2, 3]
  ),
  labels('unique labels', ['Feed sync', 'ERP orders', 'Marketplace'], []),
  labels(
    '"Feed sync" and "Feed sync 2" differ',
    ['Feed sync', 'Feed sync 2'],
    []
  ),
  labels('two empty labels (left to generic-label)', ['', ''], []),
  labels('two blank labels (left to generic-label)', ['   ', ' '], []),
  labels('a single key', ['Feed sync'], []),
]

describe('duplicate-label', () => {
  it.each(cases)('%s', (_name, policyInput, want) => {
    expect(run(rule, policyInput).map(summary)).toEqual(want)
  })

  it('reports how many keys share the label, on each of them', () => {
    const a = key({ label: 'Feed sync' })
    const b = key({ label: ' feed SYNC ' })

    expect(run(rule, input({ keys: [a, b] })).map((f) => f.params)).toEqual([
      { count: 2 },
      { count: 2 },
    ])
    expect(
      run(
        rule,
        input({ keys: ['ERP', 'erp', 'Erp'].map((label) => key({ label })) })
      ).map((f) => f.params.count)
    ).toEqual([3, 3, 3])
  })

  it('never puts a token in params', () =>
    expect(paramsText(cases.flatMap((c) => run(rule, c[1])))).not.toMatch(
      TOKEN_RUN
    ))
})
