// The read's progress block says what the read does at every moment, its end included: between
// the last step and the page's answer (which replaces the block) it read "Starting to read your
// account" again, or only "12 seconds so far." (walk13 #3).
import React, { useState } from 'react'
import { fireEvent, render } from '@vtex/test-tools/react'

import { LIVE_META } from '../testing/data'
import type { InventoryStatus } from './Freshness'
import { ReadProgress } from './Freshness'

type Progress = NonNullable<InventoryStatus['progress']>

const reading = (over: Partial<Progress> = {}): InventoryStatus => ({
  version: 'v1',
  generatedAt: LIVE_META.generatedAt,
  ageSeconds: 75,
  reading: true,
  lastError: null,
  progress: {
    phase: 'ROLES',
    done: 56,
    total: 69,
    elapsedSeconds: 12,
    concurrency: 4,
    maxConcurrency: 4,
    waitingSeconds: 0,
    rateLimited: 0,
    ...over,
  },
})

const ended = (lastError: string | null = null): InventoryStatus => ({
  ...reading(),
  reading: false,
  progress: null,
  lastError,
})

const block = (c: HTMLElement) =>
  c.querySelector('[data-testid="read-progress"]')!.textContent ?? ''

describe('ReadProgress', () => {
  it.each([
    ['LISTS', 'Reading the lists of keys, users and roles from VTEX'],
    ['ROLES', 'Reading the roles of each key and user: 56 of 69'],
    ['SAVING', 'Keeping a copy so the next pages open at once'],
  ])('names the step with the time so far (%s)', (phase, step) => {
    const { container } = render(<ReadProgress status={reading({ phase })} />)

    expect(block(container)).toContain(step)
    expect(block(container)).toContain('12 seconds so far.')
  })

  it('says the read is finishing once it ended, until the page’s answer replaces the block', () => {
    const { container, rerender } = render(
      <ReadProgress status={reading({ phase: 'SAVING' })} />
    )

    rerender(<ReadProgress status={ended()} />)
    const text = block(container)

    expect(text).toContain(
      'Finishing the read: the page opens with what was read…'
    )
    expect(text).not.toContain('Starting to read')
    expect(text).not.toContain('so far')
  })

  it('keeps the last step of a read that failed, until the page shows why', () => {
    const { container, rerender } = render(<ReadProgress status={reading()} />)

    rerender(<ReadProgress status={ended('VTEX failed')} />)
    expect(block(container)).toContain('56 of 69')
    expect(block(container)).not.toContain('Finishing')
  })

  it('says the read starts before any step was shown', () => {
    for (const status of [null, ended()]) {
      const { container, unmount } = render(<ReadProgress status={status} />)

      expect(block(container)).toContain(
        'Starting to read your account from VTEX'
      )
      unmount()
    }
  })

  it.each([
    ['pt', 'Concluindo a leitura'],
    ['es', 'Terminando la lectura'],
  ])('says it in the admin’s language (%s)', (locale, said) => {
    // the read ends inside the tree (a rerender would drop the locale the test renders with)
    const Ending: React.FC = () => {
      const [status, setStatus] = useState(reading())

      return (
        <>
          <button type="button" onClick={() => setStatus(ended())}>
            end
          </button>
          <ReadProgress status={status} />
        </>
      )
    }

    const { container, getByText } = render(<Ending />, { locale })

    fireEvent.click(getByText('end'))
    expect(block(container)).toContain(said)
  })
})
