// Turns a failure of a background step (daily scan, scheduler registration, e-mail) into the
// outcome the Admin shows: which problem, and what failed as data (a Wording), worded in the
// language of whoever reads the status (stepDetail.ts). Never a credential, a URL's query or an
// upstream answer's text: UpstreamError carries the endpoint template, status and attempts only.
import { callName } from '../../clients/callNames'
import { UpstreamError } from '../../clients/retry'
import type { ScanProblem, StepOutcome } from '../../domain/scan/scanStatus'
import type { Wording } from '../../domain/wording'
import { wording } from '../../domain/wording'
import { upstreamBehind, upstreamUnavailable } from '../../resolvers/errors'
import { reasonOf } from '../missingReason'
import { canSay, wordingOf } from '../wording'

/** `VBase GET settings/…`: the app's storage, named by resolvers/errors.ts without its document path. */
const STORAGE = /^VBase /

/** An error class name may be shown (it helps support); anything else is not. */
const ERROR_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/

const call = (e: UpstreamError): Wording =>
  wording('upstream.failure.call', {
    what: callName(e.endpoint),
    // a template (GET /api/vlm/appkeys); a query, were one ever there, is not shown
    endpoint: e.endpoint.replace(/[?#].*$/, ''),
  })

function upstreamFailure(e: UpstreamError): [ScanProblem, Wording | Wording[]] {
  if (e.status === 401 || e.status === 403)
    return [
      'APP_FORBIDDEN',
      wording('upstream.failure.refused', { call: call(e), status: e.status }),
    ]
  const problem = e.deadlineReached ? 'DEADLINE' : 'UPSTREAM_UNAVAILABLE'

  // the app's storage: which data, never the document's path (resolvers/errors.ts words it)
  const storage = STORAGE.test(e.endpoint)
    ? wordingOf(upstreamUnavailable(e))?.message
    : undefined

  if (storage) return [problem, storage]

  return [
    problem,
    // as a partial read words a part it missed (attempts 0: the cause alone)
    wording('upstream.failure.failed', { call: call(e), reason: reasonOf(e) }),
  ]
}

function whatFailed(e: unknown): [ScanProblem, Wording | Wording[]] {
  // A resolver error made from an upstream failure keeps it (resolvers/errors.ts).
  const upstream = e instanceof UpstreamError ? e : upstreamBehind(e)

  if (upstream) return upstreamFailure(upstream)
  const ext = (
    e as { extensions?: { code?: string; missingResources?: unknown } }
  )?.extensions

  // Refusals worded for an admin ("your user lacks…", "your session expired") said of the app.
  if (ext?.code === 'FORBIDDEN' || ext?.code === 'UNAUTHENTICATED') {
    const names = Array.isArray(ext.missingResources)
      ? ext.missingResources.filter((n): n is string => typeof n === 'string')
      : []

    return [
      'APP_FORBIDDEN',
      names.length
        ? wording('upstream.failure.resources', {
            count: names.length,
            resources: names.map((name) =>
              wording('refusal.resources.name', { name })
            ),
          })
        : wording('upstream.failure.credentials'),
    ]
  }

  // Other refusals are worded for an admin already (e.g. a storefront scan already running).
  const own = wordingOf(e)

  if (own && canSay({ message: own.message }))
    return [
      ext?.code === 'UPSTREAM_UNAVAILABLE'
        ? 'UPSTREAM_UNAVAILABLE'
        : 'UNEXPECTED',
      own.message,
    ]
  const name = e instanceof Error && ERROR_NAME.test(e.name) ? e.name : 'Error'

  return ['UNEXPECTED', wording('upstream.failure.unexpected', { name })]
}

export function failureOutcome(e: unknown): StepOutcome {
  const [problem, failure] = whatFailed(e)

  return { state: 'FAILED', problem, detail: null, failure }
}
