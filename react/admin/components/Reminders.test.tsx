import React from 'react'
import { act, fireEvent, render, waitFor } from '@vtex/test-tools/react'
import { GraphQLError } from 'graphql'

import REMINDERS from '../graphql/reminders.gql'
import SNOOZE from '../graphql/snoozeReminder.gql'
import type { Reminder } from './Reminders'
import Reminders, { actionHref, linksHere } from './Reminders'

/** The button named `name` inside `el`. */
const buttonIn = (el: Element, name: string): HTMLElement =>
  Array.from(el.querySelectorAll<HTMLElement>('button')).find(
    (b) => b.textContent?.trim() === name
  )!

describe('Reminders', () => {
  it('says since when the review is overdue when one was completed before (as the Overview)', async () => {
    const reminders = [
      {
        id: 'review-overdue:2026-11-26',
        kind: 'REVIEW_OVERDUE',
        count: 1,
        dueDate: '2027-02-24T12:00:00.000Z',
        subjects: [],
      },
    ]

    for (const [locale, text] of [
      ['en', 'The access review is overdue since February 24, 2027.'],
      [
        'pt',
        'A revisão de acessos está atrasada desde 24 de fevereiro de 2027.',
      ],
    ]) {
      const view = render(<Reminders />, {
        graphql: {
          mocks: [
            { request: { query: REMINDERS }, result: { data: { reminders } } },
          ],
        },
        locale,
      })

      await waitFor(() => view.getByText(text))
      view.unmount()
    }
  })

  // walk16 #7: a renewal whose answer never arrived is named, asking to check VTEX's Admin
  it('names a renewal that may be pending and asks to check VTEX’s Admin, in each language', async () => {
    const reminders = [
      {
        id: 'renewals-possibly-pending:k-locator',
        kind: 'RENEWALS_POSSIBLY_PENDING',
        count: 1,
        dueDate: null,
        subjects: [{ id: 'k-locator', label: 'Store locator widget' }],
      },
    ]

    for (const [locale, text] of [
      [
        'en',
        '1 token renewal may be pending (VTEX’s answer never arrived): Store locator widget. Check in VTEX’s Admin whether a renewal is pending.',
      ],
      [
        'pt',
        '1 renovação de token pode estar pendente (a resposta da VTEX nunca chegou): Store locator widget. Verifique no Admin da VTEX se há uma renovação pendente.',
      ],
      [
        'es',
        '1 renovación de token puede estar pendiente (la respuesta de VTEX nunca llegó): Store locator widget. Comprueba en el Admin de VTEX si hay una renovación pendiente.',
      ],
    ]) {
      const view = render(<Reminders />, {
        graphql: {
          mocks: [
            { request: { query: REMINDERS }, result: { data: { reminders } } },
          ],
        },
        locale,
      })

      await waitFor(() => view.getByText(text))
      const link = view.container.querySelector(
        '[data-reminder="RENEWALS_POSSIBLY_PENDING"] a'
      )!

      expect(link.getAttribute('href')).toBe(
        '/admin/key-steward/keys?ids=k-locator'
      )
      view.unmount()
    }
  })

  it('names three keys, then how many more in words (no "…." before the full stop)', async () => {
    const reminders = [
      {
        id: 'renewals:2027-03-07',
        kind: 'RENEWALS_UNFINISHED',
        count: 5,
        dueDate: null,
        subjects: ['A', 'B', 'C', 'D', 'E'].map((l) => ({
          id: `k-${l}`,
          label: `Feed ${l}`,
        })),
      },
    ]

    for (const [locale, text] of [
      ['en', 'Feed A, Feed B, Feed C and 2 more.'],
      ['pt', 'Feed A, Feed B, Feed C e mais 2.'],
      ['es', 'Feed A, Feed B, Feed C y 2 más.'],
    ]) {
      const view = render(<Reminders />, {
        graphql: {
          mocks: [
            { request: { query: REMINDERS }, result: { data: { reminders } } },
          ],
        },
        locale,
      })

      await waitFor(() =>
        expect(
          view.container.querySelector('[data-reminder]')!.textContent
        ).toContain(text)
      )
      expect(view.container.textContent).not.toContain('….')
      view.unmount()
    }
  })

  it('a review never completed is due now, not overdue: a warning, in each language (it shows on the day of install)', async () => {
    const reminders = [
      {
        id: 'review-overdue:never',
        kind: 'REVIEW_OVERDUE',
        count: 1,
        dueDate: null,
        subjects: [],
      },
    ]

    for (const [locale, text] of [
      ['en', 'No access review completed yet: do the first one now.'],
      [
        'pt',
        'Nenhuma revisão de acessos concluída ainda: faça a primeira agora.',
      ],
      [
        'es',
        'Aún no se completó ninguna revisión de accesos: haz la primera ahora.',
      ],
    ]) {
      const view = render(<Reminders />, {
        graphql: {
          mocks: [
            { request: { query: REMINDERS }, result: { data: { reminders } } },
          ],
        },
        locale,
      })

      await waitFor(() => view.getByText(text))
      expect(view.container.textContent).not.toMatch(/overdue|atrasada/)
      view.unmount()
    }
  })

  it('shows each reminder with its action and a snooze', async () => {
    const reminders = [
      {
        id: 'review-overdue:never',
        kind: 'REVIEW_OVERDUE',
        count: 1,
        dueDate: null,
        subjects: [],
      },
      {
        id: 'crossed:2027-03-07',
        kind: 'KEYS_CROSSED_ROTATION',
        count: 2,
        dueDate: null,
        subjects: [
          { id: 'k1', label: 'ERP sync' },
          { id: 'k2', label: 'Feed' },
        ],
      },
    ]

    const { getByText, container } = render(<Reminders />, {
      graphql: {
        mocks: [
          { request: { query: REMINDERS }, result: { data: { reminders } } },
        ],
      },
    })

    await waitFor(() =>
      getByText(/No access review completed yet: do the first one now/)
    )
    expect(
      getByText('Start the review').closest('a')!.getAttribute('href')
    ).toBe('/admin/key-steward/review')
    expect(
      getByText(
        /2 keys crossed the rotation period since the last scan: ERP sync, Feed/
      )
    ).toBeInTheDocument()
    // its link opens the key list on the keys it names
    const seeKeys = container.querySelector(
      '[data-reminder="KEYS_CROSSED_ROTATION"] a'
    )!

    expect(seeKeys.getAttribute('href')).toBe(
      '/admin/key-steward/keys?ids=k1,k2'
    )
    // more keys than a link holds: the service works out the reminder's keys
    expect(
      actionHref({
        ...reminders[1],
        count: 1200,
        subjects: Array.from({ length: 1200 }, (_, i) => ({
          id: `k${i}`,
          label: `Key ${i}`,
        })),
      } as Reminder)
    ).toBe('/admin/app/key-steward/keys?reminder=KEYS_CROSSED_ROTATION')
    expect(container.querySelectorAll('[data-reminder]')).toHaveLength(2)
    expect(container.textContent).toContain('7 days')
    // two "Snooze" buttons (and two selects): each is described by its own reminder (walk14 #12)
    const describedBy = (el: Element) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')

    const [first, second] = Array.from(
      container.querySelectorAll('[data-reminder]')
    )

    for (const [banner, said] of [
      [first, /^No access review completed yet: do the first one now\.?$/],
      [
        second,
        /^2 keys crossed the rotation period since the last scan: ERP sync, Feed/,
      ],
    ] as const) {
      const button = buttonIn(banner, 'Snooze')

      expect(describedBy(button)).toMatch(said)
      expect(describedBy(banner.querySelector('select')!)).toMatch(said)
    }

    // standing banners: read where they are, not announced as urgent on every page load (the
    // polite region by Snooze stands empty until a snooze's page could not be read again)
    const live = Array.from(
      container.querySelectorAll('[role="alert"], [role="status"], [aria-live]')
    )

    expect(live.map((r) => r.textContent)).toEqual(live.map(() => ''))
    expect(live.filter((r) => r.getAttribute('role') !== 'status')).toEqual([])
  })

  it('reads as one labelled control per reminder: "Remind me again in [7 days] [Snooze]", and snoozes for the days chosen', async () => {
    const reminder = {
      id: 'review-overdue:never',
      kind: 'REVIEW_OVERDUE',
      count: 1,
      dueDate: null,
      subjects: [],
    }

    let snoozed: unknown = null
    const { getByText, getByRole, queryByText } = render(<Reminders />, {
      graphql: {
        mocks: [
          {
            request: { query: REMINDERS },
            result: { data: { reminders: [reminder] } },
          },
          {
            request: {
              query: SNOOZE,
              variables: { id: reminder.id, days: 30 },
            },
            result: () => {
              snoozed = { id: reminder.id, days: 30 }

              return { data: { snoozeReminder: '2027-04-06' } }
            },
          },
          {
            request: { query: REMINDERS },
            result: { data: { reminders: [] } },
          },
        ],
      },
    })

    await waitFor(() =>
      getByText(/No access review completed yet: do the first one now/)
    )
    // The select's name is its visible label, and the label names the group around the button.
    const select = getByRole('combobox', {
      name: 'Remind me again in',
    }) as HTMLSelectElement

    const group = getByRole('group', { name: 'Remind me again in' })

    expect(select.tagName).toBe('SELECT')
    expect(select.value).toBe('7')
    expect(group.contains(select)).toBe(true)
    expect(group.contains(getByText('Snooze'))).toBe(true)
    expect(group.textContent).toMatch(
      /^Remind me again in\s*1 day7 days30 days\s*Snooze$/
    )
    expect(getByRole('region', { name: 'Reminders' })).toBeTruthy()

    fireEvent.change(select, { target: { value: '30' } })
    fireEvent.click(getByText('Snooze'))
    await waitFor(() => expect(snoozed).toEqual({ id: reminder.id, days: 30 }))
    await waitFor(() => expect(queryByText(/overdue/)).toBeNull())
    // it says until when, and focus lands on that line instead of the page's top
    const notice = getByText('Reminder snoozed until April 6, 2027.')

    expect(document.activeElement).toBe(notice)
    expect(queryByText(/could not be read again/)).toBeNull()
  })

  it('says beside Snooze, politely, when the reminder was snoozed but the reminders could not be read again', async () => {
    const reminder = {
      id: 'review-overdue:never',
      kind: 'REVIEW_OVERDUE',
      count: 1,
      dueDate: null,
      subjects: [],
    }

    const { getByText, container } = render(<Reminders />, {
      graphql: {
        mocks: [
          {
            request: { query: REMINDERS },
            result: { data: { reminders: [reminder] } },
          },
          {
            request: { query: SNOOZE, variables: { id: reminder.id, days: 7 } },
            result: { data: { snoozeReminder: '2027-03-14' } },
          },
          {
            request: { query: REMINDERS },
            error: new Error('Service Unavailable'),
          },
        ],
      },
      locale: 'pt',
    })

    await waitFor(() => getByText('Adiar'))
    fireEvent.click(getByText('Adiar'))
    const notice = await waitFor(() =>
      getByText(
        'Feito. Não foi possível ler esta página de novo: recarregue-a para ver a mudança.'
      )
    )

    // the reminder the page still shows (its copy predates the snooze) carries the notice
    const item = container.querySelector('[data-reminder="REVIEW_OVERDUE"]')!

    expect(item.contains(notice)).toBe(true)
    expect(notice.closest('[role="status"]')).not.toBeNull()
  })

  it.each([
    ['refused (another session)', 'FORBIDDEN'],
    ['failed inside the service', 'INTERNAL_SERVER_ERROR'],
  ])(
    'says beside Snooze when the re-read was answered with no reminders at all: %s',
    async (_, code) => {
      const reminder = {
        id: 'review-overdue:never',
        kind: 'REVIEW_OVERDUE',
        count: 1,
        dueDate: null,
        subjects: [],
      }

      const { getByText, container } = render(<Reminders />, {
        graphql: {
          mocks: [
            {
              request: { query: REMINDERS },
              result: { data: { reminders: [reminder] } },
            },
            {
              request: {
                query: SNOOZE,
                variables: { id: reminder.id, days: 7 },
              },
              result: { data: { snoozeReminder: '2027-03-14' } },
            },
            {
              request: { query: REMINDERS },
              result: {
                data: null,
                errors: [
                  new GraphQLError(
                    'No',
                    undefined,
                    undefined,
                    undefined,
                    undefined,
                    undefined,
                    { code }
                  ),
                ],
              },
            },
          ],
        },
      })

      await waitFor(() => getByText('Snooze'))
      fireEvent.click(getByText('Snooze'))
      // the snoozed reminder is still on screen (nothing was read): not as if read again
      const notice = await waitFor(() => getByText(/could not be read again/))

      expect(
        container
          .querySelector('[data-reminder="REVIEW_OVERDUE"]')!
          .contains(notice)
      ).toBe(true)
    }
  )

  it('reads the reminders again after a snooze as the list reads them: a partial answer is taken, not dropped', async () => {
    const reminder = {
      id: 'review-overdue:never',
      kind: 'REVIEW_OVERDUE',
      count: 1,
      dueDate: null,
      subjects: [],
    }

    const { getByText, queryByText } = render(<Reminders />, {
      graphql: {
        mocks: [
          {
            request: { query: REMINDERS },
            result: { data: { reminders: [reminder] } },
          },
          {
            request: { query: SNOOZE, variables: { id: reminder.id, days: 7 } },
            result: { data: { snoozeReminder: '2027-04-06' } },
          },
          {
            // the snoozed reminder is gone; another part could not be worked out
            request: { query: REMINDERS },
            result: {
              data: { reminders: [] },
              errors: [new GraphQLError('The inventory could not be read')],
            },
          },
        ],
      },
    })

    await waitFor(() =>
      getByText(/No access review completed yet: do the first one now/)
    )
    fireEvent.click(getByText('Snooze'))
    await waitFor(() => getByText('Reminder snoozed until April 6, 2027.'))
    // the re-read's answer is on screen, not the copy from before the snooze
    expect(queryByText(/No access review completed yet/)).toBeNull()
  })

  it("shows why a snooze was refused, in the service's words, and keeps the reminder", async () => {
    const reminder = {
      id: 'review-overdue:never',
      kind: 'REVIEW_OVERDUE',
      count: 1,
      dueDate: null,
      subjects: [],
    }

    const { getByText } = render(<Reminders />, {
      graphql: {
        mocks: [
          {
            request: { query: REMINDERS },
            result: { data: { reminders: [reminder] } },
          },
          {
            request: { query: SNOOZE, variables: { id: reminder.id, days: 7 } },
            result: {
              errors: [
                new GraphQLError(
                  'Not a reminder shown now: reload the page',
                  undefined,
                  undefined,
                  undefined,
                  undefined,
                  undefined,
                  { code: 'BAD_USER_INPUT' }
                ),
              ],
            },
          },
        ],
      },
    })

    await waitFor(() =>
      getByText(/No access review completed yet: do the first one now/)
    )
    fireEvent.click(getByText('Snooze'))
    await waitFor(() => getByText('Not a reminder shown now: reload the page'))
    expect(
      getByText(/No access review completed yet: do the first one now/)
    ).toBeInTheDocument()
  })

  it('shows nothing when there is nothing to remind', async () => {
    let answered = false
    const { container } = render(<Reminders />, {
      graphql: {
        mocks: [
          {
            request: { query: REMINDERS },
            result: () => {
              answered = true

              return { data: { reminders: [] } }
            },
          },
        ],
      },
    })

    await waitFor(() => expect(answered).toBe(true))
    // the mock hands the answer over on the next tick: let it reach the page, inside act
    await act(() => new Promise<void>((r) => setTimeout(r, 0)))
    expect(container.querySelector('[data-reminder]')).toBeNull()
    expect(container.innerHTML).toBe('')
  })

  // On the Access review page, "Start the review" would only reopen that page: the banner says
  // the review is overdue without a link to itself; on other pages the link stays.
  it('does not link the overdue review to the review page it is shown on', async () => {
    const reminders = [
      {
        id: 'review-overdue:never',
        kind: 'REVIEW_OVERDUE',
        count: 1,
        dueDate: null,
        subjects: [],
      },
    ]

    const mocks = () => [
      { request: { query: REMINDERS }, result: { data: { reminders } } },
    ]

    const onReview = render(
      <Reminders here="/admin/app/key-steward/review" />,
      { graphql: { mocks: mocks() } }
    )

    await waitFor(() =>
      onReview.getByText(/No access review completed yet: do the first one now/)
    )
    expect(onReview.queryByText('Start the review')).toBeNull()
    expect(
      onReview.container.querySelector('[data-reminder="REVIEW_OVERDUE"] a')
    ).toBeNull()
    onReview.unmount()

    const onKeys = render(<Reminders here="/admin/app/key-steward/keys" />, {
      graphql: { mocks: mocks() },
    })

    await waitFor(() => onKeys.getByText('Start the review'))
    expect(
      onKeys.getByText('Start the review').closest('a')!.getAttribute('href')
    ).toBe('/admin/key-steward/review')
  })

  it('links the overdue review from a completed review open by ?review= (another view of the page)', async () => {
    const reminders = [
      {
        id: 'review-overdue:never',
        kind: 'REVIEW_OVERDUE',
        count: 1,
        dueDate: null,
        subjects: [],
      },
    ]

    const { getByText } = render(
      <Reminders here="/admin/app/key-steward/review?review=r1" />,
      {
        graphql: {
          mocks: [
            { request: { query: REMINDERS }, result: { data: { reminders } } },
          ],
        },
        locale: 'pt',
      }
    )

    await waitFor(() => getByText('Iniciar a revisão'))
    expect(
      getByText('Iniciar a revisão').closest('a')!.getAttribute('href')
    ).toBe('/admin/key-steward/review')
    const review = '/admin/app/key-steward/review'

    expect(linksHere(review, review)).toBe(true)
    expect(linksHere(review, `${review}?review=r1`)).toBe(false)
    expect(linksHere(`${review}?rule=x&ids=a`, `${review}?ids=a&rule=x`)).toBe(
      true
    )
    // how the page shows it, and who and in what language, do not make another view
    expect(linksHere(review, `${review}?q=erp&locale=pt&session=s`)).toBe(true)
    expect(linksHere(review, undefined)).toBe(false)
  })
})
