import type { RecorderState, ServiceContext } from '@vtex/api'

import type { Clients } from './clients'
import type { ScheduleDoc } from './services/dailyScan/types'

declare global {
  /** What a request carries between middlewares and into the request loader. */
  interface State extends RecorderState {
    /** the daily snapshot: VTEX is read with the app's token, not an admin's */
    asApp?: boolean
    /** "Load live data": read VTEX now instead of the stored snapshot */
    live?: boolean
    /** set by resolvers/access.ts when an auditor (named in the settings, without the read
     * resources) is let through: services/review then shows completed reviews only */
    auditor?: boolean
    /** set by verifyScanSecret for the daily snapshot */
    schedule?: ScheduleDoc
  }
}

export type Context = ServiceContext<Clients, State>
