// The access review as a state machine over plain data: start (one open cycle at a time, with a
// snapshot of keys and findings), decide per key, check practices, complete with a signer.
// Every transition returns a new review or a refusal that says what to fix; nothing is mutated.
import { ageInDays } from '../age'
import type { Finding, Practice } from '../findings'
import { PRACTICES, severityRank } from '../findings'
import type { PolicyInput } from '../rules/types'
import { rotatedAt } from '../rules/keyAgeExceeded'
import { grantsEverything } from '../roleGrants'
import { looksLikeToken } from '../leaks/scanText'
import type { MessageId, Wording } from '../wording'
import { wording } from '../wording'
import { quote, quotedList } from '../secrets'
import { doneGate } from './checklistGates'
import { isRiskyKey } from './keepNeedsJustification'
import { decisionFitsKey, standingDecision } from './externalKeyDecisions'
import { shownText } from './shownText'
import { readableEntries } from './readableEntry'
import type { FindingsNow } from './findingsNow'
import { withFindingsNow } from './findingsNow'
import type { LabelsNow } from './labelNow'
import { nameNow } from './labelNow'
import type { Changes } from '../scan/snapshot'
import type {
  CarriedOut,
  CheckStatus,
  Decision,
  KeyAction,
  Outcome,
  Refusal,
  Review,
  ReviewEvidence,
  ReviewIndex,
  ReviewKey,
} from './types'
import { asksForChange, CHECK_STATUSES, DECISIONS } from './types'

export const MAX_JUSTIFICATION = 1000
export const MAX_NOTE = 1000
const HIGH = severityRank('HIGH')

/** A practice by the name the Admin shows it with (messages/: practice.<PRACTICE>). */
const practiceName = (p: Practice): Wording => ({
  id: `practice.${p}` as MessageId,
})

const refuse = (
  code: Refusal['code'],
  message: Wording,
  field?: string,
  details?: Record<string, unknown>
): Refusal => ({
  ok: false,
  code,
  message,
  field,
  ...(details ? { details } : {}),
})

const audit = (
  r: Review,
  at: Date,
  by: string,
  action: string,
  subject: string,
  detail = ''
) => [...r.audit, { at: at.toISOString(), by, action, subject, detail }]

/** A review key's id for an external key (VTEX gives external keys no id of ours). */
export const externalKeyId = (appKey: string) => `external:${appKey}`

export interface StartInput {
  id: string
  now: Date
  by: string
  policy: PolicyInput
  findings: Finding[]
  leakScan?: ReviewEvidence['leakScan']
  changes?: Changes | null
}

export function startReview(
  index: ReviewIndex,
  s: StartInput
): Outcome<Review> {
  if (index.openId)
    return refuse('CONFLICT', wording('refusal.review.alreadyOpen'))
  const { policy, findings } = s
  const byKey = new Map<string, Finding[]>()

  for (const f of findings)
    if (f.subjectType === 'KEY')
      byKey.set(f.subjectId, [...(byKey.get(f.subjectId) ?? []), f])
  const byExternal = new Map<string, Finding[]>()

  for (const f of findings)
    if (f.subjectType === 'EXTERNAL_KEY')
      byExternal.set(f.subjectId, [...(byExternal.get(f.subjectId) ?? []), f])
  const summary = (fs: Finding[] | undefined) =>
    (fs ?? []).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      practice: f.practice,
    }))

  const keys: ReviewKey[] = [
    ...policy.inventory.keys.map((k) => ({
      id: k.id,
      appKey: k.appKey,
      label: k.label,
      isActive: k.isActive,
      ageDays: k.ageDays,
      rolesKnown: k.rolesKnown,
      roles: k.roles.map((r) => r.name),
      findings: summary(byKey.get(k.id)),
    })),
    // Keys of other accounts holding roles here are reviewed like any key (their roles are ours).
    ...policy.inventory.externalKeys.map((e) => ({
      id: externalKeyId(e.appKey),
      appKey: e.appKey,
      label: e.account,
      isActive: e.isActive,
      ageDays: ageInDays(e.addedDate, s.now),
      rolesKnown: e.rolesKnown,
      roles: e.roles.map((r) => r.name),
      findings: summary(byExternal.get(e.appKey)),
      external: { account: e.account },
    })),
  ]

  const active = policy.inventory.keys.filter((k) => k.isActive)
  const count = (rule: string) =>
    new Set(findings.filter((f) => f.rule === rule).map((f) => f.subjectId))
      .size

  const review: Review = {
    id: s.id,
    status: 'OPEN',
    startedAt: s.now.toISOString(),
    startedBy: s.by,
    keys,
    evidence: {
      activeKeys: active.length,
      activeWithinRotation: active.filter(
        (k) =>
          ageInDays(rotatedAt(policy, k.id, k.createdAt), s.now) <=
          policy.settings.rotationDays
      ).length,
      rotationDays: policy.settings.rotationDays,
      unfinishedRenewals: count('renewal-unfinished'),
      keysHighOrWorse: keys.filter((k) =>
        k.findings.some((f) => severityRank(f.severity) <= HIGH)
      ).length,
      ownerUsers: policy.inventory.users.filter(
        (u) => !u.isBlocked && u.roles.some(grantsEverything)
      ).length, // as user-owner-role counts them
      maxOwnerUsers: policy.settings.maxOwnerUsers,
      keysWithoutOwner: count('no-owner'),
      genericLabels: count('generic-label'),
      duplicateLabels: count('duplicate-label'),
      sharedKeys: count('shared-key'),
      inventoryComplete: policy.inventory.complete,
      leakScan: s.leakScan ?? null,
    },
    checklist: Object.fromEntries(
      PRACTICES.map((p) => [
        p,
        { status: 'OPEN', note: '', by: null, at: null },
      ])
    ) as Review['checklist'],
    decisions: {},
    completedAt: null,
    signedBy: null,
    signatureNote: null,
    audit: [],
    changes: s.changes ?? null,
  }

  return {
    ok: true,
    value: {
      ...review,
      audit: audit(
        review,
        s.now,
        s.by,
        'START',
        review.id,
        `${keys.length} keys`
      ),
    },
  }
}

