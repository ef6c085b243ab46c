import { IOClients } from '@vtex/api'
import { LicenseManagerApi } from './licenseManagerApi'

export class Clients extends IOClients {
  get licenseManagerApi() {
    return this.getOrSet('licenseManagerApi', LicenseManagerApi)
  }
}
