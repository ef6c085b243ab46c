import type { ServiceContext } from '@vtex/api'
import type { Clients } from './clients'

export type Context = ServiceContext<Clients>
