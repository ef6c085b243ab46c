import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'
import { GraphQLError } from 'graphql'

import CHECK from '../graphql/checkPractice.gql'
import PERMISSIONS from '../graphql/keyActionPermissions.gql'
import REVIEW from '../graphql/review.gql'
import Checklist, { ReadOnlyChecklist } from './Checklist'
import type { ChecklistItem } from './types'

const checked: ChecklistItem = {
  practice: 'ROTATE_KEYS',
  status: 'DONE',
  note: 'Rotated the five stale keys.',
  checkedBy: 'ana@acme.com',
  checkedAt: '2026-11-26T12:30:00.000Z',
  attested: false,
  adverse: false,
  doneNeeds: null,
  evidence: [],
} as unknown as ChecklistItem

describe('Checklist: who checked a practice, and when', () => {
  // The review page writes its dates in full ("Started … on November 26, 2026"): the checklist's
  // "Checked by … on …" must read the same, in the open review and in a completed one.
  it('dates the check like the rest of the review in the open review', () => {
    const { getByText } = render(<Checklist items={[checked]} reviewId="r1" />)

    expect(
      getByText('Checked by ana@acme.com on November 26, 2026')
    ).toBeInTheDocument()
  })

  it('and in a completed review', () => {
    const { getByText } = render(
      <ReadOnlyChecklist items={[checked]} reviewId="r1" />
    )

    expect(
      getByText('Checked by ana@acme.com on November 26, 2026')
    ).toBeInTheDocument()
  })

  it('in Portuguese too', () => {
    const { getByText } = render(
      <ReadOnlyChecklist items={[checked]} reviewId="r1" />,
      {
        locale: 'pt',
      }
    )

    expect(getByText(/26 de novembro de 2026/)).toBeInTheDocument()
  })
})

const evidence = (
  practice: string,
  lines: Array<[string, string, boolean, number?]>
) =>
  ({
    ...checked,
    practice,
    evidence: lines.map(([id, value, ok, keyCount = 0]) => ({
      id,
      value,
      ok,
      keyCount,
    })),
  } as unknown as ChecklistItem)

describe('Checklist: evidence figures read as words', () => {
  it('words "5/3" owners and "40/48" keys, not as fractions (en, pt)', () => {
    const items = [
      evidence('ROTATE_KEYS', [['activeWithinRotation', '40/48', false]]),
      evidence('REASSESS_ACCESS', [['ownerUsers', '5/3', false]]),
    ]

    const en = render(<ReadOnlyChecklist items={items} reviewId="r1" />)
    const line = (id: string, c: HTMLElement) =>
      c.querySelector(`[data-evidence="${id}"]`)!.textContent

    expect(line('ownerUsers', en.container)).toMatch(
      /Users holding Owner: 5 \(at most 3 recommended\)$/
    )
    expect(line('activeWithinRotation', en.container)).toMatch(
      /Active keys within the rotation period: 40 of 48$/
    )
    en.unmount()
    const pt = render(<ReadOnlyChecklist items={items} reviewId="r1" />, {
      locale: 'pt',
    })

    expect(line('ownerUsers', pt.container)).toMatch(
      /Usuários com Owner: 5 \(no máximo 3 recomendados\)$/
    )
  })
})

describe('Checklist: evidence at 5,000 keys', () => {
  const items = [
    evidence('ROTATE_KEYS', [
      ['activeWithinRotation', '3323/4567', false, 1244],
    ]),
    evidence('RENEW_TOKENS', [['unfinishedRenewals', '1269', false, 1269]]),
  ]

  const line = (id: string, c: HTMLElement) =>
    c.querySelector(`[data-evidence="${id}"]`)!

  it('groups the figures as the locale writes numbers (1,269 in en; 1.269 in pt; 12.345 in es)', () => {
    const en = render(<ReadOnlyChecklist items={items} reviewId="r1" />)

    expect(line('activeWithinRotation', en.container).textContent).toContain(
      ': 3,323 of 4,567'
    )
    expect(line('unfinishedRenewals', en.container).textContent).toContain(
      ': 1,269'
    )
    en.unmount()
    const pt = render(<ReadOnlyChecklist items={items} reviewId="r1" />, {
      locale: 'pt',
    })

    expect(line('activeWithinRotation', pt.container).textContent).toContain(
      ': 3.323 de 4.567'
    )
    expect(line('unfinishedRenewals', pt.container).textContent).toMatch(
      /: 1\.269 · ver as 1\.269 chaves$/
    )
    pt.unmount()
    // Spanish groups from five digits on (CLDR): 4567, 12.345
    const es = render(
      <ReadOnlyChecklist
        items={[
          evidence('ROTATE_KEYS', [
            ['activeWithinRotation', '12345/50000', false, 12345],
          ]),
        ]}
        reviewId="r1"
      />,
      { locale: 'es' }
    )

    expect(line('activeWithinRotation', es.container).textContent).toMatch(
      /: 12\.345 de 50\.000 · ver las 12\.345 claves$/
    )
  })

  it('links to the keys by review and evidence line, not by listing 1,244 ids', () => {
    const { container } = render(
      <Checklist items={items} reviewId="2026-11-26-e689363d" />
    )

    const link = line('activeWithinRotation', container).querySelector('a')!

    expect(link.textContent).toBe('show the 1,244 keys')
    expect(link.getAttribute('href')).toBe(
      '/admin/key-steward/keys?evidence=activeWithinRotation&review=2026-11-26-e689363d'
    )
  })
})

