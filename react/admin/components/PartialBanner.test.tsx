import React from 'react'
import { render } from '@vtex/test-tools/react'

import { MISSING_SHOWN, PartialBanner } from './QueryState'

const parts = (n: number) =>
  Array.from({ length: n }, (_, i) => `roles of key "K${i + 1}" (HTTP 500)`)

describe('PartialBanner', () => {
  it('names what is missing, each part isolated (a label written right to left turns nothing else)', () => {
    const { container } = render(
      <PartialBanner
        missing={['roles of key "\u202eabc" (HTTP 500)', 'the admin user list']}
      />
    )

    const bdi = Array.from(container.querySelectorAll('[data-partial] bdi'))

    expect(bdi.map((b) => b.textContent)).toEqual([
      'roles of key "\u202eabc" (HTTP 500)',
      'the admin user list',
    ])
    expect(container.querySelector('[data-partial]')!.textContent).toContain(
      '(HTTP 500); the admin user list'
    )
  })

  it(`names the first ${MISSING_SHOWN} and counts the rest, in the admin's language`, () => {
    const en = render(<PartialBanner missing={parts(2000)} />)

    expect(en.container.querySelectorAll('[data-partial] bdi')).toHaveLength(
      MISSING_SHOWN
    )
    expect(en.container.textContent).toContain('(HTTP 500) and 1,995 more')

    const pt = render(<PartialBanner missing={parts(6)} />, { locale: 'pt' })

    expect(pt.container.textContent).toContain('(HTTP 500) e mais 1')
    const es = render(<PartialBanner missing={parts(7)} />, { locale: 'es' })

    expect(es.container.textContent).toContain('(HTTP 500) y 2 más')
  })

  it('says nothing when nothing is missing', () => {
    const { container } = render(<PartialBanner missing={[]} />)

    expect(container.querySelector('[data-partial]')).toBeNull()
  })
})
