// @vtex/api's GraphQL runtime offers no hook to format errors, yet what it does by default is
// unsafe for Key Steward: it logs and answers every error with the request's query text and its
// variables (a token pasted into a note reaches the log in full), with stack traces and file paths,
// and it answers malformed requests (invalid JSON, batches, wrong variable types) with HTTP 500.
// So, once at startup, this wraps two of the runtime's module functions, which it looks up on the
// module object at each call (see @vtex/api lib/service/worker/runtime/graphql/middlewares/error.js):
//   - utils/error createFormatError: every formatted error (answered and logged) is redacted
//     (domain/secrets.ts), cut, and stripped of stacks;
//   - middlewares/error graphqlError: a request the runtime cannot read becomes a 400 with a short
//     message instead of a 500 with internals.
// dev/test/adversarial.test.ts holds this to its promise through the real runtime.
import { redactDeep } from '../domain/secrets'

/* eslint-disable @typescript-eslint/no-var-requires */
type Formatter = (error: unknown) => Record<string, unknown>
interface KoaLike { status: number; graphql?: { query?: unknown } }

const RUNTIME = '@vtex/api/lib/service/worker/runtime/graphql'

/** Fields of a formatted error that may carry internals (stacks, file paths) or the raw request. */
function clean(formatted: Record<string, unknown>): Record<string, unknown> {
  const { stack: _stack, originalError: _original, ...rest } = formatted
  const ext = rest.extensions as { code?: string; exception?: Record<string, unknown> } | undefined
  // A variable of the wrong type is the caller's mistake, not the server's.
  if (ext && ext.code === 'INTERNAL_SERVER_ERROR' && /^Variable "\$[^"]+" got invalid value/.test(String(rest.message))) {
    rest.extensions = { code: 'BAD_USER_INPUT' }
    return redactDeep(rest) as Record<string, unknown>
  }
  if (ext?.exception) {
    const { stacktrace: _s, stack: _st, sensitive: _se, config: _c, request: _r, response: _re, ...exception } = ext.exception
    ext.exception = exception
  }
  return redactDeep(rest) as Record<string, unknown>
}

/** What the runtime throws when it cannot read a request, as a client error. */
function asBadRequest(e: unknown): unknown {
  if (Array.isArray(e)) {
    // GraphQL validation errors (unknown fields, wrong variable types, fragment cycles).
    // GraphQLError's extensions are read-only: answer with plain copies.
    const copies = e.map(x => {
      const { message, locations } = x as { message?: string; locations?: unknown }
      const wrongVariable = /^Variable "\$[^"]+" (got invalid value|of type|of required type)/.test(String(message))
      return Object.assign(new Error(String(message)), { locations, extensions: { code: wrongVariable ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED' } })
    })
    return Object.assign(copies, { statusCode: 400 })
  }
  const err = e as { type?: string; name?: string; message?: string; statusCode?: number; status?: number; extensions?: unknown }
  if (err?.status === 413 || err?.type === 'entity.too.large') {
    return Object.assign(new Error('The request is too large.'), { statusCode: 413, extensions: { code: 'PAYLOAD_TOO_LARGE' } })
  }
  if (err?.statusCode || err?.extensions) return e
  const unreadable = err?.type === 'entity.parse.failed' || err?.name === 'SyntaxError' || err?.name === 'GraphQLError' || /Must provide (Source|query string)|source\.body|Cannot read properties/.test(String(err?.message))
  if (!unreadable && err?.status !== 400 && err?.status !== 413) return e
  const message = 'The request is not a GraphQL operation Key Steward can read: send one JSON object with "query" (and "variables").'
  return Object.assign(new Error(message), { statusCode: 400, extensions: { code: 'BAD_REQUEST' } })
}

let installed = false

export function hardenGraphqlRuntime(load: (id: string) => unknown = require): void {
  if (installed) return
  installed = true
  const utils = load(`${RUNTIME}/utils/error`) as { createFormatError: (ctx: unknown) => Formatter }
  const createFormatError = utils.createFormatError
  utils.createFormatError = ctx => {
    const format = createFormatError(ctx)
    return error => clean(format(error))
  }
  const middleware = load(`${RUNTIME}/middlewares/error`) as { graphqlError: (ctx: KoaLike, next: () => Promise<void>) => Promise<void> }
  const graphqlError = middleware.graphqlError
  middleware.graphqlError = (ctx, next) => graphqlError(ctx, async () => {
    try {
      // One operation per request: a batch (an array body) is refused before it runs.
      await next()
    } catch (e) {
      throw asBadRequest(e)
    }
  })
}
