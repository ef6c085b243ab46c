// First step of POST /_v/key-steward/scan: only VTEX's scheduler, holding the job's bearer secret,
// may start the daily snapshot. The secret is compared in constant time.
import { timingSafeEqual } from 'crypto'

import { readSchedule } from '../services/dailyScan/registration'
import { requestData } from '../services/requestData'
import type { Context } from '../typings'

function bearerMatches(header: string | undefined, secret: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '')

  if (!m) return false
  const a = Buffer.from(m[1])
  const b = Buffer.from(secret)

  return a.length === b.length && timingSafeEqual(a, b)
}

export async function verifyScanSecret(
  ctx: Context,
  next: () => Promise<void>
): Promise<void> {
  const schedule = await readSchedule(requestData(ctx).storage)

  if (!schedule || !bearerMatches(ctx.get('authorization'), schedule.secret)) {
    ctx.status = 401
    ctx.body = { error: 'A valid scheduler secret is required' }

    return
  }

  ctx.state.schedule = schedule
  await next()
}
