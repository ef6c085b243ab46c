import React from 'react'
import { fireEvent, render, waitFor } from '@vtex/test-tools/react'

import DECIDE_KEYS from '../graphql/decideKeys.gql'
import DecisionRow from './DecisionRow'
import type { ReviewKey } from './types'
import { reviewProgress } from '../testing/reviewProgress'

// A key without findings at start whose token a storefront scan run during the review found.
const exposed = {
  id: 'k-locator',
  appKey: 'vtexappkey-acme-LOCATOR',
  label: 'Store locator widget',
  isActive: true,
  ageDays: 40,
  roles: ['Logistics - Read only'],
  risky: true,
  external: false,
  account: null,
  findings: [],
  newFindings: [{ rule: 'exposed-client-side', severity: 'CRITICAL' }],
  decision: null,
} as unknown as ReviewKey

const healthy = {
  ...exposed,
  id: 'k-erp',
  label: 'ERP orders sync',
  risky: false,
  newFindings: [],
} as unknown as ReviewKey

const JUSTIFICATION = 'Token revoked in the theme; kept for the ERP'

const decided = (k: ReviewKey, decision: string, justification: string) => {
  const calls = { count: 0 }

  return {
    calls,
    mock: {
      request: {
        query: DECIDE_KEYS,
        variables: { keyIds: [k.id], decision, justification },
      },
      result: () => {
        calls.count++

        return {
          data: {
            decideKeys: {
              reviewId: 'r1',
              changed: [],
              progress: reviewProgress({ keysTotal: 2, keysDecided: 1 }),
            },
          },
        }
      },
    },
  }
}

const inTable = (row: React.ReactElement) => (
  <table>
    <tbody>{row}</tbody>
  </table>
)

function decide(container: HTMLElement, decision: string, text = '') {
  const row = container.querySelector('tr[data-review-key]')!

  fireEvent.change(row.querySelector('select')!, {
    target: { value: decision },
  })
  if (text)
    fireEvent.change(
      row.querySelector('input[type="text"], input:not([type])')!,
      {
        target: { value: text },
      }
    )
  fireEvent.click(row.querySelector('button[type="submit"]')!)
}