/**
 * Why a decision on a key would be refused, or null: shared by single and bulk decisions. A
 * refusal names the key as the open review's table does (`labelsNow`: a renamed key by its label now).
 */
export function decisionProblem(
  key: ReviewKey,
  decision: string,
  justification: string,
  labelsNow?: LabelsNow | null
): Refusal | null {
  if (!(DECISIONS as readonly string[]).includes(decision))
    return refuse(
      'BAD_USER_INPUT',
      wording('validation.oneOf', {
        field: 'decision',
        allowed: DECISIONS.join(', '),
      }),
      'decision'
    )
  // Another account's key: Key Steward cannot renew or deactivate it (externalKeyDecisions.ts).
  if (!decisionFitsKey(key, decision as Decision))
    return refuse(
      'BAD_USER_INPUT',
      wording('refusal.review.externalKeyDecision', {
        key: key.external?.account ?? key.label,
        decision,
      }),
      'decision'
    )
  if (justification.length > MAX_JUSTIFICATION)
    return refuse(
      'BAD_USER_INPUT',
      wording('validation.tooLong', {
        field: 'justification',
        max: MAX_JUSTIFICATION,
      }),
      'justification'
    )
  if (looksLikeToken(justification))
    return refuse(
      'BAD_USER_INPUT',
      wording('validation.token', { field: 'justification' }),
      'justification'
    )
  if (decision === 'KEEP' && isRiskyKey(key) && !justification) {
    return refuse(
      'BAD_USER_INPUT',
      wording('refusal.review.keepNeedsJustification', {
        key: nameNow(key, labelsNow),
      }),
      'justification'
    )
  }

  return null
}

/** A key with a HIGH or CRITICAL finding, at start or new since (keeping it needs a justification). */
export { isRiskyKey }

/** Records a valid decision (checked by decisionProblem) with who and when, keeping what was carried out. */
export function recordDecision(
  review: Review,
  key: ReviewKey,
  decision: Decision,
  justification: string,
  by: string,
  now: Date
): Review {
  const previous = review.decisions[key.id]
  const d = {
    decision,
    justification,
    by,
    at: now.toISOString(),
    ...(previous?.carriedOut ? { carriedOut: previous.carriedOut } : {}),
  }

  return {
    ...review,
    decisions: { ...review.decisions, [key.id]: d },
    audit: audit(
      review,
      now,
      by,
      'DECIDE',
      key.id,
      `${decision}${justification ? `: ${justification}` : ''}`
    ),
  }
}

