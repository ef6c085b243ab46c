// Test support: small builders for rule tests. Every builder gives a healthy, plain subject;
// a test overrides only what its case is about.
import { ageInDays, DAY_MS, parseTime } from '../age'
import { sharedFacts } from '../engine'
import type { Finding } from '../findings'
import { Report } from '../rules/report'
import type { Annotation, PolicyInput, Renewal, Rule } from '../rules/types'
import type { Settings } from '../settings'
import { DEFAULT_SETTINGS } from '../settings'
import type {
  ExternalKeyEntry,
  Inventory,
  KeyEntry,
  RoleInfo,
  UserEntry,
} from '../types'

export const NOW = new Date('2026-11-26T12:00:00Z')

/** ISO time exactly `n` days before NOW (whole days: ageInDays gives back `n`). */
export function daysAgo(n: number): string {
  return new Date(NOW.getTime() - n * DAY_MS).toISOString()
}

let seq = 0
const next = () => ++seq
/** Uppercase letters only, so ids and appKeys look like VTEX's without being tokens. */
const letters = (n: number) =>
  n
    .toString(26)
    .split('')
    .map((c) => String.fromCharCode(65 + parseInt(c, 26)))
    .join('')
    .padStart(4, 'Q')

export function role(overrides: Partial<RoleInfo> = {}): RoleInfo {
  const n = next()

  return {
    id: 500 + n,
    name: `Catalog editor ${letters(n)}`,
    isAdmin: false,
    roleType: 0,
    products: [],
    ...overrides,
  }
}

export const OWNER: RoleInfo = {
  id: 1,
  name: 'Owner (Admin Super)',
  isAdmin: true,
  roleType: 0,
  products: [],
}
export const USER_ADMIN: RoleInfo = {
  id: 2,
  name: 'User Administrator - RESTRICTED',
  isAdmin: false,
  roleType: 0,
  products: ['License Manager'],
}
/** A narrow predefined role: grants neither everything nor key management. */
export const CALL_CENTER: RoleInfo = {
  id: 3,
  name: 'Call center operator',
  isAdmin: false,
  roleType: 0,
  products: ['Telemarketing', 'OMS'],
}
/** A custom role: never judged by its name; key-managing only when declared in the settings. */
export const CUSTOM_AUDITOR: RoleInfo = {
  id: 1001,
  name: 'Auditor',
  isAdmin: false,
  roleType: 1,
  products: [],
}

/** An active key created 10 days before NOW, with a unique, specific label and known roles (none). */
export function key(overrides: Partial<KeyEntry> = {}): KeyEntry {
  const n = next()
  const createdAt = overrides.createdAt ?? daysAgo(10)

  return {
    id: `key-${n}`,
    appKey: `vtexappkey-acme-${letters(n)}`,
    label: `Orders feed ${letters(n)}`,
    createdAt,
    createdMs: parseTime(createdAt),
    isActive: true,
    ageDays: ageInDays(createdAt, NOW),
    rolesKnown: true,
    roles: [],
    ...overrides,
  }
}

export function user(overrides: Partial<UserEntry> = {}): UserEntry {
  const n = next()

  return {
    id: `user-${n}`,
    email: `person${n}@acme.example`,
    name: `Person ${n}`,
    isAdmin: false,
    isBlocked: false,
    rolesKnown: true,
    roles: [],
    ...overrides,
  }
}

export function external(
  overrides: Partial<ExternalKeyEntry> = {}
): ExternalKeyEntry {
  const n = next()

  return {
    appKey: `vtexappkey-partner-${letters(n)}`,
    account: 'partner',
    addedDate: daysAgo(30),
    isActive: true,
    rolesKnown: true,
    roles: [],
    ...overrides,
  }
}

export interface InputParts {
  account?: string
  now?: Date
  keys?: KeyEntry[]
  users?: UserEntry[]
  externalKeys?: ExternalKeyEntry[]
  roles?: RoleInfo[]
  inventory?: Partial<Inventory>
  settings?: Partial<Settings>
  annotations?: Record<string, Annotation>
  renewals?: Record<string, Renewal>
  /** defaults to 10 days ago, so review-overdue stays quiet unless a test wants it */
  lastReviewCompletedAt?: string | null
}

/** A complete PolicyInput for account 'acme' at NOW, default settings, nothing recorded. */
export function input(parts: InputParts = {}): PolicyInput {
  const now = parts.now ?? NOW

  return {
    account: parts.account ?? 'acme',
    now,
    inventory: {
      generatedAt: now.toISOString(),
      complete: true,
      missing: [],
      keys: parts.keys ?? [],
      externalKeys: parts.externalKeys ?? [],
      users: parts.users ?? [],
      roles: parts.roles ?? [OWNER, USER_ADMIN, CALL_CENTER, CUSTOM_AUDITOR],
      ...parts.inventory,
    },
    settings: { ...DEFAULT_SETTINGS, ...parts.settings },
    annotations: parts.annotations ?? {},
    renewals: parts.renewals ?? {},
    lastReviewCompletedAt:
      parts.lastReviewCompletedAt === undefined
        ? daysAgo(10)
        : parts.lastReviewCompletedAt,
  }
}

/** Evaluates one rule as the engine does. */
export function run(rule: Rule, policyInput: PolicyInput): Finding[] {
  const report = new Report(rule, policyInput.inventory.keys)

  rule.evaluate(policyInput, sharedFacts(policyInput), report)

  return report.findings
}

/** The identifying part of a finding (rule and practice included, so every row checks them). */
export type Summary = Pick<
  Finding,
  'rule' | 'severity' | 'practice' | 'subjectType' | 'subjectId'
>

export function summary(f: Finding): Summary {
  return {
    rule: f.rule,
    severity: f.severity,
    practice: f.practice,
    subjectType: f.subjectType,
    subjectId: f.subjectId,
  }
}

/** A table row: what the case is, the input, and the findings expected (in the rule's order). */
export type Case = [string, PolicyInput, Summary[]]

/** A token is 128 capital letters; no finding's params may carry one. */
export const TOKEN_RUN = /[A-Z]{128}/

/** All params of the findings, as text, for the token check. */
export function paramsText(findings: Finding[]): string {
  return JSON.stringify(findings.map((f) => f.params))
}
