import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import { expectTabTrapped, focusReturnsTo, modalName } from '../testing/dialog'
import SignOff from './SignOff'
import type { Review } from './types'

const review = (progress: Partial<Review['progress']>) =>
  ({
    id: 'r-1',
    nextDueIfSignedNow: '2027-02-24T12:00:00.000Z',
    checklist: [{ status: 'DONE' }, { status: 'NOT_APPLICABLE' }],
    progress: {
      keysDecided: 3,
      keysTotal: 3,
      practicesTotal: 2,
      openPractices: [],
      decisionCounts: [{ decision: 'KEEP', count: 3 }],
      criticalChangesPending: 0,
      keptWithoutReason: 0,
      keptWithoutReasonKeys: [],
      keptExposed: 0,
      keptCritical: 0,
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
      '1 key kept without a justification now has a HIGH or CRITICAL finding: justify keeping it or decide again (Show: Decided, most severe first).Show them in the table'
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
      'You confirm the decisions on 3 keys (3 to keep) and the checklist of 2 practices (1 done, 1 not applicable). Your name and the time are recorded, and the next review will be due on February 24, 2027.'
    )
    // one sentence says it: no second paragraph repeats the count of keys
    expect(dialog.textContent!.match(/3 keys/g)).toHaveLength(1)
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

    // the date the next review will be due, the same in every language (walk 11 #12)
    expect(said('en')).toMatch(
      /the next review will be due on February 24, 2027\.$/
    )
    expect(said('pt')).toMatch(
      /a próxima revisão vencerá em 24 de fevereiro de 2027\.$/
    )
    expect(said('es')).toMatch(
      /la próxima revisión vencerá el 24 de febrero de 2027\.$/
    )
    expect(said('en')).toMatch(
      /^You confirm the decisions on 6 keys \(3 to keep, 2 to reduce roles, 1 to deactivate\) and the checklist of 2 practices \(1 done, 1 not applicable\)\. /
    )
    expect(said('pt')).toMatch(
      /^Você confirma as decisões sobre 6 chaves \(3 para manter, 2 para reduzir perfis, 1 para desativar\) e o checklist de 2 práticas \(1 concluída, 1 não aplicável\)\. /
    )
    expect(said('es')).toMatch(
      /^Confirmas las decisiones sobre 6 claves \(3 para mantener, 2 para reducir roles, 1 para desactivar\) y la lista de verificación de 2 prácticas \(1 hecha, 1 no aplicable\)\. /
    )
  })

  it('without the date (an older service), says the time to the next review counts from now', async () => {
    const { getByRole } = render(
      <SignOff
        review={{ ...review({}), nextDueIfSignedNow: null }}
        onSigned={() => undefined}
      />
    )

    fireEvent.click(getByRole('button'))
    expect(
      getByRole('dialog').querySelector('[data-sign-off-counts]')!.textContent
    ).toMatch(/, and the time to the next review counts from now\.$/)
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
    ).toMatch(
      /^You confirm the decisions on 0 keys and the checklist of 2 practices \(1 done, 1 not applicable\)\./
    )
  })

  it('leaves zero checklist counts out ("2 done", not "2 done, 0 not applicable")', async () => {
    const said = (locale: string) => {
      const { getByRole, unmount } = render(
        <SignOff
          review={
            {
              ...review({}),
              checklist: [{ status: 'DONE' }, { status: 'DONE' }],
            } as unknown as Review
          }
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

    expect(said('en')).toContain('the checklist of 2 practices (2 done).')
    expect(said('pt')).toContain('o checklist de 2 práticas (2 concluídas).')
    expect(said('es')).toContain(
      'la lista de verificación de 2 prácticas (2 hechas).'
    )
  })

  it('names the keys kept without a justification (five, and how many more) and shows them in the table on request', async () => {
    const keys = ['Feed sync', 'ERP', 'CRM', 'BI', 'Search'].map(
      (label, i) => ({
        id: `k${i}`,
        label,
      })
    )

    const asked = jest.fn()

    window.addEventListener('key-steward:review-show-decided', asked)
    const { container, getByText } = render(
      <SignOff
        review={review({ keptWithoutReason: 7, keptWithoutReasonKeys: keys })}
        onSigned={() => undefined}
      />
    )

    expect(
      container.querySelector('[data-kept-without-reason-keys]')!.textContent
    ).toBe('Feed sync, ERP, CRM, BI, Search and 2 more')
    fireEvent.click(getByText('Show them in the table'))
    expect(asked).toHaveBeenCalledTimes(1)
    window.removeEventListener('key-steward:review-show-decided', asked)
  })

  it('says a kept key whose token was found in storefront code stays in use after signing (en, pt, es)', async () => {
    const said = (keptExposed: number, locale = 'en') => {
      const { getByRole, unmount } = render(
        <SignOff review={review({ keptExposed })} onSigned={() => undefined} />,
        { locale }
      )

      fireEvent.click(getByRole('button'))
      const text =
        getByRole('dialog').querySelector('[data-sign-off-kept-exposed]')
          ?.textContent ?? null

      unmount()

      return text
    }

    expect(said(0)).toBeNull()
    expect(said(1)).toBe(
      '1 kept key has its token in storefront code: signing leaves that token in use until it is rotated and taken out of the code.'
    )
    expect(said(2, 'pt')).toMatch(/^2 chaves mantidas têm o token no código/)
    expect(said(1, 'es')).toMatch(
      /^1 clave mantenida tiene su token en el código/
    )
  })

  it('counts the kept keys with a CRITICAL finding, which the completed review repeats (en, pt, es)', async () => {
    const said = (keptCritical: number, locale = 'en') => {
      const { getByRole, unmount } = render(
        <SignOff
          review={review({ keptCritical })}
          onSigned={() => undefined}
        />,
        { locale }
      )

      fireEvent.click(getByRole('button'))
      const text =
        getByRole('dialog').querySelector('[data-sign-off-kept-critical]')
          ?.textContent ?? null

      unmount()

      return text
    }

    expect(said(0)).toBeNull()
    expect(said(2)).toBe(
      '2 kept keys have a CRITICAL finding: signing leaves them as they are.'
    )
    expect(said(1, 'pt')).toBe(
      '1 chave mantida tem um achado CRÍTICO: assinar a deixa como está.'
    )
    expect(said(2, 'es')).toBe(
      '2 claves mantenidas tienen un hallazgo CRÍTICO: firmar las deja como están.'
    )
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
