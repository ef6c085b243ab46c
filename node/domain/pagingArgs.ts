// A paging argument (offset, limit) that is not a whole number in its range is refused, never
// clamped: `limit: -5` read as 1 answers a question nobody asked, and bad input gets a clear,
// specific error that changes nothing. Absent (null) is the default.
import type { Wording } from './wording'
import { wording } from './wording'

/** What is wrong with a whole-number argument (from `min`, up to `max` when given); null if nothing. */
export function wholeNumberProblem(
  field: string,
  value: number | null | undefined,
  min: number,
  max?: number
): Wording | null {
  if (value === null || value === undefined) return null
  if (
    Number.isInteger(value) &&
    value >= min &&
    (max === undefined || value <= max)
  )
    return null

  return max === undefined
    ? wording('validation.wholeFrom', { field, min })
    : wording('validation.range', { field, min, max })
}
