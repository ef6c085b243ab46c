import type { Context } from '../typings'
import { requestData } from './requestData'

export function inventory(_: unknown, __: unknown, ctx: Context) {
  return requestData(ctx).inventory()
}
