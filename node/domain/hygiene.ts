// The hygiene score (0–100), documented in docs/README.md:
// each active key (and each registered external key) starts healthy and loses weight per
// finding — CRITICAL 25, HIGH 10, MEDIUM 4, LOW 1, INFO 0 — capped at 25 (a key cannot be
// worse than fully unhealthy). The key part of the score is 100 × (1 − lost / (25 × keys)).
// Account findings then subtract fixed points: an overdue review 10, too many Owner users 5.
// An active key whose roles could not be read counts as fully unhealthy (25) until they are:
// its findings are unknown, and partial data must never raise the score. For the same reason an
// unreadable user list (or users whose roles are unknown) keeps the too-many-Owners penalty.
import { SEVERITIES, Severity } from './findings'
import type { Finding } from './findings'
import type { Inventory } from './types'

export const SEVERITY_WEIGHT: Record<Severity, number> = { CRITICAL: 25, HIGH: 10, MEDIUM: 4, LOW: 1, INFO: 0 }
export const KEY_CAP = 25
export const ACCOUNT_PENALTY: Record<string, number> = { 'review-overdue': 10, 'user-owner-role': 5 }

export interface Hygiene {
  score: number
  counts: Record<Severity, number>
}

export function hygieneScore(inventory: Inventory, findings: Finding[]): Hygiene {
  const counts = Object.fromEntries(SEVERITIES.map(s => [s, 0])) as Record<Severity, number>
  for (const f of findings) counts[f.severity]++

  const scored = new Set<string>()
  const lost = new Map<string, number>()
  for (const k of inventory.keys) {
    if (!k.isActive) continue
    scored.add(k.id)
    if (!k.rolesKnown) lost.set(k.id, KEY_CAP)
  }
  for (const e of inventory.externalKeys) scored.add(e.appKey)
  for (const f of findings) {
    const weight = SEVERITY_WEIGHT[f.severity]
    if (weight && (f.subjectType === 'KEY' || f.subjectType === 'EXTERNAL_KEY') && scored.has(f.subjectId)) {
      lost.set(f.subjectId, Math.min(KEY_CAP, (lost.get(f.subjectId) ?? 0) + weight))
    }
  }
  let totalLost = 0
  for (const v of lost.values()) totalLost += v
  const keyPart = scored.size ? 100 * (1 - totalLost / (KEY_CAP * scored.size)) : 100
  const accountRules = new Set(findings.filter(f => f.rule in ACCOUNT_PENALTY).map(f => f.rule))
  // Users whose roles are unknown may hold Owner: their penalty stays until they are read.
  if (inventory.usersKnown === false || inventory.users.some(u => !u.rolesKnown && !u.isBlocked)) accountRules.add('user-owner-role')
  const penalty = [...accountRules].reduce((sum, r) => sum + ACCOUNT_PENALTY[r], 0)
  return { score: Math.max(0, Math.min(100, Math.round(keyPart - penalty))), counts }
}
