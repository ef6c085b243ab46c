import type { ClientsConfig } from '@vtex/api'
import { method, Service } from '@vtex/api'

import { Clients } from './clients'
import { CLIENT_OPTIONS } from './clients/deadline'
import { resolvers } from './resolvers'
import { dailySnapshot } from './middlewares/dailySnapshot'
import { verifyScanSecret } from './middlewares/verifyScanSecret'
import { hardenGraphqlRuntime } from './runtime/hardenGraphql'

// Before the runtime builds the GraphQL route: redacted errors, 400 for unreadable requests.
hardenGraphqlRuntime()

// One retry layer (clients/retry.ts, within each request's deadline): @vtex/api retries nothing.
const clients: ClientsConfig<Clients> = {
  implementation: Clients,
  options: {
    default: CLIENT_OPTIONS,
  },
}

export default new Service({
  clients,
  graphql: { resolvers },
  routes: {
    scheduledScan: method({ POST: [verifyScanSecret, dailySnapshot] }),
  },
})
