import React from 'react'
import { fireEvent, render } from '@vtex/test-tools/react'

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

  it("ends with what to do and offers Load live data when no source line does, in the admin's language", () => {
    const onLive = jest.fn()
    const en = render(<PartialBanner missing={parts(1)} onLive={onLive} />)

    expect(en.container.textContent).toContain(
      '(HTTP 500). Try again in a few minutes.'
    )
    fireEvent.click(en.getByText('Load live data'))
    expect(onLive).toHaveBeenCalledTimes(1)

    const pt = render(<PartialBanner missing={parts(1)} onLive={onLive} />, {
      locale: 'pt',
    })

    expect(pt.container.textContent).toContain(
      '(HTTP 500). Tente novamente em alguns minutos.'
    )
    expect(pt.getByText('Carregar dados ao vivo')).toBeTruthy()
    const es = render(<PartialBanner missing={parts(1)} onLive={onLive} />, {
      locale: 'es',
    })

    expect(es.container.textContent).toContain(
      '(HTTP 500). Inténtalo de nuevo en unos minutos.'
    )
    expect(es.getByText('Cargar datos en vivo')).toBeTruthy()
  })

  it.each(['SNAPSHOT', 'RECENT', 'LIVE'])(
    'leaves Load live data to the source line above when the page shows a %s copy (one button, not two)',
    (source) => {
      const { queryByText, container } = render(
        <PartialBanner missing={parts(1)} source={source} onLive={jest.fn()} />
      )

      expect(container.querySelector('[data-partial]')).not.toBeNull()
      expect(queryByText('Load live data')).toBeNull()
    }
  )

  it('says nothing when nothing is missing', () => {
    const { container } = render(<PartialBanner missing={[]} />)

    expect(container.querySelector('[data-partial]')).toBeNull()
  })
})
