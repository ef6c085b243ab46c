import type { AuditRecord } from './audit'
import {
  answerable,
  readableAuditLog,
  shownState,
  shownText,
  unreadableAuditEntries,
} from './auditStateShown'

const TOKEN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(4)

describe('an audit record’s stored state as GraphQL shows it (damaged entries too)', () => {
  it('shows a state the service wrote, every value present', () => {
    expect(
      shownState({ code: 'RENEWAL', renewal: 'POSSIBLY_PENDING' })
    ).toEqual({
      code: 'RENEWAL',
      date: null,
      renewal: 'POSSIBLY_PENDING',
      roles: null,
    })
    expect(shownState({ code: 'ONE_TOKEN', date: '2026-11-26' })).toEqual({
      code: 'ONE_TOKEN',
      date: '2026-11-26',
      renewal: null,
      roles: null,
    })
    expect(shownState({ code: 'ROLES', roles: ['Viewer'] })?.roles).toEqual([
      'Viewer',
    ])
  })

  it('is null for a state GraphQL could not show (its English text is shown instead)', () => {
    expect(shownState(undefined)).toBeNull()
    expect(shownState('ACTIVE')).toBeNull()
    expect(shownState({ code: 'SOMETHING_NEWER' })).toBeNull()
    expect(shownState({ code: 'active' })).toBeNull()
    expect(shownState({ code: 'RENEWAL' })).toBeNull()
    expect(shownState({ code: 'RENEWAL', renewal: 'MAYBE' })).toBeNull()
    expect(shownState({ code: 'ROLES', roles: 'Viewer' })).toBeNull()
  })

  it('never shows a token, nor anything but a day, from a hand-edited value', () => {
    expect(
      shownState({ code: 'LAST_RENEWAL', date: `2026-11-26 ${TOKEN}` })?.date
    ).toBe('2026-11-26')
    expect(shownState({ code: 'LAST_RENEWAL', date: TOKEN })?.date).toBeNull()
    expect(
      shownState({ code: 'LAST_RENEWAL', date: 20261126 })?.date
    ).toBeNull()
    const roles = shownState({ code: 'ROLES', roles: [TOKEN, 7, 'OMS'] })!
      .roles!

    expect(roles).toHaveLength(2)
    expect(roles.join(' ')).not.toContain(TOKEN.slice(0, 20))
    expect(roles[1]).toBe('OMS')
    expect(shownText(`renewal none ${TOKEN}`)).not.toContain(TOKEN.slice(0, 20))
    expect(shownText(undefined)).toBe('')
  })
})

describe('a stored audit log as it is read back', () => {
  it('holds nothing when damaged, leaves out what is not a record, keeps readable states only', () => {
    expect(readableAuditLog({ broken: true })).toEqual([])
    expect(readableAuditLog(null)).toEqual([])
    const log = readableAuditLog([
      null,
      'x',
      {
        id: 'a',
        before: 'active',
        after: 'inactive',
        beforeState: { code: 'ACTIVE' },
        afterState: { code: 'SOMETHING_NEWER' },
      },
      { id: 'b', before: 'active', after: 'inactive' },
    ])

    expect(log.map((r) => r.id)).toEqual(['a', 'b'])
    expect(log[0].beforeState).toEqual({ code: 'ACTIVE' })
    expect(log[0].afterState).toBeUndefined()
    expect(log[1].beforeState).toBeUndefined()
    expect(JSON.stringify(log[1])).not.toContain('State')
  })
})

describe('an audit record GraphQL can answer', () => {
  const record = {
    id: 'a',
    at: '2026-11-26T12:00:00.000Z',
    by: 'ana@example.com',
    action: 'DEACTIVATE',
    keyId: 'k',
    appKey: 'vtexappkey-x',
    label: 'ERP',
    outcome: 'DONE',
  } as unknown as AuditRecord

  it('has its fields present and an action and outcome GraphQL knows', () => {
    expect(answerable(record)).toBe(true)
    expect(answerable({ ...record, action: 'SOMETHING_NEWER' } as never)).toBe(
      false
    )
    expect(answerable({ ...record, outcome: 'done' } as never)).toBe(false)
    expect(answerable({ ...record, by: undefined } as never)).toBe(false)
    expect(answerable({ ...record, id: 7 } as never)).toBe(false)
  })

  it('counts what the key page leaves out: none for no log, one for a file not a list', () => {
    expect(unreadableAuditEntries(null)).toBe(0)
    expect(unreadableAuditEntries(undefined)).toBe(0)
    expect(unreadableAuditEntries([])).toBe(0)
    expect(unreadableAuditEntries([record, record])).toBe(0)
    expect(unreadableAuditEntries({ broken: true })).toBe(1)
    expect(
      unreadableAuditEntries([
        record,
        null,
        'not a record',
        { ...record, action: 'SOMETHING_NEWER' },
        { ...record, by: undefined },
      ])
    ).toBe(4)
  })
})
