import type { Exposure } from '../leaks/scanText'
import { evidenceFor, leakScanEvidence } from './checklist'
import type { ReviewEvidence } from './types'

const AT = '2026-11-26T06:00:00.000Z'
const BASE: ReviewEvidence = {
  activeKeys: 4,
  activeWithinRotation: 3,
  rotationDays: 90,
  unfinishedRenewals: 0,
  keysHighOrWorse: 1,
  ownerUsers: 2,
  maxOwnerUsers: 3,
  keysWithoutOwner: 0,
  genericLabels: 0,
  duplicateLabels: 0,
  sharedKeys: 0,
  inventoryComplete: true,
  leakScan: null,
}

const exposure = (appKey: string, o: Partial<Exposure> = {}): Exposure => ({
  kind: 'APP_KEY',
  appKey,
  account: 'acme',
  tokenFound: false,
  tokenMasked: null,
  url: 'https://acme.myvtex.com/arquivos/app.js',
  line: 1,
  column: 1,
  snippet: '',
  ...o,
})

const noClientSide = (leakScan: ReviewEvidence['leakScan']) =>
  evidenceFor('NO_CLIENT_SIDE', { ...BASE, leakScan })

describe('NO_CLIENT_SIDE evidence', () => {
  it.each<[string, ReviewEvidence['leakScan'], ReturnType<typeof evidenceFor>]>(
    [
      ['no scan yet', null, [{ id: 'noLeakScan', value: '—', ok: false }]],
      [
        'a complete scan that found nothing',
        { at: AT, exposedKeys: 0, complete: true, unreadCount: 0 },
        [{ id: 'exposedKeys', value: 0, ok: true }],
      ],
      [
        'a complete scan that found keys',
        { at: AT, exposedKeys: 2, complete: true, unreadCount: 0 },
        [{ id: 'exposedKeys', value: 2, ok: false }],
      ],
      // Issue 16, item 1: with every storefront path answering 503, a review recorded "No
      // client-side keys" as ok.
      [
        'a scan that could not read 7 URLs and found nothing',
        { at: AT, exposedKeys: 0, complete: false, unreadCount: 7 },
        [
          { id: 'exposedKeys', value: 0, ok: false },
          { id: 'leakScanIncomplete', value: 7, ok: false },
        ],
      ],
      [
        'a review started before completeness was recorded',
        { at: AT, exposedKeys: 0 },
        [{ id: 'exposedKeys', value: 0, ok: true }],
      ],
    ]
  )('%s', (_name, leakScan, want) => {
    expect(noClientSide(leakScan)).toEqual(want)
  })
})

describe('leakScanEvidence', () => {
  it('is null before any scan', () => {
    expect(leakScanEvidence(null)).toBeNull()
  })

  it('counts the keys kept from an earlier scan and says the scan is incomplete', () => {
    const scan = {
      at: AT,
      complete: false,
      unreadCount: 9,
      exposures: [
        exposure('vtexappkey-acme-AAAAAA', {
          tokenFound: true,
          lastSeenAt: '2026-11-20T06:00:00.000Z',
        }),
        exposure('vtexappkey-acme-BBBBBB', {
          lastSeenAt: '2026-11-20T06:00:00.000Z',
        }),
        exposure('vtexappkey-acme-BBBBBB'),
      ],
    }

    expect(leakScanEvidence(scan)).toEqual({
      at: AT,
      exposedKeys: 2,
      complete: false,
      unreadCount: 9,
      appKeys: ['vtexappkey-acme-AAAAAA', 'vtexappkey-acme-BBBBBB'],
    })
  })

  it('judges a scan stored before completeness existed by its errors and pages', () => {
    expect(
      leakScanEvidence({
        at: AT,
        exposures: [],
        pagesScanned: 0,
        errors: [{ reason: 'HTTP 503' }],
      })
    ).toEqual({
      at: AT,
      exposedKeys: 0,
      complete: false,
      unreadCount: 1,
      appKeys: [],
    })
    expect(
      leakScanEvidence({
        at: AT,
        exposures: [],
        pagesScanned: 3,
        errors: [{ reason: 'HTTP 404' }],
      })
    ).toEqual({
      at: AT,
      exposedKeys: 0,
      complete: true,
      unreadCount: 0,
      appKeys: [],
    })
  })
})
