import type { Annotation } from './types'
import type { Case, Summary } from '../testing/build'
import {
  input,
  key,
  paramsText,
  run,
  summary,
  TOKEN_RUN,
} from '../testing/build'
import { noOwner as rule } from './noOwner'

const finding = (subjectId: string): Summary => ({
  rule: 'no-owner',
  severity: 'INFO',
  practice: 'INDIVIDUAL_KEYS',
  subjectType: 'KEY',
  subjectId,
})

function annotated(
  name: string,
  annotation: Annotation | null,
  fires: boolean,
  isActive = true
): Case {
  const k = key({ isActive })

  return [
    name,
    input({ keys: [k], annotations: annotation ? { [k.id]: annotation } : {} }),
    fires ? [finding(k.id)] : [],
  ]
}

const cases: Case[] = [
  annotated('active, no annotation', null, true),
  annotated('active, owner ""', { owner: '' }, true),
  annotated('active, owner "   "', { owner: '   ' }, true),
  annotated(
    'active, annotated without an owner',
    { purpose: 'ERP orders', integrations: ['ERP'] },
    true
  ),
  annotated('active, owner set', { owner: 'ana@acme.example' }, false),
  annotated('inactive, no annotation', null, false, false),
  annotated('inactive, owner ""', { owner: '' }, false, false),
]

describe('no-owner', () => {
  it.each(cases)('%s', (_name, policyInput, want) => {
    expect(run(rule, policyInput).map(summary)).toEqual(want)
  })

  it('an annotation of another key does not count', () => {
    const k = key()

    expect(
      run(
        rule,
        input({
          keys: [k],
          annotations: { 'another-key': { owner: 'ana@acme.example' } },
        })
      ).map(summary)
    ).toEqual([finding(k.id)])
  })

  it('never puts a token in params', () =>
    expect(paramsText(cases.flatMap((c) => run(rule, c[1])))).not.toMatch(
      TOKEN_RUN
    ))
})
