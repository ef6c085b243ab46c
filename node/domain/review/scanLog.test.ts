import { decideKey } from './machine'
import { logScan, scanDetail } from './scanLog'
import type { Review } from './types'
import { BY, LATER, NOW, ok, startedReview } from './testing/review'

const started: Review = startedReview()

const [a, b] = started.keys.filter((k) => !k.external)
const scan = (
  at: Date,
  extra: Partial<NonNullable<Review['evidence']['leakScan']>> = {}
) => ({
  at: at.toISOString(),
  exposedKeys: 3,
  complete: true,
  appKeys: [a.appKey, b.appKey, 'vtexappkey-elsewhere-XYZ'],
  ...extra,
})

describe('logScan: a storefront scan run during the open review is in its log', () => {
  const decided = ok(
    decideKey(started, {
      keyId: a.id,
      decision: 'KEEP',
      justification: 'widget',
      by: BY,
      now: LATER,
    })
  )

  it('adds an entry after the decisions taken before it, naming each exposed key by label and appKey', () => {
    const at = new Date(LATER.getTime() + 60_000)
    const logged = logScan(decided, scan(at), 'bruno@acme.com')!

    expect(logged.audit.slice(0, decided.audit.length)).toEqual(decided.audit)
    expect(logged.audit.at(-1)).toEqual({
      at: at.toISOString(),
      by: 'bruno@acme.com',
      action: 'SCAN',
      subject: at.toISOString(),
      detail: `3 keys exposed: ${a.label} (${a.appKey}), ${b.label} (${b.appKey}), vtexappkey-elsewhere-XYZ`,
    })
    // the decisions and everything else are as they were
    expect({ ...logged, audit: decided.audit }).toEqual(decided)
  })

  it('logs a scan once (a retried write), not a scan from before the start, and never a signed review', () => {
    const at = new Date(LATER.getTime() + 60_000)
    const logged = logScan(decided, scan(at), BY)!

    expect(logScan(logged, scan(at), BY)).toBeNull()
    expect(
      logScan(decided, scan(new Date(NOW.getTime() - 1000)), BY)
    ).toBeNull()
    expect(logScan(decided, null, BY)).toBeNull()
    const signed: Review = { ...decided, status: 'COMPLETED' }

    expect(logScan(signed, scan(at), BY)).toBeNull()
  })

  it('words no exposure and an incomplete scan', () => {
    expect(
      scanDetail(started, scan(LATER, { exposedKeys: 0, appKeys: [] }))
    ).toBe('0 keys exposed')
    expect(
      scanDetail(
        started,
        scan(LATER, { exposedKeys: 1, appKeys: [a.appKey], complete: false })
      )
    ).toBe(`1 key exposed (incomplete): ${a.label} (${a.appKey})`)
  })
})