describe('DecisionRow', () => {
  it('shows a finding raised since the review started, never "No problems"', () => {
    const { container, queryByText, getByText } = render(
      inTable(<DecisionRow k={exposed} />)
    )

    expect(queryByText('No problems')).toBeNull()
    expect(getByText('New since the review started')).toBeInTheDocument()
    const line = container.querySelector(
      '[data-new-finding="exposed-client-side"]'
    )!

    expect(line.textContent).toMatch(/Critical/i)
    expect(line.textContent).toContain('Exposed in storefront code')
    // a row without findings, at start or since, still says so
    const other = render(inTable(<DecisionRow k={healthy} />))

    expect(other.getByText('No problems')).toBeInTheDocument()
    expect(other.container.querySelector('[data-new-findings]')).toBeNull()
  })

  it('says a key kept without a justification needs one now that a finding was raised', () => {
    const keptEarly = {
      ...exposed,
      decision: {
        decision: 'KEEP',
        justification: '',
        decidedBy: 'ana@acme.com',
        decidedAt: '2026-11-26T12:00:00.000Z',
        carriedOut: [],
        carryOutStatus: null,
      },
    } as unknown as ReviewKey

    const { container } = render(inTable(<DecisionRow k={keptEarly} />))

    expect(
      container.querySelector('[data-kept-needs-reason]')!.textContent
    ).toBe(
      'Kept without a justification, but a HIGH or CRITICAL finding was raised since: justify keeping it or decide again before sign-off.'
    )
    // with a justification, or on a key without such a finding, nothing is asked
    const justified = render(
      inTable(
        <DecisionRow
          k={
            {
              ...keptEarly,
              decision: { ...keptEarly.decision, justification: 'SEC-45' },
            } as ReviewKey
          }
        />
      )
    )

    expect(
      justified.container.querySelector('[data-kept-needs-reason]')
    ).toBeNull()
  })

  it('asks before keeping a key whose new finding is CRITICAL; Cancel sends nothing, confirming saves', async () => {
    const keep = decided(exposed, 'KEEP', JUSTIFICATION)
    const { container, getByTestId, queryByTestId, getByRole } = render(
      inTable(<DecisionRow k={exposed} />),
      { graphql: { mocks: [keep.mock] } }
    )

    decide(container, 'KEEP', JUSTIFICATION)
    const dialog = getByTestId('row-critical-confirm')

    expect(dialog.textContent).toContain('Keep a key with a CRITICAL finding?')
    expect(dialog.textContent).toContain('Store locator widget')
    expect(dialog.textContent).toContain('Exposed in storefront code')
    // one key: "this key’s access", not "their" (walk 10)
    expect(dialog.textContent).toContain(
      'Keep records that this key’s access stays as it is.'
    )
    expect(dialog.textContent).not.toContain('their')
    fireEvent.click(getByRole('button', { name: 'Cancel' }))
    await waitFor(() =>
      expect(queryByTestId('row-critical-confirm')).toBeNull()
    )
    expect(keep.calls.count).toBe(0)

    fireEvent.click(
      container.querySelector('tr[data-review-key] button[type="submit"]')!
    )
    fireEvent.click(getByRole('button', { name: 'Keep 1 key' }))
    await waitFor(() => expect(keep.calls.count).toBe(1))
  })

  it('asks for the justification before any confirmation when Keep on a CRITICAL key has none, and sends nothing', async () => {
    const keep = decided(exposed, 'KEEP', '')
    const { container, queryByTestId, getByText } = render(
      inTable(<DecisionRow k={exposed} />),
      { graphql: { mocks: [keep.mock] } }
    )

    decide(container, 'KEEP')
    // no "Keep 1 key" dialog that the service would refuse after: the field says it first
    expect(queryByTestId('row-critical-confirm')).toBeNull()
    expect(
      getByText(
        'Keeping a key with a HIGH or CRITICAL finding needs a justification.'
      )
    ).toBeInTheDocument()
    const field = container.querySelector(
      'tr[data-review-key] input[type="text"], tr[data-review-key] input:not([type])'
    )!

    expect(document.activeElement === field).toBe(true)
    // text that shows nothing (a zero-width space, a blank Braille cell) is none, as the service
    // counts it (shownText): still no dialog (walk13)
    fireEvent.change(field, { target: { value: '\u200B \u2800' } })
    fireEvent.click(
      container.querySelector('tr[data-review-key] button[type="submit"]')!
    )
    expect(queryByTestId('row-critical-confirm')).toBeNull()
    // with one written, the confirmation follows as before
    fireEvent.change(field, { target: { value: JUSTIFICATION } })
    fireEvent.click(
      container.querySelector('tr[data-review-key] button[type="submit"]')!
    )
    expect(queryByTestId('row-critical-confirm')).not.toBeNull()
    await new Promise((r) => setTimeout(r, 0))
    expect(keep.calls.count).toBe(0)
  })

  it('asks for the justification of Keep on a HIGH key too (what the service refuses), not on a key without one', async () => {
    const high = {
      ...healthy,
      id: 'k-siem',
      risky: true,
      findings: [{ rule: 'can-manage-keys', severity: 'HIGH' }],
    } as unknown as ReviewKey

    const keep = decided(high, 'KEEP', '')
    const { container, getByText } = render(inTable(<DecisionRow k={high} />), {
      graphql: { mocks: [keep.mock] },
    })

    decide(container, 'KEEP')
    expect(
      getByText(
        'Keeping a key with a HIGH or CRITICAL finding needs a justification.'
      )
    ).toBeInTheDocument()
    await new Promise((r) => setTimeout(r, 0))
    expect(keep.calls.count).toBe(0)
    // a key without such a finding is kept without one at once
    const plain = decided(healthy, 'KEEP', '')
    const other = render(inTable(<DecisionRow k={healthy} />), {
      graphql: { mocks: [plain.mock] },
    })

    decide(other.container, 'KEEP')
    await waitFor(() => expect(plain.calls.count).toBe(1))
  })

  it('offers an external key only Keep and Reduce roles, worded as done in VTEX', () => {
    const external = {
      ...healthy,
      id: 'external:vtexappkey-partner-ABCDEF',
      appKey: 'vtexappkey-partner-ABCDEF',
      label: 'partner',
      external: true,
      account: 'partner',
    } as unknown as ReviewKey

    const { container } = render(inTable(<DecisionRow k={external} />))
    const options = Array.from(container.querySelectorAll('select option'))
      .map((o) => o.textContent)
      .filter((t) => t !== 'Choose…')

    expect(options).toEqual(['Keep', 'Reduce roles in VTEX'])
    // a key of this account keeps every decision
    const own = render(inTable(<DecisionRow k={healthy} />))

    expect(
      Array.from(own.container.querySelectorAll('select option'))
        .map((o) => o.textContent)
        .filter((t) => t !== 'Choose…')
    ).toEqual([
      'Keep',
      'Rotate (renew the token)',
      'Reduce roles',
      'Deactivate',
    ])
    // choosing Reduce roles says where it is done
    fireEvent.change(container.querySelector('select')!, {
      target: { value: 'REDUCE_ROLES' },
    })
    expect(
      container.querySelector('[data-external-reduce-here]')!.textContent
    ).toBe(
      'Remove or reduce its roles here, in VTEX’s User management: Key Steward cannot act on another account’s key and does not track this change.'
    )
  })

  it('names an external key as the key list does, and reports a decision by its full label', async () => {
    const external = {
      ...healthy,
      id: 'external:vtexappkey-partner-ABCDEF',
      appKey: 'vtexappkey-partner-ABCDEF',
      label: 'partner',
      external: true,
      account: 'partner',
    } as unknown as ReviewKey

    const reduce = decided(external, 'REDUCE_ROLES', '')
    const said: string[] = []
    const { container } = render(
      inTable(
        <DecisionRow
          k={external}
          onDecided={(label, d) => said.push(`${label}: ${d}`)}
        />
      ),
      { graphql: { mocks: [reduce.mock] } }
    )

    // its account with the External tag (walk 11 #6), the appKey under it
    expect(
      container.querySelector('[data-external-key] [data-external-subject]')!
        .textContent
    ).toBe('partner External')
    decide(container, 'REDUCE_ROLES')
    await waitFor(() => expect(said).toEqual(['partner: Reduce roles in VTEX']))
  })

  it('words rotating by rule: the fix for a token found in storefront code, a warning for critical access (one key: "this key")', () => {
    const { container, getByTestId, unmount } = render(
      inTable(<DecisionRow k={exposed} />)
    )

    decide(container, 'ROTATE')
    const leaked = getByTestId('row-critical-confirm').textContent

    expect(leaked).toContain(
      'Rotating is the fix for a token found in storefront code: take the token out of the code too'
    )
    expect(leaked).not.toContain('leaves the roles')
    unmount()
    const owner = {
      ...exposed,
      findings: [{ rule: 'owner-role', severity: 'CRITICAL' }],
      newFindings: [],
    } as unknown as ReviewKey

    const second = render(inTable(<DecisionRow k={owner} />))

    decide(second.container, 'ROTATE')
    expect(second.getByTestId('row-critical-confirm').textContent).toContain(
      'Rotate replaces the token but leaves the roles, so the critical access stays. Reduce roles or Deactivate may suit this key better.'
    )
  })

  it('saves a decision on a key without a CRITICAL finding at once', async () => {
    const rotate = decided(healthy, 'ROTATE', '')
    const { container, queryByTestId } = render(
      inTable(<DecisionRow k={healthy} />),
      { graphql: { mocks: [rotate.mock] } }
    )

    decide(container, 'ROTATE')
    expect(queryByTestId('row-critical-confirm')).toBeNull()
    await waitFor(() => expect(rotate.calls.count).toBe(1))
  })

  it('renewing the token of a critical key to carry out Rotate says the key keeps its access', () => {
    const rotating = {
      ...exposed,
      findings: [{ rule: 'owner-role', severity: 'CRITICAL' }],
      newFindings: [],
      decision: {
        decision: 'ROTATE',
        justification: '',
        decidedBy: 'ana@acme.com',
        decidedAt: '2026-11-26T12:30:00.000Z',
        carryOutStatus: 'NOT_STARTED',
        carriedOut: [],
      },
    } as unknown as ReviewKey

    const { getByText, getByTestId, unmount } = render(
      inTable(<DecisionRow k={rotating} />)
    )

    fireEvent.click(getByText('Renew token…'))
    expect(
      getByTestId('confirm-dialog').querySelector('[data-renew-warning]')!
        .textContent
    ).toBe(
      'Rotate replaces the token but leaves the roles, so the critical access stays. Reduce roles or Deactivate may suit this key better.'
    )
    unmount()
    // without a CRITICAL finding the confirmation says the effect only
    const plain = render(
      inTable(
        <DecisionRow
          k={{ ...rotating, findings: [] } as unknown as ReviewKey}
        />
      )
    )

    fireEvent.click(plain.getByText('Renew token…'))
    const confirm = plain.getByTestId('confirm-dialog')

    expect(confirm.textContent).toContain('Store locator widget')
    expect(confirm.querySelector('[data-renew-warning]')).toBeNull()
  })

  // A key renamed in VTEX during the review: named as VTEX names it now (the reviewer finds it
  // there), with the label the review recorded at its start beside it.
  it.each([
    [
      'en',
      'Renamed in VTEX during this review; it was “ERP orders sync” when the review started',
    ],
    [
      'pt',
      'Renomeada na VTEX durante esta revisão; era “ERP orders sync” quando a revisão começou',
    ],
    [
      'es',
      'Renombrada en VTEX durante esta revisión; era “ERP orders sync” cuando empezó la revisión',
    ],
  ])(
    '(%s) names a key renamed since the start by its label now and says what it was',
    (locale, was) => {
      const renamedKey = {
        ...healthy,
        labelNow: 'ERP orders sync (Bling)',
      } as unknown as ReviewKey

      const { container } = render(inTable(<DecisionRow k={renamedKey} />), {
        locale,
      })

      const cell = container.querySelector(
        'tr[data-review-key] td:nth-child(2)'
      )!

      expect(cell.querySelector('span')!.textContent).toBe(
        'ERP orders sync (Bling)'
      )
      expect(container.querySelector('[data-renamed-from]')!.textContent).toBe(
        was
      )
      // the label it had is isolated: a right-to-left mark in it cannot turn the sentence
      expect(
        container.querySelector('[data-renamed-from] bdi')!.textContent
      ).toBe('ERP orders sync')
      // the checkbox is named by the name on screen
      expect(
        container
          .querySelector('input[type="checkbox"]')!
          .getAttribute('aria-label')
      ).toContain('ERP orders sync (Bling)')
    }
  )

  it('says nothing of a rename when the label is unchanged or unknown (labelNow null)', () => {
    const { container } = render(
      inTable(<DecisionRow k={{ ...healthy, labelNow: null } as ReviewKey} />)
    )

    expect(container.querySelector('[data-renamed-from]')).toBeNull()
    expect(container.textContent).toContain('ERP orders sync')
  })

  it('names a key whose label was cleared in VTEX by its appKey, and the label it had', () => {
    const { container } = render(
      inTable(<DecisionRow k={{ ...healthy, labelNow: '' } as ReviewKey} />)
    )

    expect(
      container.querySelector('tr[data-review-key] td:nth-child(2) span')!
        .textContent
    ).toBe('vtexappkey-acme-LOCATOR')
    expect(
      container.querySelector('[data-renamed-from]')!.textContent
    ).toContain('“ERP orders sync”')
  })
})

// walk16 #8: the rows' 50 "Save" buttons read apart by the key each one saves
describe('DecisionRow: the Save button names its key', () => {
  it('is described by the key’s name (aria-describedby)', async () => {
    const { container } = render(
      inTable(
        <>
          <DecisionRow k={exposed} />
          <DecisionRow k={healthy} />
        </>
      )
    )

    const described = (id: string) => {
      const button = container.querySelector(
        `tr[data-review-key="${id}"] button[type="submit"]`
      )!

      return document.getElementById(
        button.getAttribute('aria-describedby') ?? ''
      )?.textContent
    }

    await waitFor(() =>
      expect(described('k-locator')).toBe('Store locator widget')
    )
    expect(described('k-erp')).toBe('ERP orders sync')
  })
})
