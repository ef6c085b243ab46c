import type { Missing } from '../types'
import { wording } from '../wording'
import {
  inventoryOutcome,
  NAMED_MISSING,
  OK,
  shownProblem,
  shownState,
} from './scanStatus'

const keyRoles = (n: number) =>
  wording('inventory.missing.keyRoles', {
    label: `Key ${n}`,
    appKey: `vtexappkey-acme-${n}`,
    because: '',
  })

describe('inventoryOutcome', () => {
  it('is OK when the inventory is complete', () => {
    expect(inventoryOutcome({ complete: true, missing: [] })).toEqual(OK)
  })

  // A walk found this detail in English on pt and es pages: the status keeps the parts as data
  // (message ids and values), worded when an admin reads it (services/dailyScan/stepDetail.ts).
  it('keeps the first parts as data, not words, and counts them all', () => {
    const missing: Missing[] = [1, 2, 3, 4, 5].map(keyRoles)
    const outcome = inventoryOutcome({ complete: false, missing })

    expect(outcome).toEqual({
      state: 'PARTIAL',
      problem: 'INCOMPLETE',
      detail: null,
      missing: missing.slice(0, NAMED_MISSING),
      missingCount: 5,
    })
    // stored in VBase as JSON: read back the same
    expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome)
  })

  it('keeps a part that is already text (an inventory copy saved in English) as it is', () => {
    const outcome = inventoryOutcome({
      complete: false,
      missing: ['roles of key "A" (vtexappkey-acme-A)'],
    })

    expect(outcome.missing).toEqual(['roles of key "A" (vtexappkey-acme-A)'])
    expect(outcome.missingCount).toBe(1)
  })
})

describe('shownState and shownProblem (a stored status from another version, or by hand)', () => {
  it('keeps what this version knows', () => {
    expect(shownState('PARTIAL')).toBe('PARTIAL')
    expect(shownProblem('DEADLINE')).toBe('DEADLINE')
    expect(shownProblem(null)).toBeNull()
    expect(shownProblem(undefined)).toBeNull()
  })

  it('shows anything else as a failure it cannot name, never an error for the whole status', () => {
    for (const odd of ['WEIRD', '', 7, {}, null, '__proto__'])
      expect(shownState(odd)).toBe('FAILED')
    for (const odd of ['PARTIAL', 'NEW_PROBLEM', 7, {}, 'toString'])
      expect(shownProblem(odd)).toBe('UNEXPECTED')
  })
})
