// One rule for a review's own document (a VBase file the app writes, which a hand edit or a bad
// restore may damage, as readableEntry.ts says of the index): it is a review only when every
// field that presenting it reads is there in its shape (keys, evidence, checklist, decisions,
// log). The Overview's latest completed review leaves a damaged one out instead of failing with
// an internal error (it read `evidence.inventoryComplete` of a document with no evidence).
import { PRACTICES } from '../findings'
import type { Review } from './types'

const isText = (s: unknown): s is string => typeof s === 'string' && s !== ''

const isRecord = (o: unknown): o is Record<string, unknown> =>
  typeof o === 'object' && o !== null && !Array.isArray(o)

const readableKey = (k: unknown) =>
  isRecord(k) && isText(k.id) && Array.isArray(k.findings)

export function readableReview(doc: unknown): doc is Review {
  if (!isRecord(doc)) return false
  const { checklist, decisions } = doc

  return (
    isText(doc.id) &&
    (doc.status === 'OPEN' || doc.status === 'COMPLETED') &&
    isText(doc.startedAt) &&
    Array.isArray(doc.keys) &&
    doc.keys.every(readableKey) &&
    isRecord(doc.evidence) &&
    isRecord(checklist) &&
    PRACTICES.every((p) => isRecord(checklist[p])) &&
    isRecord(decisions) &&
    Object.values(decisions).every(isRecord) &&
    Array.isArray(doc.audit)
  )
}
