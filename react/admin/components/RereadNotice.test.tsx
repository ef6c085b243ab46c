// Every place where the admin makes a change says so when its page could not be read again, with
// the one shared notice (not a copy per page that drifts in words or in how it is announced).
import { readdirSync, readFileSync, statSync } from 'fs'
import { join } from 'path'

import React from 'react'
import { render } from '@vtex/test-tools/react'

import { nestedLiveRegions } from '../testing/liveRegions'
import { RereadNotice } from './RereadNotice'

const ADMIN = join(__dirname, '..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)

    if (statSync(p).isDirectory()) return sources(p)

    return /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n) ? [p] : []
  })
}

describe('RereadNotice', () => {
  it('is rendered by every component that makes a change (hooks hand rereadFailed on)', () => {
    const changing = sources(ADMIN).filter(
      (p) =>
        !/[\\/]use\w+\.ts$/.test(p) &&
        /\b(useSettledMutation|useDecide|useRunScan)\s*(<|\()/.test(
          readFileSync(p, 'utf8').replace(/^import .*$/gm, '')
        )
    )

    expect(changing.length).toBeGreaterThanOrEqual(11)
    expect(
      changing.filter((p) => !readFileSync(p, 'utf8').includes('<RereadNotice'))
    ).toEqual([])
  })

  it('is the only place that words the notice', () => {
    const wording = sources(ADMIN).filter((p) =>
      readFileSync(p, 'utf8').includes('key-steward.reread.failed')
    )

    expect(wording.map((p) => p.slice(ADMIN.length + 1))).toEqual([
      join('components', 'RereadNotice.tsx'),
    ])
  })

  it('keeps one polite region standing empty, and fills it when the re-read failed', () => {
    const { container, rerender } = render(<RereadNotice failed={false} />)
    const region = () => container.querySelector('[role="status"]')!

    expect(region().textContent).toBe('')
    const before = region()

    rerender(<RereadNotice failed />)
    // the same region: its new text is announced
    expect(region()).toBe(before)
    expect(region().textContent).toBe(
      'Done. This page could not be read again: reload it to see the change.'
    )
    expect(nestedLiveRegions(container)).toEqual([])
  })
})
