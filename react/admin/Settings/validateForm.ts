// The settings form checked in the browser with the limits the service serves
// (Query.settingsLimits), giving the same codes the service gives, so both render the same
// per-field message. The service checks again (and knows the account's roles).

import type { SettingErrorCode } from '../graphql/settingErrorCodes.generated'
import type { KeyStewardSettingsQuery } from '../graphql/types.generated'

export type SettingLimit = KeyStewardSettingsQuery['settingsLimits'][number]
/** The codes the service gives too (generated from node/domain/settings.ts). */
export type ProblemCode = SettingErrorCode
export interface FieldProblem {
  field: string
  code: ProblemCode
  params?: Record<string, number | string>
  entry?: string
}

type ListField =
  | 'extraGenericLabels'
  | 'scanExtraPaths'
  | 'reminderEmails'
  | 'auditors'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PATH = /^\/\S*$/

/** A number field as typed: "" is cleared, "90.5" is not whole, "abc" is not a number. */
export function checkNumber(
  field: string,
  text: string,
  limit: SettingLimit | undefined
): FieldProblem | null {
  const min = limit?.min ?? 0
  const max = limit?.max ?? Number.MAX_SAFE_INTEGER
  const trimmed = text.trim()

  if (trimmed === '') return { field, code: 'REQUIRED', params: { min, max } }
  const n = Number(trimmed)

  if (!/^-?\d+$/.test(trimmed) || !Number.isSafeInteger(n))
    return { field, code: 'NOT_WHOLE_NUMBER', params: { min, max } }
  if (n < min || n > max)
    return { field, code: 'OUT_OF_RANGE', params: { min, max } }

  return null
}

/** Why one entry of a list field is refused, or null. */
function entryProblem(
  field: ListField,
  entry: string,
  limit: SettingLimit | undefined
): FieldProblem | null {
  if (limit?.maxLength != null && entry.length > limit.maxLength)
    return {
      field,
      code: 'TOO_LONG',
      params: { max: limit.maxLength },
      entry: entry.slice(0, 80),
    }
  if (
    (field === 'reminderEmails' || field === 'auditors') &&
    !EMAIL.test(entry)
  )
    return { field, code: 'BAD_EMAIL', entry }
  if (field === 'scanExtraPaths' && !PATH.test(entry))
    return { field, code: 'BAD_PATH', entry }

  return null
}

/** A comma-separated list field: every bad entry, each named once (as the service does). */
export function checkList(
  field: ListField,
  items: string[],
  limit: SettingLimit | undefined
): FieldProblem[] {
  if (limit?.maxItems != null && items.length > limit.maxItems)
    return [
      {
        field,
        code: 'TOO_MANY',
        params: { max: limit.maxItems, count: items.length },
      },
    ]
  const problems = new Map<string, FieldProblem>()

  for (const entry of items) {
    const p = entryProblem(field, entry, limit)

    if (p) problems.set(`${p.code}\u0000${p.entry ?? ''}`, p)
  }

  return [...problems.values()]
}

export const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
