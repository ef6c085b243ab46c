import { ForbiddenError, NotFoundError, UserInputError } from '@vtex/api'

import type { Refusal } from '../domain/review/types'
import type { FieldError } from '../domain/settings'
import { english, withWording } from '../services/wording'
import { conflictError, withCode } from './errors'

/**
 * A domain refusal as the GraphQL error an admin reads: in English here, and in the admin's
 * language in the GraphQL answer (services/wording.ts).
 */
export function refusalError(r: Refusal): Error {
  const details = r.details ?? {}
  const message = english(r.message)
  const said = { message: r.message, fields: [r.message] }

  if (r.code === 'BAD_USER_INPUT')
    return withWording(
      withCode(new UserInputError(message), 'BAD_USER_INPUT', {
        ...(r.field ? { fields: [{ field: r.field, message }] } : {}),
        ...details,
      }),
      said
    )
  if (r.code === 'NOT_FOUND')
    return withWording(
      withCode(new NotFoundError(message), 'NOT_FOUND', details),
      said
    )
  if (r.code === 'FORBIDDEN')
    return withWording(
      withCode(new ForbiddenError(message), 'FORBIDDEN', details),
      said
    )

  return withWording(conflictError(r.message, details), said)
}

/** Every bad field, each with its message; the error's message lists them all. */
export function invalidFields<E extends FieldError>(errors: E[]): Error {
  const words = errors.map((e) => e.message)

  return withWording(
    withCode(
      new UserInputError(words.map(english).join('; ')),
      'BAD_USER_INPUT',
      {
        fields: errors.map((e) => ({ ...e, message: english(e.message) })),
      }
    ),
    { message: words, fields: words }
  )
}