export function decideKey(
  review: Review,
  input: {
    keyId: string
    decision: string
    justification?: string | null
    by: string
    now: Date
    /** the keys' labels in VTEX now (services/review/labelsNow.ts), for a refusal's wording */
    labelsNow?: LabelsNow | null
  }
): Outcome<Review> {
  if (review.status !== 'OPEN')
    return refuse('CONFLICT', wording('refusal.review.decisionsClosed'))
  const key = review.keys.find((k) => k.id === input.keyId)

  if (!key)
    return refuse(
      'NOT_FOUND',
      wording('refusal.review.keyNotInReview', { key: quote(input.keyId) }),
      'keyId'
    )
  const justification = shownText(input.justification)
  const problem = decisionProblem(
    key,
    input.decision,
    justification,
    input.labelsNow
  )

  if (problem) return problem
  const before = review.decisions[key.id]

  // Deciding again what is already decided the same way keeps the original who and when, as a
  // bulk decision does: a double click, or a retry after a gateway error that had already saved
  // it, would otherwise log the decision twice.
  if (
    before &&
    before.decision === input.decision &&
    before.justification === justification
  )
    return { ok: true, value: review }

  return {
    ok: true,
    value: recordDecision(
      review,
      key,
      input.decision as Decision,
      justification,
      input.by,
      input.now
    ),
  }
}

/** The decision each action carries out (reactivating a key carries out none). */
export const DECISION_CARRIED_OUT_BY: Partial<Record<KeyAction, Decision>> = {
  RENEW_TOKEN: 'ROTATE',
  FINISH_RENEWAL: 'ROTATE',
  DEACTIVATE: 'DEACTIVATE',
  REMOVE_ROLE: 'REDUCE_ROLES',
}

/**
 * Actions that only start carrying a decision out: a token renewal is not a rotation until it is
 * finished (the old token still works), so the ROTATE decision is in progress until then.
 */
export const STARTS_CARRYING_OUT: readonly KeyAction[] = ['RENEW_TOKEN']

export type CarryOutStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'CARRIED_OUT'

/** Where carrying a decision out stands, from the actions done through Key Steward. */
export function carryOutStatus(
  decision: { carriedOut?: CarriedOut[] } | null | undefined
): CarryOutStatus {
  const done = decision?.carriedOut ?? []

  if (done.some((c) => !STARTS_CARRYING_OUT.includes(c.action)))
    return 'CARRIED_OUT'

  return done.length ? 'IN_PROGRESS' : 'NOT_STARTED'
}

/**
 * Marks a review's decision on a key as carried out (or, for a renewal's start, in progress) by
 * an action done through Key Steward, when the action is what the decision called for; otherwise
 * the review is unchanged (null). A changed decision keeps what was carried out before it.
 * A completed review is followed up too: signing does not make the changes its decisions ask for,
 * so the actions done after sign-off are added (the signed decisions and checklist stay as signed;
 * the log says when each was carried out).
 */
export function carryOut(
  review: Review,
  input: {
    keyId: string
    action: KeyAction
    detail: string
    by: string
    now: Date
  }
): Review | null {
  const decision = review.decisions[input.keyId]

  if (!decision || DECISION_CARRIED_OUT_BY[input.action] !== decision.decision)
    return null
  const entry = {
    action: input.action,
    detail: input.detail,
    by: input.by,
    at: input.now.toISOString(),
  }

  // Applied again after a write whose answer was lost (appStorage.update): already there.
  if (
    (decision.carriedOut ?? []).some(
      (c) =>
        c.action === entry.action &&
        c.by === entry.by &&
        c.at === entry.at &&
        c.detail === entry.detail
    )
  )
    return review

  return {
    ...review,
    decisions: {
      ...review.decisions,
      [input.keyId]: {
        ...decision,
        carriedOut: [...(decision.carriedOut ?? []), entry],
      },
    },
    audit: audit(
      review,
      input.now,
      input.by,
      STARTS_CARRYING_OUT.includes(input.action)
        ? 'CARRY_OUT_STARTED'
        : 'CARRY_OUT',
      input.keyId,
      `${input.action}${input.detail ? `: ${input.detail}` : ''}`
    ),
  }
}

