// @vtex/api's GraphQL runtime offers no hook to format errors, yet what it does by default is
// unsafe for Key Steward: it logs and answers every error with the request's query text and its
// variables (a token pasted into a note reaches the log in full), with stack traces and file paths,
// and it answers malformed requests (invalid JSON, batches, wrong variable types) with HTTP 500.
// So, once at startup, this wraps two of the runtime's module functions, which it looks up on the
// module object at each call (see @vtex/api lib/service/worker/runtime/graphql/middlewares/error.js):
//   - utils/error createFormatError: every formatted error (answered and logged) is worded in the
//     request's language when it keeps its wording (services/wording.ts), redacted
//     (domain/secrets.ts), cut, and stripped of stacks;
//   - middlewares/error graphqlError: a request the runtime cannot read becomes a 400 with a short
//     message instead of a 500 with internals;
//   - middlewares/query extractQuery: once a request is parsed, and before anything runs (before
//     authentication too, so it must be cheap), its cost is limited (resolvers/queryCost.ts, for
//     introspection as well) and a mutation is refused unless POSTed as JSON (no CSRF by GET or
//     a form post).
// dev/test/adversarial.test.ts holds this to its promise through the real runtime.
import { redactDeep } from '../domain/secrets'
import { operationOf, tooCostly } from '../resolvers/queryCost'
import type { Wording } from '../domain/wording'
import { localeOf, wording } from '../domain/wording'
import { english, localizeError, say, withWording } from '../services/wording'

/* eslint-disable @typescript-eslint/no-var-requires */
type Formatter = (error: unknown) => Record<string, unknown>
interface KoaLike {
  status: number
  method?: string
  request?: { is: (type: string) => string | false | null }
  graphql?: { query?: { document?: unknown; operationName?: unknown } }
}

const RUNTIME = '@vtex/api/lib/service/worker/runtime/graphql'

/** A refusal of the request itself, in English, keeping its wording for the request's language. */
const refused = (statusCode: number, code: string, w: Wording) =>
  withWording(
    Object.assign(new Error(english(w)), { statusCode, extensions: { code } }),
    { message: w }
  )

/** Fields of a formatted error that may carry internals (stacks, file paths) or the raw request. */
function clean(formatted: Record<string, unknown>): Record<string, unknown> {
  const { stack: _stack, originalError: _original, query, ...rest } = formatted
  // The request's text and variables are the caller's input: never echoed, never logged.
  const operationName = (query as { operationName?: unknown } | undefined)
    ?.operationName

  if (typeof operationName === 'string')
    rest.query = { operationName: operationName.slice(0, 80) }
  const ext = rest.extensions as
    | { code?: string; exception?: Record<string, unknown> }
    | undefined

  // A variable of the wrong type is the caller's mistake, not the server's.
  if (
    ext &&
    ext.code === 'INTERNAL_SERVER_ERROR' &&
    // (a value of the wrong type, or a required one left out)
    /^Variable "\$[^"]+" (got invalid value|of required type "[^"]+" was not provided)/.test(
      String(rest.message)
    )
  ) {
    rest.extensions = { code: 'BAD_USER_INPUT' }

    return redactDeep(rest) as Record<string, unknown>
  }

  if (ext?.exception) {
    const {
      stacktrace: _s,
      stack: _st,
      sensitive: _se,
      config: _c,
      request: _r,
      response: _re,
      ...exception
    } = ext.exception

    ext.exception = exception
  }

  return redactDeep(rest) as Record<string, unknown>
}

