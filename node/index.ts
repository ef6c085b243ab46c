import type { ClientsConfig } from '@vtex/api'
import { method, Service } from '@vtex/api'
import { Clients } from './clients'
import { resolvers } from './resolvers'
import { scheduledScan } from './resolvers/schedule'

// Our clients retry 429/5xx themselves (honouring Retry-After); @vtex/api's own retries cover
// dropped connections only.
const clients: ClientsConfig<Clients> = {
  implementation: Clients,
  options: {
    default: { retries: 2, timeout: 5000 },
  },
}

export default new Service({
  clients,
  graphql: { resolvers },
  routes: {
    scheduledScan: method({ POST: [scheduledScan] }),
  },
})