// walk 10: an auditor's evidence links ("show the 5 keys") opened the key list, which refused her
describe('ReadOnlyChecklist: evidence for a session that cannot open the key list', () => {
  const refusedReads = {
    request: { query: PERMISSIONS },
    result: {
      data: {
        keyActionPermissions: [
          'renewToken',
          'finishTokenRenewal',
          'recordTokenRenewal',
          'deactivateKey',
          'reactivateKey',
          'removeKeyRole',
        ].map((field) => ({
          field,
          allowed: false,
          missingResources: ['Save user'],
          acceptedResources: [['Save user', 'Edit Admin Users']],
        })),
      },
    },
  }

  it('counts the keys as text, with no link, in pt', async () => {
    const { container } = render(
      <ReadOnlyChecklist
        items={[
          evidence('ROTATE_KEYS', [
            ['activeWithinRotation', '40/48', false, 5],
          ]),
        ]}
        reviewId="r1"
      />,
      { locale: 'pt', graphql: { mocks: [refusedReads] } }
    )

    const l = container.querySelector('[data-evidence="activeWithinRotation"]')!

    await waitFor(() => expect(l.querySelector('a')).toBeNull())
    expect(l.querySelector('[data-evidence-count="5"]')!.textContent).toBe(
      ' · 5 chaves'
    )
  })
})

describe('Checklist: focus after saving a practice', () => {
  it("moves to the practice's heading (the item is drawn anew and its Save disabled)", async () => {
    const open = {
      ...checked,
      status: 'OPEN',
      note: '',
      checkedBy: null,
      checkedAt: null,
    } as unknown as ChecklistItem

    const { container, getByText } = render(
      <Checklist items={[open]} reviewId="r1" />,
      {
        graphql: {
          mocks: [
            {
              request: {
                query: CHECK,
                variables: {
                  practice: 'ROTATE_KEYS',
                  status: 'DONE',
                  note: 'Rotated the stale keys',
                },
              },
              result: { data: { checkPractice: { id: 'r1' } } },
            },
            // the refetch of the open review (its answer does not matter here)
            { request: { query: REVIEW }, result: { data: { review: null } } },
          ],
        },
      }
    )

    fireEvent.change(container.querySelector('select')!, {
      target: { value: 'DONE' },
    })
    fireEvent.change(container.querySelector('textarea')!, {
      target: { value: 'Rotated the stale keys' },
    })
    const save = getByText('Save').closest('button')!

    save.focus()
    fireEvent.click(save)
    await waitFor(() =>
      expect(document.activeElement).toBe(container.querySelector('h3'))
    )
  })

  // Done with adverse evidence and no note: the service refuses on the note. Save is disabled
  // while saving, so without this the keyboard user is left on the page's body.
  it('moves to the note when the service asks for one', async () => {
    const open = {
      ...checked,
      status: 'OPEN',
      note: '',
      adverse: true,
      checkedBy: null,
      checkedAt: null,
    } as unknown as ChecklistItem

    const { container, getByText } = render(
      <Checklist items={[open]} reviewId="r1" />,
      {
        graphql: {
          mocks: [
            {
              request: {
                query: CHECK,
                variables: {
                  practice: 'ROTATE_KEYS',
                  status: 'DONE',
                  note: '',
                },
              },
              result: {
                errors: [
                  new GraphQLError(
                    'needs a note',
                    undefined,
                    undefined,
                    undefined,
                    undefined,
                    undefined,
                    {
                      code: 'BAD_USER_INPUT',
                      fields: [{ field: 'note', message: 'x' }],
                    }
                  ),
                ],
              },
            },
          ],
        },
      }
    )

    fireEvent.change(container.querySelector('select')!, {
      target: { value: 'DONE' },
    })
    const save = getByText('Save').closest('button')!

    save.focus()
    fireEvent.click(save)
    await waitFor(() =>
      expect(document.activeElement).toBe(container.querySelector('textarea'))
    )
    expect(
      getByText('Say what was done about the evidence that needs attention.')
    ).toBeInTheDocument()
  })
})

// walk16 #8: seven practices' "Save" buttons read apart by the practice each one saves
describe('Checklist: each Save names its practice', () => {
  it('is described by the practice’s heading (aria-describedby)', async () => {
    const { container } = render(
      <Checklist
        items={[
          checked,
          { ...checked, practice: 'RENEW_TOKENS' } as ChecklistItem,
        ]}
        reviewId="r1"
      />
    )

    const buttons = Array.from(
      container.querySelectorAll('form button[type="submit"]')
    )

    expect(buttons).toHaveLength(2)
    await waitFor(() =>
      expect(
        buttons.map(
          (b) =>
            document.getElementById(b.getAttribute('aria-describedby') ?? '')
              ?.textContent
        )
      ).toEqual(['Rotate keys', 'Renew tokens'])
    )
  })
})
