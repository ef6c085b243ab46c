import type { AuditRecord } from './audit'
import { appended, auditRecord, monthOf, monthsBetween, within } from './audit'
import { redactTokens } from './secrets'

const TOKEN = 'K'.repeat(128)
const base = (over: Partial<AuditRecord> = {}): AuditRecord =>
  auditRecord({
    id: 'a1',
    at: '2026-11-26T12:00:00.000Z',
    by: 'ana@acme.com',
    action: 'DEACTIVATE',
    keyId: 'k1',
    appKey: 'vtexappkey-acme-ORYNWX',
    label: 'ERP',
    before: 'active',
    after: 'inactive',
    vtex: { endpoint: 'PUT /api/vlm/appkeys/{id}', status: 200, answer: '' },
    outcome: 'DONE',
    reviewId: null,
    ...over,
  })

describe('audit records', () => {
  it('never hold a token, even if one was passed in', () => {
    const r = base({
      before: `token ${TOKEN}`,
      vtex: {
        endpoint: 'PATCH renew',
        status: 200,
        answer: `{"newToken":"${TOKEN}"}`,
      },
      note: TOKEN.slice(0, 40),
    })

    expect(JSON.stringify(r)).not.toMatch(/K{32}/)
    expect(r.vtex!.answer).toBe('{"newToken":"KKKK…[128 characters redacted]"}')
  })

  it('keep ordinary words, appKeys and dates', () => {
    expect(
      redactTokens(
        'vtexappkey-acme-ORYNWX renewed 2026-11-26 (HTTP 409 Conflict)'
      )
    ).toBe('vtexappkey-acme-ORYNWX renewed 2026-11-26 (HTTP 409 Conflict)')
  })

  it('are appended, never changed; appending the same record again changes nothing', () => {
    const first = base()
    const log = appended(null, first)
    const second = base({
      id: 'a2',
      action: 'REACTIVATE',
      before: 'inactive',
      after: 'active',
    })

    const longer = appended(log, second)

    expect(longer).toEqual([first, second])
    expect(log).toEqual([first])
    expect(appended(longer, second)).toBe(longer)
  })
})

describe('months', () => {
  it('go into one file per month', () =>
    expect(monthOf('2026-11-26T12:00:00Z')).toBe('2026-11'))
  it('are listed across a year end', () =>
    expect(
      monthsBetween('2026-11-03T00:00:00Z', '2027-02-01T00:00:00Z')
    ).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']))
  it('a window inside one month is that month', () =>
    expect(
      monthsBetween('2026-11-03T00:00:00Z', '2026-11-26T00:00:00Z')
    ).toEqual(['2026-11']))
  it('filter a window, keeping the order records were appended in', () => {
    const a = base({ id: 'a', at: '2026-11-01T00:00:00.000Z' })
    const b = base({ id: 'b', at: '2026-11-10T00:00:00.000Z' })
    const c = base({ id: 'c', at: '2026-12-01T00:00:00.000Z' })
    const d = base({ id: 'd', at: '2026-12-01T00:00:00.000Z' })

    expect(
      within(
        [a, b, c, d],
        '2026-11-02T00:00:00.000Z',
        '2026-12-01T00:00:00.000Z'
      ).map((r) => r.id)
    ).toEqual(['b', 'c', 'd'])
  })
})
