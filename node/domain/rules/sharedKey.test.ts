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
import { sharedKey as rule } from './sharedKey'

const finding = (subjectId: string): Summary => ({
  rule: 'shared-key',
  severity: 'MEDIUM',
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
  annotated('two integrations', { integrations: ['ERP', 'Marketplace'] }, true),
  annotated(
    'three integrations',
    { integrations: ['ERP', 'Marketplace', 'Feed'] },
    true
  ),
  annotated(
    'two integrations on an inactive key',
    { integrations: ['ERP', 'Marketplace'] },
    true,
    false
  ),
  annotated(
    'the same integration twice, in different case',
    { integrations: ['ERP', 'erp'] },
    false
  ),
  annotated(
    'the same integration twice, with surrounding spaces',
    { integrations: [' ERP ', 'erp'] },
    false
  ),
  annotated(
    'the same integration twice, with doubled inner spaces',
    { integrations: ['ERP  sync', 'erp sync'] },
    false
  ),
  annotated('one integration', { integrations: ['ERP'] }, false),
  annotated(
    'one integration and a blank entry',
    { integrations: ['ERP', '  '] },
    false
  ),
  annotated('an empty list', { integrations: [] }, false),
  annotated(
    'an annotation without integrations',
    { owner: 'ana@acme.example' },
    false
  ),
  annotated('no annotation', null, false),
]

describe('shared-key', () => {
  it.each(cases)('%s', (_name, policyInput, want) => {
    expect(run(rule, policyInput).map(summary)).toEqual(want)
  })

  it('reports how many integrations and which', () => {
    const k = key()

    expect(
      run(
        rule,
        input({
          keys: [k],
          annotations: {
            [k.id]: { integrations: ['ERP', 'Marketplace', 'erp'] },
          },
        })
      )[0].params
    ).toMatchObject({
      count: 2,
      integrations: 'ERP, Marketplace, erp',
    })
  })

  it('never puts a token in params', () =>
    expect(paramsText(cases.flatMap((c) => run(rule, c[1])))).not.toMatch(
      TOKEN_RUN
    ))
})
