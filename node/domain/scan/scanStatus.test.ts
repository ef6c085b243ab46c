import type { Missing } from '../types'
import { wording } from '../wording'
import {
  inventoryOutcome,
  NAMED_MISSING,
  OK,
  shownProblem,
  shownState,
  storefrontOutcome,
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

describe('storefrontOutcome: judged as the Exposure page judges the same scan', () => {
  const scan = {
    at: '2026-11-28T06:00:00.000Z',
    exposures: [],
    pagesScanned: 3,
    truncated: false,
  }

  const notes = (...reasons: string[]) =>
    reasons.map((reason, i) => ({
      url: `https://acme.myvtex.com/${i}.js`,
      reason,
    }))

  // walk14 #2: two dead script links made every daily scan "partial" (Overview, Settings)
  it('is OK when the only URLs not read answered 404 or 410 (an answer: nothing is there)', () => {
    const gone = notes('HTTP 404', 'HTTP 410')

    expect(
      storefrontOutcome(
        { ...scan, errors: gone, complete: true, unreadCount: 0 },
        false
      )
    ).toEqual(OK)
    // a scan stored without complete is judged from its errors, the same way
    expect(storefrontOutcome({ ...scan, errors: gone }, false)).toEqual(OK)
  })

  it('is partial with the URLs that could not be read, the 404s left out', () => {
    const expected = {
      state: 'PARTIAL',
      problem: 'INCOMPLETE',
      detail: null,
      unreadUrls: 1,
      limitReached: false,
    }

    const errors = notes('HTTP 404', 'HTTP 503')

    expect(
      storefrontOutcome(
        { ...scan, errors, complete: false, unreadCount: 1 },
        false
      )
    ).toEqual(expected)
    expect(storefrontOutcome({ ...scan, errors }, false)).toEqual(expected)
  })

  it('is partial when a limit stopped the crawl or the deadline came, even with every URL read', () => {
    const read = { ...scan, errors: [], complete: true, unreadCount: 0 }

    expect(
      storefrontOutcome({ ...read, truncated: true }, false)
    ).toMatchObject({
      state: 'PARTIAL',
      problem: 'INCOMPLETE',
      limitReached: true,
    })
    expect(storefrontOutcome(read, true)).toMatchObject({
      state: 'PARTIAL',
      problem: 'DEADLINE',
      unreadUrls: 0,
    })
  })
})
