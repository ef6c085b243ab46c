// Turns a failure of a background step (daily scan, scheduler registration, e-mail) into the
// outcome the Admin shows: which problem, and what failed in VTEX's terms. Never a credential:
// UpstreamError carries the endpoint template and status only, not the request.
import { UpstreamError } from '../../clients/retry'
import type { ScanProblem, StepOutcome } from '../../domain/scan/scanStatus'
import { detail } from '../../domain/scan/scanStatus'

export function failureOutcome(e: unknown): StepOutcome {
  const failed = (problem: ScanProblem, text: string): StepOutcome => ({
    state: 'FAILED',
    problem,
    detail: detail(text),
  })

  if (e instanceof UpstreamError) {
    if (e.status === 401 || e.status === 403)
      return failed('APP_FORBIDDEN', `${e.endpoint} answered HTTP ${e.status}`)

    return failed(
      e.deadlineReached ? 'DEADLINE' : 'UPSTREAM_UNAVAILABLE',
      e.message
    )
  }

  // Resolver errors made from upstream failures (resolvers/errors.ts) keep a code.
  const ext = (
    e as { extensions?: { code?: string; missingResources?: string[] } }
  )?.extensions

  if (ext?.code === 'FORBIDDEN' || ext?.code === 'UNAUTHENTICATED') {
    return failed(
      'APP_FORBIDDEN',
      ext.missingResources?.length
        ? `missing License Manager resources: ${ext.missingResources.join(
            ', '
          )}`
        : 'VTEX refused the app’s credentials'
    )
  }

  if (ext?.code === 'UPSTREAM_UNAVAILABLE')
    return failed(
      /deadline/.test(String((e as Error).message))
        ? 'DEADLINE'
        : 'UPSTREAM_UNAVAILABLE',
      String((e as Error).message)
    )

  return failed('UNEXPECTED', e instanceof Error ? e.name : 'unexpected error')
}
