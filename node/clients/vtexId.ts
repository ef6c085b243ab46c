// VTEX ID: who the signed-in admin is (their email), for the review's record of who decided
// and who signed. POST /api/vtexid/credential/validate needs no License Manager resource.
import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'
import { DEFAULT_RETRY, withRetry } from './retry'

export interface AuthenticatedUser { id: string; email: string }

export class VtexIdApi extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, { timeout: 5000, ...options, memoizable: false, headers: { ...options?.headers, 'X-Vtex-Use-Https': 'true' } })
  }

  async whoIs(adminToken: string): Promise<AuthenticatedUser> {
    const res = await withRetry('POST /api/vtexid/credential/validate', () =>
      this.http.post<{ authStatus: string; id: string; user: string }>('/api/vtexid/credential/validate', { token: adminToken }, { metric: 'vtexid-validate' }), DEFAULT_RETRY)
    return { id: res.id, email: res.user }
  }
}
