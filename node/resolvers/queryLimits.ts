// Applies the request cost limits of queryCost.ts: the first root field to run decides for all.
import { UserInputError } from '@vtex/api'
import type { Context } from '../typings'
import { withCode } from './errors'
import { InfoLike, tooCostly } from './queryCost'

const checked = new WeakMap<object, string | null>()

/** Refuses the whole request (every root field) when it asks too much. */
export function enforceQueryLimits(ctx: Context, info: unknown): void {
  const i = info as InfoLike | undefined
  if (!i?.operation) return
  if (!checked.has(ctx)) checked.set(ctx, tooCostly(i))
  const why = checked.get(ctx)
  if (why) throw withCode(new UserInputError(`This request asks too much at once: ${why}. Split it into smaller requests.`), 'BAD_USER_INPUT', { limit: why })
}
