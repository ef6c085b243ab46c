// What the daily scan keeps of the account (no tokens: keys, users, role names, findings), and
// what changed between two scans. VTEX offers no public audit API; this is how admins see
// who-has-what drift.
import { ageInDays } from '../age'
import type { Finding } from '../findings'
import type { Inventory, RoleInfo } from '../types'

export interface Snapshot {
  at: string
  complete: boolean
  keys: Array<{ id: string; appKey: string; label: string; createdAt: string; isActive: boolean; rolesKnown: boolean; roles: RoleInfo[] }>
  users: Array<{ id: string; email: string; name: string; isAdmin: boolean; isBlocked: boolean; rolesKnown: boolean; roles: RoleInfo[] }>
  roles: RoleInfo[]
  externalKeys: Inventory['externalKeys']
  /** what the scan could not read */
  missing: string[]
  /** ids of keys past their rotation period at that time */
  staleKeyIds: string[]
  findings: Array<{ rule: string; severity: string; subjectId: string }>
}

export interface RoleChange { subjectType: 'KEY' | 'USER'; subjectId: string; label: string; role: string }

export interface Changes {
  from: string | null
  to: string
  keysCreated: Array<{ id: string; label: string }>
  keysRemoved: Array<{ id: string; label: string }>
  keysDeactivated: Array<{ id: string; label: string }>
  keysReactivated: Array<{ id: string; label: string }>
  rolesAdded: RoleChange[]
  rolesRemoved: RoleChange[]
  /** keys that crossed their rotation period since the previous scan */
  keysCrossedRotation: Array<{ id: string; label: string }>
}

export function buildSnapshot(inventory: Inventory, findings: Finding[], now: Date): Snapshot {
  return {
    at: now.toISOString(),
    complete: inventory.complete,
    keys: inventory.keys.map(k => ({ id: k.id, appKey: k.appKey, label: k.label, createdAt: k.createdAt, isActive: k.isActive, rolesKnown: k.rolesKnown, roles: k.roles })),
    users: inventory.users.map(u => ({ id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, isBlocked: u.isBlocked, rolesKnown: u.rolesKnown, roles: u.roles })),
    roles: inventory.roles,
    externalKeys: inventory.externalKeys,
    missing: inventory.missing,
    staleKeyIds: findings.filter(f => f.rule === 'key-age-exceeded').map(f => f.subjectId).sort(),
    findings: findings.map(f => ({ rule: f.rule, severity: f.severity, subjectId: f.subjectId })),
  }
}

function roleDiff(type: RoleChange['subjectType'], id: string, label: string, beforeRoles: RoleInfo[], afterRoles: RoleInfo[]) {
  const before = beforeRoles.map(r => r.name)
  const after = afterRoles.map(r => r.name)
  const b = new Set(before)
  const a = new Set(after)
  return {
    added: after.filter(r => !b.has(r)).map(role => ({ subjectType: type, subjectId: id, label, role })),
    removed: before.filter(r => !a.has(r)).map(role => ({ subjectType: type, subjectId: id, label, role })),
  }
}

/** The inventory as the daily scan saw it, with ages as of `now` (shown when the live read is slow). */
export function inventoryFromSnapshot(s: Snapshot, now: Date): Inventory {
  return {
    source: 'SNAPSHOT',
    generatedAt: s.at,
    complete: s.complete,
    missing: s.missing ?? [],
    keys: s.keys.map(k => ({ ...k, ageDays: ageInDays(k.createdAt, now) })),
    externalKeys: s.externalKeys ?? [],
    users: s.users,
    roles: s.roles,
  }
}

/** Differences between two snapshots; roles that could not be read on either side are not compared. */
export function diffSnapshots(prev: Snapshot | null, next: Snapshot): Changes {
  const changes: Changes = { from: prev?.at ?? null, to: next.at, keysCreated: [], keysRemoved: [], keysDeactivated: [], keysReactivated: [], rolesAdded: [], rolesRemoved: [], keysCrossedRotation: [] }
  if (!prev) return changes
  const before = new Map(prev.keys.map(k => [k.id, k]))
  const after = new Map(next.keys.map(k => [k.id, k]))
  for (const k of next.keys) {
    const old = before.get(k.id)
    const label = k.label || k.appKey
    if (!old) { changes.keysCreated.push({ id: k.id, label }); continue }
    if (old.isActive && !k.isActive) changes.keysDeactivated.push({ id: k.id, label })
    if (!old.isActive && k.isActive) changes.keysReactivated.push({ id: k.id, label })
    if (old.rolesKnown && k.rolesKnown) {
      const d = roleDiff('KEY', k.id, label, old.roles, k.roles)
      changes.rolesAdded.push(...d.added)
      changes.rolesRemoved.push(...d.removed)
    }
  }
  for (const k of prev.keys) if (!after.has(k.id)) changes.keysRemoved.push({ id: k.id, label: k.label || k.appKey })
  const usersBefore = new Map(prev.users.map(u => [u.id, u]))
  for (const u of next.users) {
    const old = usersBefore.get(u.id)
    if (old && old.rolesKnown && u.rolesKnown) {
      const d = roleDiff('USER', u.id, u.email, old.roles, u.roles)
      changes.rolesAdded.push(...d.added)
      changes.rolesRemoved.push(...d.removed)
    }
  }
  const staleBefore = new Set(prev.staleKeyIds)
  for (const id of next.staleKeyIds) {
    if (!staleBefore.has(id)) changes.keysCrossedRotation.push({ id, label: (after.get(id)?.label || after.get(id)?.appKey) ?? id })
  }
  return changes
}
