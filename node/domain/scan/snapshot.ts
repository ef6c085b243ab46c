// What the daily scan keeps of the account (no tokens: keys, users, role names, findings), and
// what changed between two scans. VTEX offers no public audit API; this is how admins see
// who-has-what drift.
import { ageInDays, parseTime } from '../age'
import type { Finding } from '../findings'
import type { Inventory, RoleInfo } from '../types'

/**
 * Roles last read for a subject whose roles this scan could not read, and when: the next scan
 * compares against them, so a partial scan never hides a grant made meanwhile.
 */
export interface KnownRoles {
  roles: RoleInfo[]
  asOf: string
}

export interface Snapshot {
  at: string
  complete: boolean
  keys: Array<{
    id: string
    appKey: string
    label: string
    createdAt: string
    isActive: boolean
    rolesKnown: boolean
    roles: RoleInfo[]
    knownRoles?: KnownRoles
  }>
  users: Array<{
    id: string
    email: string
    name: string
    isAdmin: boolean
    isBlocked: boolean
    rolesKnown: boolean
    roles: RoleInfo[]
    knownRoles?: KnownRoles
  }>
  roles: RoleInfo[]
  /** false when the scan could not read the user list (its users are carried, roles unknown) */
  usersKnown?: boolean
  externalKeys: Inventory['externalKeys']
  /** what the scan could not read (worded when shown; text: saved in English before that) */
  missing: Inventory['missing']
  /** ids of keys past their rotation period at that time */
  staleKeyIds: string[]
  findings: Array<{ rule: string; severity: string; subjectId: string }>
}

export interface RoleChange {
  subjectType: 'KEY' | 'USER'
  subjectId: string
  label: string
  role: string
}

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
  /** keys and users whose roles could not be compared: unreadable now, or never read before */
  rolesNotCompared: Array<{
    subjectType: 'KEY' | 'USER'
    subjectId: string
    label: string
  }>
}

/** The roles to compare against for a subject of a snapshot: read then, or carried from earlier. */
function baseline(
  s:
    | { rolesKnown: boolean; roles: RoleInfo[]; knownRoles?: KnownRoles }
    | undefined,
  at: string
): KnownRoles | undefined {
  if (!s) return undefined

  return s.rolesKnown ? { roles: s.roles, asOf: at } : s.knownRoles
}

export function buildSnapshot(
  inventory: Inventory,
  findings: Finding[],
  now: Date,
  prev: Snapshot | null = null
): Snapshot {
  const prevKeys = new Map(prev?.keys.map((k) => [k.id, k]))
  const prevUsers = new Map(prev?.users.map((u) => [u.id, u]))
  const carry = <T extends { id: string; rolesKnown: boolean }>(
    s: T,
    before: Map<string, Snapshot['keys'][number] | Snapshot['users'][number]>
  ) => {
    const known =
      s.rolesKnown || !prev ? undefined : baseline(before.get(s.id), prev.at)

    return known ? { knownRoles: known } : {}
  }

  return {
    at: now.toISOString(),
    complete: inventory.complete,
    keys: inventory.keys.map((k) => ({
      id: k.id,
      appKey: k.appKey,
      label: k.label,
      createdAt: k.createdAt,
      isActive: k.isActive,
      rolesKnown: k.rolesKnown,
      roles: k.roles,
      ...carry(k, prevKeys),
    })),
    // A user list that could not be read keeps the users last known, roles unknown, so the next
    // complete scan still compares their roles with the last ones read.
    users:
      inventory.usersKnown === false && prev
        ? prev.users.map((u) => ({
            ...u,
            rolesKnown: false,
            roles: [],
            ...carry({ id: u.id, rolesKnown: false }, prevUsers),
          }))
        : inventory.users.map((u) => ({
            id: u.id,
            email: u.email,
            name: u.name,
            isAdmin: u.isAdmin,
            isBlocked: u.isBlocked,
            rolesKnown: u.rolesKnown,
            roles: u.roles,
            ...carry(u, prevUsers),
          })),
    usersKnown: inventory.usersKnown !== false,
    roles: inventory.roles,
    externalKeys: inventory.externalKeys,
    missing: inventory.missing,
    staleKeyIds: findings
      .filter((f) => f.rule === 'key-age-exceeded')
      .map((f) => f.subjectId)
      .sort(),
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      subjectId: f.subjectId,
    })),
  }
}