export function checkPractice(
  review: Review,
  input: {
    practice: string
    status: string
    note?: string | null
    by: string
    now: Date
    leakScan?: ReviewEvidence['leakScan']
  }
): Outcome<Review> {
  if (review.status !== 'OPEN')
    return refuse('CONFLICT', wording('refusal.review.checklistClosed'))
  if (!(PRACTICES as readonly string[]).includes(input.practice))
    return refuse(
      'BAD_USER_INPUT',
      wording('validation.oneOf', {
        field: 'practice',
        allowed: PRACTICES.join(', '),
      }),
      'practice'
    )
  if (!(CHECK_STATUSES as readonly string[]).includes(input.status))
    return refuse(
      'BAD_USER_INPUT',
      wording('validation.oneOf', {
        field: 'status',
        allowed: CHECK_STATUSES.join(', '),
      }),
      'status'
    )
  const practice = input.practice as Practice
  const status = input.status as CheckStatus
  const note = shownText(input.note)

  if (note.length > MAX_NOTE)
    return refuse(
      'BAD_USER_INPUT',
      wording('validation.tooLong', { field: 'note', max: MAX_NOTE }),
      'note'
    )
  if (looksLikeToken(note))
    return refuse(
      'BAD_USER_INPUT',
      wording('validation.token', { field: 'note' }),
      'note'
    )
  if (status === 'NOT_APPLICABLE' && !note)
    return refuse(
      'BAD_USER_INPUT',
      wording('refusal.review.notApplicableNote'),
      'note'
    )
  const current = withLeakScan(review, input.leakScan)
  const gate = status === 'DONE' ? doneGate(current, practice, note) : null

  if (gate?.gate === 'ATTESTATION_NOTE') {
    return refuse(
      'BAD_USER_INPUT',
      wording('refusal.review.attestationNote', {
        practice: practiceName(practice),
      }),
      'note',
      { gate }
    )
  }

  if (gate?.gate === 'ADVERSE_NOTE') {
    return refuse(
      'BAD_USER_INPUT',
      wording('refusal.review.adverseNote', {
        practice: practiceName(practice),
      }),
      'note',
      { gate }
    )
  }

  if (gate?.gate === 'FRESH_SCAN') {
    return refuse(
      'BAD_USER_INPUT',
      wording('refusal.review.freshScan', {
        practice: practiceName(practice),
        ran: gate.lastScanAt ? 'yes' : 'no',
        lastScan: (gate.lastScanAt ?? '').slice(0, 10),
      }),
      'status',
      { gate }
    )
  }

  const check =
    status === 'OPEN'
      ? { status, note, by: null, at: null }
      : { status, note, by: input.by, at: input.now.toISOString() }

  return {
    ok: true,
    value: {
      ...current,
      checklist: { ...current.checklist, [practice]: check },
      audit: audit(
        current,
        input.now,
        input.by,
        'CHECK',
        practice,
        `${status}${note ? `: ${note}` : ''}`
      ),
    },
  }
}

/**
 * The open review with the latest storefront scan as its NO_CLIENT_SIDE evidence when that scan
 * is newer than the one recorded (a scan run during the review counts for it).
 */
export function withLeakScan(
  review: Review,
  scan: ReviewEvidence['leakScan'] | undefined
): Review {
  if (review.status !== 'OPEN' || !scan) return review
  const recorded = review.evidence.leakScan

  if (recorded && recorded.at >= scan.at) return review

  return { ...review, evidence: { ...review.evidence, leakScan: scan } }
}

export interface Progress {
  keysTotal: number
  keysDecided: number
  practicesTotal: number
  practicesClosed: number
  undecided: string[]
  openPractices: Practice[]
  /** keys kept without a justification that have a HIGH or CRITICAL finding now (raised after
   * the decision): sign-off waits for a justification or another decision */
  keptWithoutReason: string[]
}

/** Keys kept without a justification that are risky now (isRiskyKey: a finding may be new). */
export function keptWithoutReason(review: Review): ReviewKey[] {
  return review.keys.filter((k) => {
    const d = review.decisions[k.id]

    // shownText: a justification stored before blank text counted as none
    return (
      d?.decision === 'KEEP' && !shownText(d.justification) && isRiskyKey(k)
    )
  })
}

export function progressOf(review: Review): Progress {
  // a decision that does not fit its key (standingDecision) counts as none, as the Admin shows it
  const undecided = review.keys
    .filter((k) => !standingDecision(review, k))
    .map((k) => k.id)

  const openPractices = PRACTICES.filter(
    (p) => review.checklist[p].status === 'OPEN'
  )

  return {
    keysTotal: review.keys.length,
    keysDecided: review.keys.length - undecided.length,
    practicesTotal: PRACTICES.length,
    practicesClosed: PRACTICES.length - openPractices.length,
    undecided,
    openPractices,
    keptWithoutReason: keptWithoutReason(review).map((k) => k.id),
  }
}

