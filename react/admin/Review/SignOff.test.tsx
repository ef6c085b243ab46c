import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import { expectTabTrapped, focusReturnsTo, modalName } from '../testing/dialog'
import SignOff from './SignOff'
import type { Review } from './types'

const review = (progress: Partial<Review['progress']>) =>
  ({
    id: 'r-1',
    checklist: [{ status: 'DONE' }, { status: 'NOT_APPLICABLE' }],
    progress: {
      keysDecided: 3,
      keysTotal: 3,
      practicesTotal: 2,
      openPractices: [],
      decisionCounts: [{ decision: 'KEEP', count: 3 }],
      criticalChangesPending: 0,
      keptWithoutReason: 0,
      ...progress,
    },
  } as unknown as Review)

describe('SignOff', () => {
  it('keeps the button short while work remains, and lists what remains beside it as its description', async () => {
    const { getByText, container } = render(
      <SignOff
        review={review({ keysDecided: 1, openPractices: ['ROTATE_KEYS'] })}
        onSigned={() => undefined}
      />
    )

    const button = getByText('Sign off review').closest('button')!

    expect(button).toBeDisabled()
    expect(button.textContent).toBe('Sign off review')
    await waitFor(() =>
      expect(button.getAttribute('aria-describedby')).toBe(
        'sign-off-remaining-r-1'
      )
    )
    const note = container.querySelector('#sign-off-remaining-r-1')!

    expect(
      Array.from(note.querySelectorAll('li')).map((li) => li.textContent)
    ).toEqual([
      '2 keys still need a decision.',
      'Practice still open: Rotate keys.',
    ])
    expect(container.textContent).not.toMatch(/ROTATE_KEYS/)
  })

  it('waits for keys kept without a justification that turned risky, and says how to find them (en, pt)', async () => {
    const en = render(
      <SignOff
        review={review({ keptWithoutReason: 1 })}
        onSigned={() => undefined}
      />
    )

    expect(en.getByText('Sign off review').closest('button')).toBeDisabled()
    expect(
      en.container.querySelector('[data-kept-without-reason]')!.textContent
    ).toBe(
      '1 key kept without a justification now has a HIGH or CRITICAL finding: justify keeping it or decide again (Show: Decided, most severe first).'
    )
    en.unmount()
    const pt = render(
      <SignOff
        review={review({ keptWithoutReason: 2 })}
        onSigned={() => undefined}
      />,
      { locale: 'pt' }
    )

    expect(
      pt.container.querySelector('[data-kept-without-reason]')!.textContent
    ).toMatch(/^2 chaves mantidas sem justificativa agora têm um achado ALTO/)
  })

  it('when ready, opens a modal confirmation with focus on Cancel; Esc closes it and focus returns to the button', async () => {
    const { getByText, getByRole, queryByRole, container } = render(
      <SignOff review={review({})} onSigned={() => undefined} />
    )

    const button = getByText('Sign off review').closest('button')!

    expect(button).not.toBeDisabled()
    expect(container.querySelector('[data-remaining]')).toBeNull()
    await waitFor(() =>
      expect(button.hasAttribute('aria-describedby')).toBe(false)
    )
    button.focus()
    fireEvent.click(button)
    const dialog = getByRole('dialog')

    expect(modalName(dialog)).toBe('Sign off this access review?')
    expect(dialog.querySelector('[data-sign-off-counts]')!.textContent).toBe(
      'You sign off 3 keys (3 to keep) and 2 practices (1 done, 1 not applicable).'
    )
    expect(document.activeElement).toBe(getByText('Cancel').closest('button'))
    expectTabTrapped(dialog)
    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(queryByRole('dialog')).toBeNull()
    await focusReturnsTo(button)
  })

  it('counts the decisions in words that read naturally, in every language', async () => {
    const counts = [
      { decision: 'KEEP', count: 3 },
      { decision: 'ROTATE', count: 0 },
      { decision: 'REDUCE_ROLES', count: 2 },
      { decision: 'DEACTIVATE', count: 1 },
    ] as Review['progress']['decisionCounts']

    const said = (locale: string) => {
      const { getByRole, unmount } = render(
        <SignOff
          review={review({
            keysDecided: 6,
            keysTotal: 6,
            decisionCounts: counts,
          })}
          onSigned={() => undefined}
        />,
        { locale }
      )

      fireEvent.click(getByRole('button'))
      const text = getByRole('dialog').querySelector(
        '[data-sign-off-counts]'
      )!.textContent

      unmount()

      return text
    }

    expect(said('en')).toBe(
      'You sign off 6 keys (3 to keep, 2 to reduce roles, 1 to deactivate) and 2 practices (1 done, 1 not applicable).'
    )
    expect(said('pt')).toBe(
      'Você assina 6 chaves (3 para manter, 2 para reduzir perfis, 1 para desativar) e 2 práticas (1 concluída, 1 não aplicável).'
    )
    expect(said('es')).toBe(
      'Firmas 6 claves (3 para mantener, 2 para reducir roles, 1 para desactivar) y 2 prácticas (1 hecha, 1 no aplicable).'
    )
  })

  it('says nothing of decisions for a review without keys (no empty parentheses)', async () => {
    const { getByRole } = render(
      <SignOff
        review={review({ keysDecided: 0, keysTotal: 0, decisionCounts: [] })}
        onSigned={() => undefined}
      />
    )

    fireEvent.click(getByRole('button'))
    expect(
      getByRole('dialog').querySelector('[data-sign-off-counts]')!.textContent
    ).toBe('You sign off 0 keys and 2 practices (1 done, 1 not applicable).')
  })

  it('reminds that signing carries out nothing when changes on keys with a CRITICAL finding are pending', async () => {
    const dialogText = (
      criticalChangesPending: number,
      locale = 'en'
    ): string | null => {
      const { getByRole, unmount } = render(
        <SignOff
          review={review({
            decisionCounts: [{ decision: 'ROTATE', count: 3 }],
            criticalChangesPending,
          })}
          onSigned={() => undefined}
        />,
        { locale }
      )

      fireEvent.click(getByRole('button'))
      const text =
        getByRole('dialog').querySelector('[data-sign-off-critical]')
          ?.textContent ?? null

      unmount()

      return text
    }

    expect(dialogText(0)).toBeNull()
    expect(dialogText(1)).toBe(
      'Signing does not carry out your decisions: 1 key with a CRITICAL finding keeps its access until the change is made.'
    )
    expect(dialogText(2)).toBe(
      'Signing does not carry out your decisions: 2 keys with a CRITICAL finding keep their access until the change is made.'
    )
    expect(dialogText(2, 'pt')).toBe(
      'Assinar não executa suas decisões: 2 chaves com um achado CRÍTICO mantêm o acesso até a mudança ser feita.'
    )
    expect(dialogText(1, 'es')).toBe(
      'Firmar no ejecuta tus decisiones: 1 clave con un hallazgo CRÍTICO mantiene su acceso hasta que se haga el cambio.'
    )
  })
})
