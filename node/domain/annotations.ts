// What an admin records about a key (owner, integrations, purpose, notes), validated.
import type { Annotation } from './rules/types'
import type { FieldError } from './settings'
import { looksLikeToken } from './leaks/scanText'
import { wording } from './wording'

export const LIMITS = {
  owner: 254,
  integrations: 10,
  integration: 80,
  purpose: 300,
  notes: 1000,
}
/** The longest text any annotation field keeps (notes; integrations joined are shorter). */
const LONGEST_TEXT = Math.max(
  LIMITS.owner,
  LIMITS.purpose,
  LIMITS.notes,
  LIMITS.integrations * (LIMITS.integration + 1)
)

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function validateAnnotation(input: {
  owner?: unknown
  integrations?: unknown
  purpose?: unknown
  notes?: unknown
}): { ok: true; value: Annotation } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const text = (v: unknown) =>
    typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : null

  const owner = text(input.owner)

  if (
    owner === null ||
    owner.length > LIMITS.owner ||
    (owner && !EMAIL.test(owner))
  )
    errors.push({
      field: 'owner',
      message: wording('validation.annotation.owner', { max: LIMITS.owner }),
    })
  const raw = input.integrations ?? []
  const integrations = Array.isArray(raw) ? raw.map(text) : null

  if (
    !integrations ||
    integrations.length > LIMITS.integrations ||
    integrations.some(
      (i) => i === null || i.length === 0 || i.length > LIMITS.integration
    )
  ) {
    errors.push({
      field: 'integrations',
      message: wording('validation.annotation.integrations', {
        max: LIMITS.integrations,
        length: LIMITS.integration,
      }),
    })
  }

  const purpose = text(input.purpose)

  if (purpose === null || purpose.length > LIMITS.purpose)
    errors.push({
      field: 'purpose',
      message: wording('validation.tooLong', {
        field: 'purpose',
        max: LIMITS.purpose,
      }),
    })
  const notes = text(input.notes)

  if (notes === null || notes.length > LIMITS.notes)
    errors.push({
      field: 'notes',
      message: wording('validation.tooLong', {
        field: 'notes',
        max: LIMITS.notes,
      }),
    })
  const texts: Array<[string, unknown]> = [
    ['owner', owner],
    ['integrations', (integrations ?? []).join(' ')],
    ['purpose', purpose],
    ['notes', notes],
  ]

  // A text longer than any field keeps is refused for its length and not looked into: the token
  // check on a megabyte of hostile text costs seconds, and nothing is stored anyway. (Up to that,
  // a text is looked into even past its own field's limit, so a pasted token is named as one.)
  for (const [field, value] of texts)
    if (
      typeof value === 'string' &&
      value.length <= LONGEST_TEXT &&
      looksLikeToken(value)
    )
      errors.push({ field, message: wording('validation.token', { field }) })
  if (errors.length) return { ok: false, errors }

  return {
    ok: true,
    value: {
      owner: owner || undefined,
      integrations: integrations as string[],
      purpose: purpose || undefined,
      notes: notes || undefined,
    },
  }
}