export function completeReview(
  given: Review,
  input: {
    by: string
    now: Date
    note?: string | null
    leakScan?: ReviewEvidence['leakScan']
    /** each key's findings now: what is new since the start is stored with the signed review
     * (the signer saw it; a signed record is never worked out again from later data) */
    findingsNow?: FindingsNow
  }
): Outcome<Review> {
  if (given.status !== 'OPEN')
    return refuse('CONFLICT', wording('refusal.review.alreadyCompleted'))
  const withScan = withLeakScan(given, input.leakScan)
  const review = input.findingsNow
    ? withFindingsNow(withScan, input.findingsNow)
    : withScan

  const note = shownText(input.note)

  if (note.length > MAX_NOTE)
    return refuse(
      'BAD_USER_INPUT',
      wording('validation.tooLong', { field: 'note', max: MAX_NOTE }),
      'note'
    )
  if (looksLikeToken(note))
    return refuse(
      'BAD_USER_INPUT',
      wording('validation.token', { field: 'note' }),
      'note'
    )
  const p = progressOf(review)

  // The client words what is missing from `details` in the admin's language.
  if (p.undecided.length || p.openPractices.length)
    return refuse(
      'BAD_USER_INPUT',
      wording('refusal.review.notReady', {
        undecided: p.undecided.length,
        open: p.openPractices.length,
        both: p.undecided.length && p.openPractices.length ? 'yes' : 'no',
        practices: p.openPractices.map(practiceName),
      }),
      undefined,
      {
        missing: {
          undecidedKeys: p.undecided.length,
          openPractices: p.openPractices,
        },
      }
    )
  // A key kept without a justification while it had no HIGH or CRITICAL finding may have one
  // now (raised during the review): signing would record "kept, no reason" for an exposed key.
  const unjustified = keptWithoutReason(review)

  if (unjustified.length)
    return refuse(
      'BAD_USER_INPUT',
      wording('refusal.review.keptNowRisky', {
        count: unjustified.length,
        keys: quotedList(
          unjustified.slice(0, 5).map((k) => `“${k.label || k.appKey}”`)
        ),
        more: Math.max(0, unjustified.length - 5),
      }),
      'justification',
      {
        keys: unjustified.map((k) => ({
          id: k.id,
          label: k.label || k.appKey,
        })),
      }
    )
  const at = input.now.toISOString()

  return {
    ok: true,
    value: {
      ...review,
      status: 'COMPLETED',
      completedAt: at,
      signedBy: input.by,
      signatureNote: note || null,
      audit: audit(review, input.now, input.by, 'COMPLETE', review.id, note),
    },
  }
}

/** Decisions on the review's keys that ask for a change (followUp.ts counts where they stand):
 * the history tells apart reviews signed the same day by it. */
export const changesAskedIn = (review: Review) =>
  review.keys.filter((k) => asksForChange(review.decisions[k.id])).length

/** The index after a review started or completed. */
export function indexWith(index: ReviewIndex, review: Review): ReviewIndex {
  if (review.status === 'OPEN') return { ...index, openId: review.id }

  return {
    openId: index.openId === review.id ? null : index.openId,
    completed: [
      ...index.completed.filter((c) => c.id !== review.id),
      {
        id: review.id,
        startedAt: review.startedAt,
        completedAt: review.completedAt!,
        signedBy: review.signedBy!,
        keys: review.keys.length,
        changesAsked: changesAskedIn(review),
      },
    ],
  }
}

export const EMPTY_INDEX: ReviewIndex = { openId: null, completed: [] }

/**
 * The most recently completed review's summary, or null; the index appends each review as it
 * completes, so on equal times (a frozen clock) the later entry is the latest. An entry that
 * cannot be read (a damaged index: readableEntry) is never the latest, as the history leaves it
 * out: taken as one, it made an account with completed reviews read "no access review completed
 * yet", or failed the Overview.
 */
export function latestCompleted(
  index: { completed?: unknown } | null | undefined
): ReviewIndex['completed'][number] | null {
  let best: ReviewIndex['completed'][number] | null = null
  let bestAt = -Infinity

  for (const c of readableEntries(index).readable) {
    const at = Date.parse(c.completedAt)

    if (at >= bestAt) {
      best = c
      bestAt = at
    }
  }

  return best
}

/** When the latest completed review was signed (latestCompleted), or null: none, or none readable. */
export const lastCompletedAt = (
  index: { completed?: unknown } | null | undefined
): string | null => latestCompleted(index)?.completedAt ?? null

/**
 * The reviews whose decision an action may carry out, in order: the open one, then the latest
 * completed one (its decisions stand until the next review is signed; older ones were superseded).
 */
export function reviewsToFollowUp(index: ReviewIndex): string[] {
  return [index.openId, latestCompleted(index)?.id].filter(
    (id): id is string => !!id
  )
}
