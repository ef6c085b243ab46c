import { ForbiddenError, NotFoundError, UserInputError } from '@vtex/api'

import type { Refusal } from '../domain/review/types'
import type { FieldError } from '../domain/settings'
import { conflictError, withCode } from './errors'

/** A domain refusal as the GraphQL error an admin reads. */
export function refusalError(r: Refusal): Error {
  const details = r.details ?? {}

  if (r.code === 'BAD_USER_INPUT')
    return withCode(new UserInputError(r.message), 'BAD_USER_INPUT', {
      ...(r.field ? { fields: [{ field: r.field, message: r.message }] } : {}),
      ...details,
    })
  if (r.code === 'NOT_FOUND')
    return withCode(new NotFoundError(r.message), 'NOT_FOUND', details)
  if (r.code === 'FORBIDDEN')
    return withCode(new ForbiddenError(r.message), 'FORBIDDEN', details)

  return conflictError(r.message, details)
}

export function invalidFields(errors: FieldError[]): Error {
  return withCode(
    new UserInputError(errors.map((e) => e.message).join('; ')),
    'BAD_USER_INPUT',
    { fields: errors }
  )
}
