// VTEX scheduler stand-in: stores the jobs apps register and really calls them when the
// platform clock passes their time. Daily cron expressions ("M H * * *") are understood; a
// clock jump that passes several occurrences fires the job once (missed runs coalesce).
// Only the shapes real VTEX IO apps use are accepted (vtex-apps/return-app and
// vtex-apps/shipment-tracker, node/clients/scheduler.ts): create or update on the collection,
// with the job id in the body; read and delete on the job's own path; `?version=4` on each.
// Anything else is answered as VTEX would: 404 for unknown paths, 405 for a method the path
// does not take (e.g. PUT on a job's own path), 400 for a body without what a job needs.
import type { Reply, Request, Router } from './http-kit'
import { json, parseJson } from './http-kit'

export interface Job {
  id: string
  app: string
  workspace: string
  expression: string
  /** the job stops firing after this time (VTEX: scheduler.endDate) */
  endDate: string | null
  request: {
    uri: string
    method: string
    headers?: Record<string, string>
    body?: unknown
  }
}

const COLLECTION = '/api/scheduler/{workspace}/{app}'
const JOB = '/api/scheduler/{workspace}/{app}/{id}'

/** The next time at or after `from` that a daily "M H * * *" (or "* * * * *") expression fires. */
export function nextRun(expression: string, from: Date): Date | null {
  const [min, hour, dom, mon, dow] = expression.trim().split(/\s+/)

  if ([dom, mon, dow].some((f) => f !== '*')) return null
  const t = new Date(from.getTime())

  t.setUTCSeconds(0, 0)
  if (min === '*' && hour === '*')
    return t.getTime() >= from.getTime() ? t : new Date(t.getTime() + 60_000)
  const m = Number(min)
  const h = hour === '*' ? null : Number(hour)

  if (!Number.isInteger(m) || (h !== null && !Number.isInteger(h))) return null
  for (let i = 0; i < 60 * 24 + 1; i++) {
    const c = new Date(t.getTime() + i * 60_000)

    if (
      c.getTime() >= from.getTime() &&
      c.getUTCMinutes() === m &&
      (h === null || c.getUTCHours() === h)
    )
      return c
  }

  return null
}

/** Every scheduler call real apps make carries ?version=4; without it VTEX has no such route. */
function versioned(handler: (req: Request) => Reply): (req: Request) => Reply {
  return (req) =>
    req.query.get('version') === '4'
      ? handler(req)
      : json(404, { message: 'Unknown scheduler API version: add ?version=4' })
}

export class SchedulerStandIn {
  readonly jobs = new Map<string, Job>()
  constructor(private readonly clock: () => Date = () => new Date()) {}

  readonly runs: Array<{ id: string; at: string; status: number | string }> = []

  routes(router: Router): void {
    const upsert = (req: Request): Reply => {
      const parsed = parseJson(req)

      if (!parsed.ok) return parsed.reply
      const body = parsed.value as {
        id?: unknown
        scheduler?: { expression?: string; endDate?: string }
        request?: Job['request']
      }

      if (typeof body?.id !== 'string' || !/^[\w.-]{1,100}$/.test(body.id))
        return json(400, {
          message: 'id is required: letters, digits, ".", "_" or "-"',
        })
      const expression = body.scheduler?.expression

      if (typeof expression !== 'string' || !nextRun(expression, new Date(0)))
        return json(400, {
          message:
            'scheduler.expression must be a daily cron expression (M H * * *)',
        })
      if (!body.request?.uri || !body.request.method)
        return json(400, {
          message: 'request.uri and request.method are required',
        })
      const endDate = body.scheduler?.endDate ?? null

      if (
        endDate !== null &&
        Number.isNaN(Date.parse(`${endDate.replace(/Z$/, '')}Z`))
      )
        return json(400, { message: 'scheduler.endDate must be a date' })
      const job: Job = {
        id: body.id,
        app: req.params.app,
        workspace: req.params.workspace,
        expression,
        endDate,
        request: body.request,
      }

      this.jobs.set(this.key(job.workspace, job.app, job.id), job)

      return json(200, {
        id: job.id,
        endpoint: job.request.uri,
        nextExecution: nextRun(expression, this.clock())?.toISOString() ?? null,
      })
    }

    const list = (req: Request): Reply =>
      json(
        200,
        [...this.jobs.values()]
          .filter(
            (j) =>
              j.workspace === req.params.workspace && j.app === req.params.app
          )
          .map((j) => this.present(j))
      )

    for (const path of [COLLECTION, `${COLLECTION}/`]) {
      router.add('POST', path, versioned(upsert))
      router.add('PUT', path, versioned(upsert))
      router.add('GET', path, versioned(list))
    }

    router.add(
      'GET',
      JOB,
      versioned((req) => {
        const job = this.jobs.get(
          this.key(req.params.workspace, req.params.app, req.params.id)
        )

        return job
          ? json(200, this.present(job))
          : json(404, { message: 'job not found' })
      })
    )
    router.add(
      'DELETE',
      JOB,
      versioned((req) => {
        const existed = this.jobs.delete(
          this.key(req.params.workspace, req.params.app, req.params.id)
        )

        return existed
          ? { status: 204 }
          : json(404, { message: 'job not found' })
      })
    )
  }

  /** A job as VTEX answers it: the secret header it carries is not echoed. */
  private present(job: Job) {
    return {
      id: job.id,
      scheduler: { expression: job.expression, endDate: job.endDate },
      request: { uri: job.request.uri, method: job.request.method },
      nextExecution:
        nextRun(job.expression, this.clock())?.toISOString() ?? null,
    }
  }

  private key(workspace: string, app: string, id: string) {
    return `${workspace}/${app}/${id}`
  }

  /** Jobs with an occurrence in (from, to]. */
  due(from: Date, to: Date): Job[] {
    return [...this.jobs.values()].filter((j) => {
      const next = nextRun(j.expression, new Date(from.getTime() + 1))
      const ends = j.endDate
        ? Date.parse(`${j.endDate.replace(/Z$/, '')}Z`)
        : Infinity

      return (
        next !== null &&
        next.getTime() <= to.getTime() &&
        next.getTime() <= ends
      )
    })
  }

  /** Calls each job's request; `resolve` maps the job's public URL to a reachable one. */
  async fire(
    jobs: Job[],
    at: Date,
    resolve: (uri: string) => string
  ): Promise<Array<{ id: string; status: number | string }>> {
    const results = []

    for (const job of jobs) {
      let status: number | string

      try {
        const res = await fetch(resolve(job.request.uri), {
          method: job.request.method,
          headers: {
            'content-type': 'application/json',
            ...job.request.headers,
          },
          body:
            job.request.body === undefined
              ? undefined
              : JSON.stringify(job.request.body),
        })

        await res.text()
        status = res.status
      } catch (e) {
        status = (e as Error).message
      }

      this.runs.push({ id: job.id, at: at.toISOString(), status })
      results.push({ id: job.id, status })
    }

    return results
  }
}
