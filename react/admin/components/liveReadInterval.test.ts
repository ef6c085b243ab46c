import { readFileSync } from 'fs'
import { join } from 'path'

import {
  LIVE_READ_MIN_INTERVAL_SECONDS,
  secondsUntilLiveRead,
} from './liveReadInterval'

describe('the live read interval the page tells the admin about', () => {
  it("is the service's LIVE_READ_MIN_INTERVAL_MS", () => {
    const source = readFileSync(
      join(__dirname, '..', '..', '..', 'node', 'services', 'requestData.ts'),
      'utf8'
    )

    const ms = /export const LIVE_READ_MIN_INTERVAL_MS = ([\d_]+)\b/.exec(
      source
    )

    expect(ms).not.toBeNull()
    expect(Number(ms![1].replace(/_/g, ''))).toBe(
      LIVE_READ_MIN_INTERVAL_SECONDS * 1000
    )
  })

  it('counts the wait from the shown read, never down to zero or below', () => {
    expect(secondsUntilLiveRead(4)).toBe(26)
    expect(secondsUntilLiveRead(0)).toBe(30)
    expect(secondsUntilLiveRead(29)).toBe(1)
    expect(secondsUntilLiveRead(45)).toBe(1)
  })
})
