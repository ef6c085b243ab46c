// Keys and Users pages: parse and check the paging arguments, then the service pages the list.
import { UserInputError } from '@vtex/api'

import type { Severity } from '../domain/findings'
import { SEVERITIES } from '../domain/findings'
import type { KeyListQuery, KeySort, KeyStatus } from '../domain/keyList'
import {
  DEFAULT_KEY_LIST,
  KEY_SORTS,
  KEY_STATUSES,
  MAX_IDS,
  MAX_PAGE_SIZE,
  MAX_SEARCH_LENGTH,
} from '../domain/keyList'
import { RULE_IDS } from '../domain/rules'
import { quote } from '../domain/secrets'
import type { Context } from '../typings'
import { withCode } from './errors'
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
  sort?: string | null
  descending?: boolean | null
}

const bad = (field: string, message: string) =>
  withCode(new UserInputError(message), 'BAD_USER_INPUT', { field })

function paging(args: PageArgs) {
  const page = args.page ?? 1
  const pageSize = args.pageSize ?? DEFAULT_KEY_LIST.pageSize

  if (!Number.isInteger(page) || page < 1)
    throw bad('page', 'page must be a whole number from 1')
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    throw bad(
      'pageSize',
      `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`
    )
  const search = args.search ?? ''

  if (search.length > MAX_SEARCH_LENGTH)
    throw bad(
      'search',
      `search must be at most ${MAX_SEARCH_LENGTH} characters`
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
        `${field} must be one of ${allowed.join(', ')}; got "${quote(value)}"`
      )

    return value as T
  }

  const severity = args.severity
    ? oneOf<Severity>('severity', args.severity, SEVERITIES, 'INFO')
    : null

  if (args.rule && !RULE_IDS.includes(args.rule))
    throw bad(
      'rule',
      `Unknown rule "${quote(args.rule)}". Known rules: ${RULE_IDS.join(', ')}.`
    )
  if (
    args.roleId !== undefined &&
    args.roleId !== null &&
    !(Number.isInteger(args.roleId) && args.roleId > 0)
  )
    throw bad('roleId', 'roleId must be a positive whole number')
  const ids = args.ids ? args.ids.map((i) => i.trim()).filter(Boolean) : null

  if (ids && ids.length > MAX_IDS)
    throw bad('ids', `ids may name at most ${MAX_IDS} keys`)

  return {
    page,
    pageSize,
    search,
    severity,
    rule: args.rule || null,
    status: oneOf<KeyStatus>('status', args.status, KEY_STATUSES, 'all'),
    roleId: args.roleId ?? null,
    ids: ids && ids.length ? ids : null,
    sort: oneOf<KeySort>('sort', args.sort, KEY_SORTS, 'severity'),
    descending: args.descending ?? false,
  }
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
