// VTEX ID: who the signed-in admin is (their email), for the review's record of who decided
// and who signed. POST /api/vtexid/credential/validate needs no License Manager resource.
import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'
import { Budget, CLIENT_OPTIONS } from './deadline'

export interface AuthenticatedUser { id: string; email: string }

/** The endpoints this client calls (the release check maps them to manifest policies). */
export const VTEX_ID = {
  whoIs: 'POST /api/vtexid/credential/validate',
} as const

export class VtexIdApi extends JanusClient {
  budget = new Budget()

  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, { ...CLIENT_OPTIONS, ...options, retries: 0, memoizable: false, headers: { ...options?.headers, 'X-Vtex-Use-Https': 'true' } })
  }

  async whoIs(adminToken: string): Promise<AuthenticatedUser> {
    const res = await this.budget.run(VTEX_ID.whoIs, timeout =>
      this.http.post<{ authStatus: string; id: string; user: string }>('/api/vtexid/credential/validate', { token: adminToken }, { metric: 'vtexid-validate', timeout }))
    return { id: res.id, email: res.user }
  }
}