function roleDiff(
  type: RoleChange['subjectType'],
  id: string,
  label: string,
  beforeRoles: RoleInfo[],
  afterRoles: RoleInfo[]
) {
  const before = beforeRoles.map((r) => r.name)
  const after = afterRoles.map((r) => r.name)
  const b = new Set(before)
  const a = new Set(after)

  return {
    added: after
      .filter((r) => !b.has(r))
      .map((role) => ({ subjectType: type, subjectId: id, label, role })),
    removed: before
      .filter((r) => !a.has(r))
      .map((role) => ({ subjectType: type, subjectId: id, label, role })),
  }
}

/** The inventory as the daily scan saw it, with ages as of `now` (shown when the live read is slow). */
export function inventoryFromSnapshot(s: Snapshot, now: Date): Inventory {
  return {
    source: 'SNAPSHOT',
    generatedAt: s.at,
    complete: s.complete,
    missing: s.missing ?? [],
    // Roles carried from an earlier scan are for comparing, never shown as current.
    keys: s.keys.map(({ knownRoles: _k, ...k }) => ({
      ...k,
      createdMs: parseTime(k.createdAt),
      ageDays: ageInDays(k.createdAt, now),
    })),
    externalKeys: s.externalKeys ?? [],
    users: s.users.map(({ knownRoles: _k, ...u }) => u),
    usersKnown: s.usersKnown !== false,
    roles: s.roles,
  }
}

/**
 * Differences between two snapshots. Roles are compared against the last roles known for each
 * subject (read by the previous scan, or carried from an earlier one when it could not read
 * them); subjects whose roles cannot be compared are listed, never reported as unchanged.
 */
export function diffSnapshots(prev: Snapshot | null, next: Snapshot): Changes {
  const changes: Changes = {
    from: prev?.at ?? null,
    to: next.at,
    keysCreated: [],
    keysRemoved: [],
    keysDeactivated: [],
    keysReactivated: [],
    rolesAdded: [],
    rolesRemoved: [],
    keysCrossedRotation: [],
    rolesNotCompared: [],
  }

  if (!prev) return changes
  const before = new Map(prev.keys.map((k) => [k.id, k]))
  const after = new Map(next.keys.map((k) => [k.id, k]))

  for (const k of next.keys) {
    const old = before.get(k.id)
    const label = k.label || k.appKey

    if (!old) {
      changes.keysCreated.push({ id: k.id, label })
      continue
    }

    if (old.isActive && !k.isActive)
      changes.keysDeactivated.push({ id: k.id, label })
    if (!old.isActive && k.isActive)
      changes.keysReactivated.push({ id: k.id, label })
    const known = baseline(old, prev.at)

    if (known && k.rolesKnown) {
      const d = roleDiff('KEY', k.id, label, known.roles, k.roles)

      changes.rolesAdded.push(...d.added)
      changes.rolesRemoved.push(...d.removed)
    } else {
      changes.rolesNotCompared.push({
        subjectType: 'KEY',
        subjectId: k.id,
        label,
      })
    }
  }

  for (const k of prev.keys)
    if (!after.has(k.id))
      changes.keysRemoved.push({ id: k.id, label: k.label || k.appKey })
  const usersBefore = new Map(prev.users.map((u) => [u.id, u]))

  for (const u of next.users) {
    const old = usersBefore.get(u.id)

    if (!old) continue
    const known = baseline(old, prev.at)

    if (known && u.rolesKnown) {
      const d = roleDiff('USER', u.id, u.email, known.roles, u.roles)

      changes.rolesAdded.push(...d.added)
      changes.rolesRemoved.push(...d.removed)
    } else {
      changes.rolesNotCompared.push({
        subjectType: 'USER',
        subjectId: u.id,
        label: u.email,
      })
    }
  }

  const staleBefore = new Set(prev.staleKeyIds)

  for (const id of next.staleKeyIds) {
    if (!staleBefore.has(id))
      changes.keysCrossedRotation.push({
        id,
        label: (after.get(id)?.label || after.get(id)?.appKey) ?? id,
      })
  }

  return changes
}

/** Whether a diff found nothing (a run with nothing to say must not replace one that had). */
export function isEmptyChanges(c: Changes): boolean {
  return [
    c.keysCreated,
    c.keysRemoved,
    c.keysDeactivated,
    c.keysReactivated,
    c.rolesAdded,
    c.rolesRemoved,
    c.keysCrossedRotation,
    c.rolesNotCompared,
  ].every((l) => l.length === 0)
}
