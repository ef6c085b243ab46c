// A review as GraphQL serves it. Lists that grow with the account (keys, audit) are built by the
// Review type's field resolvers (resolvers/review.ts reviewFields) only when a query selects
// them: a decision's answer or the page header never builds 5,000 keys it does not send.
import { ATTESTED, evidenceFor } from '../../domain/review/checklist'
import { doneGate, isAdverse } from '../../domain/review/checklistGates'
import type {
  DecisionFilter,
  DecisionSort,
} from '../../domain/review/decisionPage'
import { decisionPage } from '../../domain/review/decisionPage'
import { keysBehind } from '../../domain/review/evidenceKeys'
import {
  keptCriticalAtSignOff,
  keptExposedAtSignOff,
} from '../../domain/review/keptAtSignOff'
import { standingDecision } from '../../domain/review/externalKeyDecisions'
import { followUpOf } from '../../domain/review/followUp'
import {
  carryOutStatus,
  isRiskyKey,
  keptWithoutReason,
  progressOf,
} from '../../domain/review/machine'
import type { Review, ReviewKey } from '../../domain/review/types'
import { DECISIONS } from '../../domain/review/types'
import { PRACTICES } from '../../domain/findings'

export function presentKey(r: Review, k: ReviewKey) {
  // as progress and the filters count it: a Rotate stored on an external key is none
  const d = standingDecision(r, k)

  return {
    ...k,
    // for ReviewKey.labelNow: only an open review's keys are compared with VTEX now
    reviewOpen: r.status === 'OPEN',
    external: !!k.external,
    account: k.external?.account ?? null,
    newFindings: k.newFindings ?? [],
    risky: isRiskyKey(k),
    decision: d
      ? {
          decision: d.decision,
          justification: d.justification,
          decidedBy: d.by,
          decidedAt: d.at,
          carriedOut: d.carriedOut ?? [],
          carryOutStatus: carryOutStatus(d),
        }
      : null,
  }
}

export function presentProgress(r: Review) {
  const p = progressOf(r)
  const counts = new Map<string, number>()

  // the decisions that stand (a Rotate on an external key in an open review is to be chosen again)
  for (const k of r.keys) {
    const d = standingDecision(r, k)

    if (d) counts.set(d.decision, (counts.get(d.decision) ?? 0) + 1)
  }

  return {
    keysTotal: p.keysTotal,
    keysDecided: p.keysDecided,
    practicesTotal: p.practicesTotal,
    practicesClosed: p.practicesClosed,
    // codes: the Admin names them in the admin's language (messages/)
    openPractices: p.openPractices,
    keptWithoutReason: p.keptWithoutReason.length,
    keptWithoutReasonKeys: keptWithoutReason(r)
      .slice(0, 5)
      .map((k) => ({ id: k.id, label: k.label || k.appKey })),
    // null on a review signed before the findings raised during it were stored (a wrong number)
    keptExposed: keptExposedAtSignOff(r),
    keptCritical: keptCriticalAtSignOff(r),
    decisionCounts: DECISIONS.map((decision) => ({
      decision,
      count: counts.get(decision) ?? 0,
    })),
    // what the decisions asking for a change still need (signing does not make them)
    ...followUpOf(r),
  }
}

export function presentReview(r: Review) {
  return {
    id: r.id,
    status: r.status,
    startedAt: r.startedAt,
    startedBy: r.startedBy,
    completedAt: r.completedAt,
    signedBy: r.signedBy,
    signatureNote: r.signatureNote,
    inventoryComplete: r.evidence.inventoryComplete,
    leakScanAt: r.evidence.leakScan?.at ?? null,
    findingsNowKnown: !r.findingsNowUnknown,
    progress: presentProgress(r),
    checklist: PRACTICES.map((practice) => {
      const c = r.checklist[practice]
      const gate =
        r.status === 'OPEN' && c.status !== 'DONE'
          ? doneGate(r, practice, '')
          : null

      return {
        practice,
        status: c.status,
        note: c.note,
        checkedBy: c.by,
        checkedAt: c.at,
        attested: ATTESTED.includes(practice),
        adverse: isAdverse(r, practice),
        doneNeeds: gate?.gate ?? null,
        evidence: evidenceFor(practice, r.evidence).map((e) => {
          const keyIds = keysBehind(r, e.id)

          // the page links by count and evidence id, not by thousands of ids (keyList)
          return {
            ...e,
            value: String(e.value),
            keyIds,
            keyCount: keyIds.length,
          }
        }),
      }
    }),
    auditTotal: r.audit.length,
    /** the stored review, for the field resolvers below */
    source: r,
  }
}

export type PresentedReview = ReturnType<typeof presentReview>

export const reviewFields = {
  keys: (p: PresentedReview) =>
    p.source.keys.map((k) => presentKey(p.source, k)),
  audit: (
    p: PresentedReview,
    args: { offset?: number | null; limit?: number | null }
  ) => {
    const offset = Math.max(0, args.offset ?? 0)
    const entries =
      args.limit === undefined || args.limit === null
        ? p.source.audit.slice(offset)
        : p.source.audit.slice(offset, offset + Math.max(0, args.limit))

    return presentAudit(p.source, entries)
  },
}

/**
 * The log as stored (it is evidence: codes and the words people wrote), with the name of the key
 * an entry is about, so the Admin can word it ("Decided Deactivate for ERP sync").
 */
export function presentAudit(r: Review, entries: Review['audit']) {
  const keys = new Map(r.keys.map((k) => [k.id, k]))
  const labels = new Map<string, number>()

  for (const k of r.keys) labels.set(k.label, (labels.get(k.label) ?? 0) + 1)

  return entries.map((e) => {
    const k = keys.get(e.subject)
    // two keys named alike ("Feed sync" twice) are told apart by their appKey
    const repeats = !!k && (!k.label || (labels.get(k.label) ?? 0) > 1)

    return {
      ...e,
      subjectLabel: k ? k.label || k.appKey : null,
      subjectAppKey: repeats && k.label ? k.appKey : null,
    }
  })
}

export function presentPage(
  r: Review,
  q: {
    filter?: DecisionFilter | null
    sort?: DecisionSort | null
    offset?: number | null
    limit?: number | null
  }
) {
  const page = decisionPage(r, q)

  return {
    reviewId: r.id,
    total: page.total,
    offset: page.offset,
    keys: page.keys.map((k) => presentKey(r, k)),
    rules: page.rules,
    findingsNowKnown: !r.findingsNowUnknown,
  }
}
