// Keys and Users pages: parse and check the paging arguments, then the service pages the list.

import type { Severity } from '../domain/findings'
import { SEVERITIES } from '../domain/findings'
import type {
  KeyListQuery,
  KeySelection,
  KeySort,
  KeyStatus,
} from '../domain/keyList'
import {
  DEFAULT_KEY_LIST,
  KEY_REMINDERS,
  KEY_SORTS,
  KEY_STATUSES,
  MAX_IDS,
  MAX_PAGE_SIZE,
  MAX_SEARCH_LENGTH,
} from '../domain/keyList'
import { EVIDENCE_WITH_KEYS } from '../domain/review/evidenceKeys'
import { quote } from '../domain/secrets'
import { wording } from '../domain/wording'
import type { Context } from '../typings'
import { badInput, checkKeyRule } from './errors'
import { keyList as listKeys, userList as listUsers } from '../services/lists'

interface PageArgs {
  page?: number | null
  pageSize?: number | null
  search?: string | null
  live?: boolean | null
}
interface KeyArgs extends PageArgs {
  severity?: string | null
  rule?: string | null
  status?: string | null
  roleId?: number | null
  ids?: string[] | null
  review?: string | null
  evidence?: string | null
  reminder?: string | null
  sort?: string | null
  descending?: boolean | null
}

const bad = badInput
/** Longer than any status or sort name: such a value is refused without being quoted back. */
const MAX_ECHOED = 100

function paging(args: PageArgs) {
  const page = args.page ?? 1
  const pageSize = args.pageSize ?? DEFAULT_KEY_LIST.pageSize

  if (!Number.isInteger(page) || page < 1)
    throw bad(
      'page',
      wording('validation.wholeFrom', { field: 'page', min: 1 })
    )
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw bad(
      'pageSize',
      wording('validation.range', {
        field: 'pageSize',
        min: 1,
        max: MAX_PAGE_SIZE,
      })
    )
  const search = args.search ?? ''

  if (search.length > MAX_SEARCH_LENGTH)
    throw bad(
      'search',
      wording('validation.tooLong', { field: 'search', max: MAX_SEARCH_LENGTH })
    )

  return { page, pageSize, search }
}

export function parseKeyList(args: KeyArgs): KeyListQuery {
  const { page, pageSize, search } = paging(args)
  const oneOf = <T extends string>(
    field: string,
    value: string | null | undefined,
    allowed: readonly T[],
    fallback: T
  ): T => {
    if (value === undefined || value === null || value === '') return fallback
    if (!(allowed as readonly string[]).includes(value))
      throw bad(
        field,
        // a long value is not named back: quoting looks through all of it for a token
        value.length > MAX_ECHOED
          ? wording('validation.oneOf', { field, allowed: allowed.join(', ') })
          : wording('validation.oneOfGot', {
              field,
              allowed: allowed.join(', '),
              value: quote(value),
            })
      )

    return value as T
  }

  const severity = args.severity
    ? oneOf<Severity>('severity', args.severity, SEVERITIES, 'INFO')
    : null

  // refused as the review's decisions refuse it (a blank rule is not "any rule")
  checkKeyRule('rule', args.rule)
  if (
    args.roleId !== undefined &&
    args.roleId !== null &&
    !(Number.isInteger(args.roleId) && args.roleId > 0)
  )
    throw bad('roleId', wording('validation.positive', { field: 'roleId' }))
  const ids = args.ids ? args.ids.map((i) => i.trim()).filter(Boolean) : null

  if (ids && ids.length > MAX_IDS)
    throw bad(
      'ids',
      wording('validation.tooManyIds', { field: 'ids', max: MAX_IDS })
    )

  return {
    page,
    pageSize,
    search,
    severity,
    rule: args.rule || null,
    status: oneOf<KeyStatus>('status', args.status, KEY_STATUSES, 'all'),
    roleId: args.roleId ?? null,
    ids: ids && ids.length ? ids : null,
    among: parseSelection(args, oneOf),
    sort: oneOf<KeySort>('sort', args.sort, KEY_SORTS, 'severity'),
    descending: args.descending ?? false,
  }
}

/**
 * The keys a link picks by name rather than listing them: an evidence line of a review (the open
 * one when `review` is not given), or a reminder. One of the two, and `review` only with
 * `evidence`: a review alone names no keys.
 */
function parseSelection(
  args: KeyArgs,
  oneOf: <T extends string>(
    field: string,
    value: string | null | undefined,
    allowed: readonly T[],
    fallback: T
  ) => T
): KeySelection | null {
  if (args.review && !args.evidence)
    throw bad(
      'review',
      wording('validation.onlyWith', { field: 'review', other: 'evidence' })
    )
  if (args.evidence && args.reminder)
    throw bad(
      'reminder',
      wording('validation.notBoth', { field: 'reminder', other: 'evidence' })
    )
  if (args.evidence)
    return {
      review: args.review ?? '',
      evidence: oneOf('evidence', args.evidence, EVIDENCE_WITH_KEYS, ''),
    }
  if (args.reminder)
    return {
      reminder: oneOf(
        'reminder',
        args.reminder,
        KEY_REMINDERS,
        KEY_REMINDERS[0]
      ),
    }

  return null
}

/** `live: true` is the page's "Load live data": it waits for a live read as Query.inventory does. */
export function keyList(_: unknown, args: KeyArgs, ctx: Context) {
  const q = parseKeyList(args)

  if (args.live) ctx.state.live = true

  return listKeys(ctx, q)
}

export function userList(_: unknown, args: PageArgs, ctx: Context) {
  const q = paging(args)

  if (args.live) ctx.state.live = true

  return listUsers(ctx, q)
}

/** Keys of the account are never external; rows of external keys say so (services/lists). */
export const keyRowFields = {
  external: (k: { external?: boolean }) => k.external === true,
  account: (k: { account?: string | null }) => k.account ?? null,
}
