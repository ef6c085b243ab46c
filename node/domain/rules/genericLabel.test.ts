import type { Settings } from '../settings'
import type { Case, Summary } from '../testing/build'
import {
  input,
  key,
  paramsText,
  run,
  summary,
  TOKEN_RUN,
} from '../testing/build'
import { genericLabel as rule } from './genericLabel'

const finding = (subjectId: string): Summary => ({
  rule: 'generic-label',
  severity: 'LOW',
  practice: 'INDIVIDUAL_KEYS',
  subjectType: 'KEY',
  subjectId,
})

function labelled(
  label: string,
  fires: boolean,
  settings: Partial<Settings> = {},
  isActive = true
): Case {
  const k = key({ label, isActive })
  const extra = settings.extraGenericLabels
    ? ` (extra generic: ${settings.extraGenericLabels.join(', ')})`
    : ''

  return [
    `${JSON.stringify(label)}${extra}${isActive ? '' : ', inactive'}`,
    input({ keys: [k], settings }),
    fires ? [finding(k.id)] : [],
  ]
}

const cases: Case[] = [
  labelled('', true),
  labelled('   ', true),
  labelled('test', true),
  labelled('Teste 2', true),
  labelled('TEMP', true),
  labelled('New key', true),
  labelled('api', true),
  labelled('Chave', true),
  labelled('Test!', true),
  labelled('test-01', true),
  labelled('Integração', true),
  labelled('API Key 3', true),
  labelled('test', true, {}, false),
  labelled('Loja piloto', true, { extraGenericLabels: ['Loja piloto'] }),
  labelled('LOJA-PILOTO 2', true, { extraGenericLabels: ['Loja piloto'] }),
  labelled('Loja piloto', false),
  labelled('ERP orders sync', false),
  labelled('Test harness for Adyen', false),
  labelled('Latest prices feed', false),
  labelled('Temp sensor integration', false),
]

describe('generic-label', () => {
  it.each(cases)('%s', (_name, policyInput, want) => {
    expect(run(rule, policyInput).map(summary)).toEqual(want)
  })

  it('names an unlabelled key by its appKey', () => {
    const k = key({ label: '' })
    const [f] = run(rule, input({ keys: [k] }))

    expect(f.subjectLabel).toBe(k.appKey)
    expect(f.params).toEqual({})
  })

  it('never puts a token in params', () =>
    expect(paramsText(cases.flatMap((c) => run(rule, c[1])))).not.toMatch(
      TOKEN_RUN
    ))
})
