// VTEX's scheduler: a daily job that calls this app's scan route. Called with the app's own
// token (no admin involved). Shapes as real VTEX IO apps use them (vtex-apps/return-app
// node/clients/scheduler.ts; vtex-apps/shipment-tracker node/clients/scheduler.ts):
//   create or update  PUT|POST /api/scheduler/{workspace}/{app}/?version=4   (job id in the body)
//   read              GET      /api/scheduler/{workspace}/{app}/{id}?version=4
//   delete            DELETE   /api/scheduler/{workspace}/{app}/{id}?version=4
// There is no PUT on the job's own path.
import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

import { Budget, vtexClientOptions } from './deadline'

export interface ScheduleJob {
  id: string
  scheduler: { expression: string; endDate: string }
  request: {
    uri: string
    method: 'POST'
    headers: Record<string, string>
    body?: unknown
  }
  /** VTEX's scheduler retries a failed run itself (return-app's shape) */
  retry?: {
    delay: { addMinutes: number; addHours: number; addDays: number }
    times: number
    backOffRate: number
  }
}

/** What VTEX answers when reading a job (the secret header is not echoed). */
export interface StoredJob {
  id: string
  scheduler?: { expression?: string; endDate?: string }
  request?: { uri?: string; method?: string }
  nextExecution?: string
}

export const SCHEDULER = {
  upsert: 'POST /api/scheduler/{workspace}/{app}',
  read: 'GET /api/scheduler/{workspace}/{app}/{id}',
  remove: 'DELETE /api/scheduler/{workspace}/{app}/{id}',
} as const

export class Scheduler extends JanusClient {
  budget = new Budget()

  constructor(context: IOContext, options?: InstanceOptions) {
    super(
      context,
      vtexClientOptions(options, { VtexIdclientAutCookie: context.authToken })
    )
  }

  private base() {
    const app = (process.env.VTEX_APP_ID ?? 'key-steward').split('@')[0]

    return `/api/scheduler/${encodeURIComponent(
      this.context.workspace
    )}/${encodeURIComponent(app)}`
  }

  upsert(job: ScheduleJob): Promise<unknown> {
    return this.budget.run(SCHEDULER.upsert, (timeout) =>
      this.http.post(`${this.base()}/?version=4`, job, {
        metric: 'scheduler-upsert',
        timeout,
      })
    )
  }

  /** The job as VTEX has it, or null when VTEX does not know it. */
  async read(id: string): Promise<StoredJob | null> {
    try {
      return await this.budget.run(SCHEDULER.read, (timeout) =>
        this.http.get<StoredJob>(
          `${this.base()}/${encodeURIComponent(id)}?version=4`,
          { metric: 'scheduler-read', timeout }
        )
      )
    } catch (e) {
      if ((e as { status?: number }).status === 404) return null
      throw e
    }
  }

  remove(id: string): Promise<unknown> {
    return this.budget.run(SCHEDULER.remove, (timeout) =>
      this.http.delete(`${this.base()}/${encodeURIComponent(id)}?version=4`, {
        metric: 'scheduler-delete',
        timeout,
      })
    )
  }
}
