import type { Finding, Severity } from './findings'
import { hygieneScore } from './hygiene'
import type { Inventory } from './types'

const key = (id: string, over: Partial<Inventory['keys'][number]> = {}) => ({ id, appKey: `vtexappkey-acme-${id}`, label: id, createdAt: '2026-01-01T00:00:00Z', ageDays: 10, isActive: true, rolesKnown: true, roles: [], ...over })
const inv = (keys: Array<ReturnType<typeof key>>, externalKeys: Inventory['externalKeys'] = []) => ({ generatedAt: '', complete: true, missing: [], keys, externalKeys, users: [], roles: [] }) as unknown as Inventory
const f = (subjectId: string, severity: Severity, rule = 'owner-role', subjectType = 'KEY'): Finding => ({ rule, severity, practice: 'REASSESS_ACCESS', subjectType, subjectId, subjectLabel: subjectId, params: {} }) as unknown as Finding

describe('hygieneScore (the formula docs/README.md states)', () => {
  it.each([
    ['no keys, no findings', inv([]), [], 100],
    ['healthy keys', inv([key('a'), key('b')]), [], 100],
    ['one CRITICAL of 4 keys: 100 × (1 − 25/100)', inv([key('a'), key('b'), key('c'), key('d')]), [f('a', 'CRITICAL')], 75],
    ['weights 25/10/4/1/0 on 10 keys', inv('abcdefghij'.split('').map(i => key(i))), [f('a', 'HIGH'), f('b', 'MEDIUM'), f('c', 'LOW'), f('d', 'INFO')], 94],
    ['a key loses at most 25', inv([key('a'), key('b')]), [f('a', 'CRITICAL'), f('a', 'CRITICAL'), f('a', 'HIGH')], 50],
    ['inactive keys do not count', inv([key('a'), key('b', { isActive: false })]), [f('b', 'CRITICAL')], 100],
    ['external keys count', inv([key('a')], [{ appKey: 'vtexappkey-x-ABC', account: 'x', addedDate: '', isActive: true, rolesKnown: true, roles: [] }] as never), [f('vtexappkey-x-ABC', 'HIGH', 'external-broad-access', 'EXTERNAL_KEY')], 80],
    ['an overdue review costs 10', inv([key('a')]), [f('acme', 'MEDIUM', 'review-overdue', 'ACCOUNT')], 90],
    ['too many Owner users cost 5, once', inv([key('a')]), [f('u1', 'MEDIUM', 'user-owner-role', 'USER'), f('u2', 'MEDIUM', 'user-owner-role', 'USER')], 95],
    ['never below 0', inv([key('a')]), [f('a', 'CRITICAL'), f('acme', 'MEDIUM', 'review-overdue', 'ACCOUNT'), f('u', 'MEDIUM', 'user-owner-role', 'USER')], 0],
    ['a key whose roles are unknown counts as fully unhealthy', inv([key('a'), key('b', { rolesKnown: false })]), [], 50],
    ['an unreadable user list keeps the too-many-Owners penalty', { ...inv([key('a')]), usersKnown: false } as Inventory, [], 95],
    ['a user whose roles are unknown keeps it too', { ...inv([key('a')]), users: [{ id: 'u', email: 'u@x', name: 'u', isAdmin: false, isBlocked: false, rolesKnown: false, roles: [] }] } as unknown as Inventory, [], 95],
  ])('%s → %s', (_, inventory, findings, score) => {
    expect(hygieneScore(inventory, findings as Finding[]).score).toBe(score)
  })

  it('partial data never scores higher than the complete read', () => {
    const keys = [key('a'), key('b'), key('c')]
    const complete = hygieneScore(inv(keys), [f('b', 'CRITICAL')]).score
    const partial = hygieneScore(inv([keys[0], key('b', { rolesKnown: false }), keys[2]]), []).score
    expect(partial).toBeLessThanOrEqual(complete)
  })

  it('counts findings by severity', () => {
    expect(hygieneScore(inv([key('a')]), [f('a', 'HIGH'), f('a', 'LOW'), f('a', 'LOW')]).counts).toEqual({ CRITICAL: 0, HIGH: 1, MEDIUM: 0, LOW: 2, INFO: 0 })
  })
})
