import React from 'react'
import { render } from '@testing-library/react'

import { useKeptData } from './useKeptData'

const Shown: React.FC<{ data?: string; view: string }> = ({ data, view }) => (
  <p data-shown>{useKeptData(data, view) ?? 'nothing'}</p>
)

const shown = (c: HTMLElement) => c.querySelector('[data-shown]')!.textContent

describe('useKeptData', () => {
  it('keeps the last answer of the same view through a render with none (a failed re-read), not of another view', () => {
    const { container, rerender } = render(<Shown data="key A" view="a" />)

    rerender(<Shown view="a" />)
    expect(shown(container)).toBe('key A')
    rerender(<Shown data="key A again" view="a" />)
    expect(shown(container)).toBe('key A again')
    // another key's page while it loads: never the last key's answer
    rerender(<Shown view="b" />)
    expect(shown(container)).toBe('nothing')
  })
})
