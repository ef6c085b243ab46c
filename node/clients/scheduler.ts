// VTEX's scheduler: a daily job that calls this app's scan route. Called with the app's own
// token (no admin involved), as vtex.scheduler apps do.
import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'
import { withRetry } from './retry'

export interface ScheduleJob {
  id: string
  scheduler: { expression: string; endDate: string }
  request: { uri: string; method: 'POST'; headers: Record<string, string>; body?: unknown }
}

export class Scheduler extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, { timeout: 5000, ...options, memoizable: false, headers: { ...options?.headers, VtexIdclientAutCookie: context.authToken, 'X-Vtex-Use-Https': 'true' } })
  }

  private path(id: string) {
    const app = (process.env.VTEX_APP_ID ?? 'key-steward').split('@')[0]
    return `/api/scheduler/${this.context.workspace}/${app}/${encodeURIComponent(id)}?version=4`
  }

  upsert(job: ScheduleJob): Promise<unknown> {
    return withRetry('PUT /api/scheduler', () => this.http.put(this.path(job.id), job, { metric: 'scheduler-upsert' }))
  }

  remove(id: string): Promise<unknown> {
    return withRetry('DELETE /api/scheduler', () => this.http.delete(this.path(id), { metric: 'scheduler-delete' }))
  }
}
