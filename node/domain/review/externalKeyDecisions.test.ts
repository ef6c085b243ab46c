import type { ReviewKey } from './types'
import { DECISIONS } from './types'
import {
  changeMadeOutside,
  decisionFitsKey,
  EXTERNAL_KEY_DECISIONS,
} from './externalKeyDecisions'

const own: ReviewKey = {
  id: 'k1',
  appKey: 'vtexappkey-acme-AAAAAA',
  label: 'ERP sync',
  isActive: true,
  ageDays: 10,
  rolesKnown: true,
  roles: ['Owner (Admin Super)'],
  findings: [],
}

const external: ReviewKey = {
  ...own,
  id: 'external:vtexappkey-partner-BBBBBB',
  appKey: 'vtexappkey-partner-BBBBBB',
  label: 'partner',
  external: { account: 'partner' },
}

describe('decisions on an external key', () => {
  it('are Keep and Reduce roles only: Key Steward cannot renew or deactivate another account’s key', () => {
    expect(EXTERNAL_KEY_DECISIONS).toEqual(['KEEP', 'REDUCE_ROLES'])
    expect(DECISIONS.filter((d) => decisionFitsKey(external, d))).toEqual([
      'KEEP',
      'REDUCE_ROLES',
    ])
  })

  it('leave every decision to a key of this account', () => {
    expect(DECISIONS.filter((d) => decisionFitsKey(own, d))).toEqual([
      ...DECISIONS,
    ])
  })

  it('ask for changes made outside Key Steward (it cannot track them)', () => {
    expect(changeMadeOutside(external)).toBe(true)
    expect(changeMadeOutside(own)).toBe(false)
  })
})
