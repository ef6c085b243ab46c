import type { InstanceOptions, IOContext } from '@vtex/api'
import { IOClients, VBase } from '@vtex/api'

import { LicenseManagerApi } from './licenseManagerApi'
import { MessageCenter } from './messageCenter'
import { Scheduler } from './scheduler'
import { Storefront } from './storefront'
import { VtexIdApi } from './vtexId'

/**
 * VBase without @vtex/api's per-request memoization: Key Steward reads a document again after
 * writing it (to return its new version) and retries failed reads, and both must reach VBase.
 */
export class FreshVBase extends VBase {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, { ...options, retries: 0, memoizable: false })
  }
}

export class Clients extends IOClients {
  get licenseManagerApi() {
    return this.getOrSet('licenseManagerApi', LicenseManagerApi)
  }

  get vtexIdApi() {
    return this.getOrSet('vtexIdApi', VtexIdApi)
  }

  get messageCenter() {
    return this.getOrSet('messageCenter', MessageCenter)
  }

  get scheduler() {
    return this.getOrSet('scheduler', Scheduler)
  }

  get storefront() {
    return this.getOrSet('storefront', Storefront)
  }

  get appVBase() {
    return this.getOrSet('appVBase', FreshVBase)
  }
}
