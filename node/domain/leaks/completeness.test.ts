import { exposedKeys, scanCompleteness } from './completeness'

const AT = '2026-11-26T06:00:00.000Z'
const exposure = (appKey: string | null) => ({
  kind: 'APP_KEY' as const,
  appKey,
  account: 'acme',
  tokenFound: false,
  tokenMasked: null,
  url: 'https://acme.myvtex.com/',
  line: 1,
  column: 1,
  snippet: '',
})

describe('scanCompleteness', () => {
  it.each([
    [
      'as the scanner stored it',
      { at: AT, exposures: [], complete: false, unreadCount: 3 },
      { complete: false, unreadCount: 3 },
    ],
    [
      'complete as stored',
      { at: AT, exposures: [], complete: true, unreadCount: 0 },
      { complete: true, unreadCount: 0 },
    ],
    [
      'an older scan whose URLs all answered',
      {
        at: AT,
        exposures: [],
        pagesScanned: 3,
        errors: [{ reason: 'HTTP 404' }, { reason: 'HTTP 410' }],
      },
      { complete: true, unreadCount: 0 },
    ],
    [
      'an older scan with a 503 and a timeout',
      {
        at: AT,
        exposures: [],
        pagesScanned: 3,
        errors: [
          { reason: 'HTTP 503' },
          { reason: 'timed out' },
          { reason: 'HTTP 404' },
        ],
      },
      { complete: false, unreadCount: 2 },
    ],
    [
      'an older scan that read no page',
      { at: AT, exposures: [], pagesScanned: 0, errors: [] },
      { complete: false, unreadCount: 0 },
    ],
  ])('%s', (_name, scan, want) => {
    expect(scanCompleteness(scan)).toEqual(want)
  })
})

describe('exposedKeys', () => {
  it('counts distinct appKeys, not tokens or links', () => {
    expect(
      exposedKeys({
        at: AT,
        exposures: [
          exposure('vtexappkey-acme-AAAAAA'),
          exposure('vtexappkey-acme-AAAAAA'),
          exposure('vtexappkey-acme-BBBBBB'),
          exposure(null),
        ],
      })
    ).toBe(2)
  })
})