/** What the runtime throws when it cannot read a request, as a client error. */
function asBadRequest(e: unknown): unknown {
  if (Array.isArray(e)) {
    // GraphQL validation errors (unknown fields, wrong variable types, fragment cycles).
    // GraphQLError's extensions are read-only: answer with plain copies.
    const copies = e.map((x) => {
      const { message, locations } = x as {
        message?: string
        locations?: unknown
      }

      const wrongVariable =
        /^Variable "\$[^"]+" (got invalid value|of type|of required type)/.test(
          String(message)
        )

      return Object.assign(new Error(String(message)), {
        locations,
        extensions: {
          code: wrongVariable ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED',
        },
      })
    })

    return Object.assign(copies, { statusCode: 400 })
  }

  const err = e as {
    type?: string
    name?: string
    message?: string
    statusCode?: number
    status?: number
    extensions?: unknown
  }

  if (err?.status === 413 || err?.type === 'entity.too.large') {
    return refused(
      413,
      'PAYLOAD_TOO_LARGE',
      wording('refusal.request.tooLarge')
    )
  }

  if (err?.statusCode || err?.extensions) return e
  const unreadable =
    err?.type === 'entity.parse.failed' ||
    err?.name === 'SyntaxError' ||
    err?.name === 'GraphQLError' ||
    /Must provide (Source|query string)|source\.body|Cannot read properties/.test(
      String(err?.message)
    )

  if (!unreadable && err?.status !== 400 && err?.status !== 413) return e
  return refused(400, 'BAD_REQUEST', wording('refusal.request.unreadable'))
}

let installed = false

export function hardenGraphqlRuntime(
  load: (id: string) => unknown = require
): void {
  if (installed) return
  installed = true
  const utils = load(`${RUNTIME}/utils/error`) as {
    createFormatError: (ctx: unknown) => Formatter
  }

  const { createFormatError } = utils

  utils.createFormatError = (ctx) => {
    let format: Formatter

    try {
      format = createFormatError(ctx)
    } catch {
      // e.g. variables nested too deep for the runtime to stringify: format without them
      format = (error) => ({
        message: String((error as Error)?.message ?? 'error'),
        extensions: { code: 'BAD_USER_INPUT' },
      })
    }

    const locale = localeOf(
      (ctx as { vtex?: { locale?: string } } | undefined)?.vtex?.locale
    )

    return (error) => {
      try {
        // A resolver's error arrives inside a GraphQLError; a refusal of the request as it is.
        const original =
          (error as { originalError?: unknown } | undefined)?.originalError ??
          error

        return clean(localizeError(format(error), original, locale))
      } catch {
        return {
          message: say(locale, wording('refusal.request.couldNotRead')),
          extensions: { code: 'BAD_REQUEST' },
        }
      }
    }
  }

  const query = load(`${RUNTIME}/middlewares/query`) as {
    extractQuery: (
      schema: unknown
    ) => (ctx: KoaLike, next: () => Promise<void>) => Promise<void>
  }

  const { extractQuery } = query

  query.extractQuery = (schema) => {
    const parseAndValidate = extractQuery(schema)

    return (ctx, next) =>
      parseAndValidate(ctx, async () => {
        const q = ctx.graphql?.query as
          | { document?: unknown; operationName?: unknown; variables?: unknown }
          | undefined

        if (
          q?.variables != null &&
          (typeof q.variables !== 'object' || Array.isArray(q.variables))
        )
          throw refused(
            400,
            'BAD_REQUEST',
            wording('refusal.request.variables')
          )
        if (q?.operationName != null && typeof q.operationName !== 'string')
          throw refused(
            400,
            'BAD_REQUEST',
            wording('refusal.request.operationName')
          )
        const op = q?.document
          ? operationOf(q.document as never, q.operationName)
          : null

        if (!op)
          throw refused(
            400,
            'BAD_REQUEST',
            wording('refusal.request.nameOperation')
          )
        if (
          op.type === 'mutation' &&
          (ctx.method !== 'POST' || !ctx.request?.is('application/json'))
        ) {
          throw refused(
            405,
            'BAD_REQUEST',
            wording('refusal.request.mutationPost')
          )
        }

        const why = tooCostly(op)

        if (why)
          throw refused(
            400,
            'BAD_USER_INPUT',
            wording('refusal.request.tooCostly', { why })
          )
        await next()
      })
  }

  const middleware = load(`${RUNTIME}/middlewares/error`) as {
    graphqlError: (ctx: KoaLike, next: () => Promise<void>) => Promise<void>
  }

  const { graphqlError } = middleware

  middleware.graphqlError = (ctx, next) =>
    graphqlError(ctx, async () => {
      try {
        // One operation per request: a batch (an array body) is refused before it runs.
        await next()
      } catch (e) {
        throw asBadRequest(e)
      }
    })
}
