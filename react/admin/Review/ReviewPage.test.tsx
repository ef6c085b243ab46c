import React from 'react'
import { fireEvent, render, wait } from '@vtex/test-tools/react'
import { GraphQLError } from 'graphql'

import DEACTIVATE from '../graphql/deactivateKey.gql'
import DECIDE from '../graphql/decideKey.gql'
import REVIEW from '../graphql/review.gql'
import ReviewPage from './ReviewPage'

const PRACTICES = ['ROTATE_KEYS', 'RENEW_TOKENS', 'REASSESS_ACCESS', 'INDIVIDUAL_KEYS', 'AWARENESS', 'NO_CLIENT_SIDE', 'NO_SHARING']
const review = {
  id: 'r1', status: 'OPEN', startedAt: '2026-11-26T12:00:00.000Z', startedBy: 'ana@acme.com', inventoryComplete: true,
  progress: { keysTotal: 2, keysDecided: 0, practicesTotal: 7, practicesClosed: 0 },
  checklist: PRACTICES.map(p => ({
    practice: p, status: 'OPEN', note: '', checkedBy: null, checkedAt: null, attested: p === 'AWARENESS' || p === 'NO_SHARING',
    evidence: p === 'ROTATE_KEYS' ? [{ id: 'activeWithinRotation', value: '41/46', ok: false }] : [],
  })),
  keys: [
    { id: 'k-old', appKey: 'vtexappkey-acme-OLDKEY', label: 'Legacy OMS export', isActive: true, ageDays: 250, roles: ['OMS - Read only'], risky: true, findings: [{ rule: 'key-age-exceeded', severity: 'HIGH' }], decision: null },
    { id: 'k-erp', appKey: 'vtexappkey-acme-ERPSYN', label: 'ERP orders sync', isActive: true, ageDays: 10, roles: ['Call center operator'], risky: false, findings: [], decision: null },
  ],
}
const history = [{ id: 'r0', startedAt: '2026-08-01T12:00:00.000Z', completedAt: '2026-08-02T12:00:00.000Z', signedBy: 'bruno@acme.com', keys: 40 }]

describe('ReviewPage', () => {
  it('offers to start a review when none is open, and lists past ones', async () => {
    const { getByText } = render(<ReviewPage />, { graphql: { mocks: [{ request: { query: REVIEW }, result: { data: { review: null, reviews: history } } }] } })
    await wait(() => getByText('No review is open'))
    expect(getByText('Start review')).toBeInTheDocument()
    expect(getByText(/signed by bruno@acme.com · 40 keys/)).toBeInTheDocument()
  })

  it('shows progress, checklist evidence, risky keys first and what is missing before sign-off', async () => {
    const { getByText, getAllByRole, container } = render(<ReviewPage />, { graphql: { mocks: [{ request: { query: REVIEW }, result: { data: { review, reviews: [] } } }] } })
    await wait(() => getByText('Keys decided'))
    expect(getAllByRole('progressbar')[0].getAttribute('aria-valuenow')).toBe('0')
    expect(container.querySelector('[data-evidence="activeWithinRotation"]')!.textContent).toContain('41/46')
    expect(container.querySelector('[data-practice="AWARENESS"]')!.textContent).toContain('No automatic evidence')
    const rows = container.querySelectorAll('tr[data-review-key]')
    expect(rows[0].getAttribute('data-review-key')).toBe('k-old')
    expect(rows[0].textContent).toContain('Justification (required to keep)')
    expect(getByText(/2 keys are undecided, 7 practices are open/)).toBeInTheDocument()
  })

  it('explains a refused decision next to the justification', async () => {
    const refused = {
      request: { query: DECIDE, variables: { keyId: 'k-old', decision: 'KEEP', justification: '' } },
      result: { errors: [new GraphQLError('Keeping needs a justification', undefined, undefined, undefined, undefined, undefined, { code: 'BAD_USER_INPUT', fields: [{ field: 'justification', message: 'x' }] })] },
    }
    const { getByText, container } = render(<ReviewPage />, { graphql: { mocks: [{ request: { query: REVIEW }, result: { data: { review, reviews: [] } } }, refused] } })
    await wait(() => getByText('Keys decided'))
    const row = container.querySelector('tr[data-review-key="k-old"]')!
    fireEvent.change(row.querySelector('select')!, { target: { value: 'KEEP' } })
    fireEvent.click(row.querySelector('button[type="submit"]')!)
    await wait(() => getByText('Keeping a key with a HIGH or CRITICAL finding needs a justification.'))
  })

  it('carries a DEACTIVATE decision out from the review after a confirmation, and shows who did it', async () => {
    const decided = { ...review, keys: [{ ...review.keys[0], decision: { decision: 'DEACTIVATE', justification: 'unused', decidedBy: 'ana@acme.com', decidedAt: '2026-11-26T12:00:00.000Z', carriedOut: [], carryOutStatus: 'NOT_STARTED' } }, review.keys[1]] }
    const carried = { ...review, keys: [{ ...decided.keys[0], decision: { ...decided.keys[0].decision, carriedOut: [{ action: 'DEACTIVATE', detail: 'active → inactive', by: 'bruno@acme.com', at: '2026-11-26T12:00:00.000Z' }], carryOutStatus: 'CARRIED_OUT' } }, review.keys[1]] }
    const deactivate = {
      request: { query: DEACTIVATE, variables: { keyId: 'k-old', confirm: 'vtexappkey-acme-OLDKEY' } },
      result: { data: { deactivateKey: { key: { id: 'k-old', isActive: false, rolesKnown: true, roles: [] }, renewal: null, recorded: false, audited: true, carriedOut: true } } },
    }
    const { getByText, getAllByText, getByTestId, container } = render(<ReviewPage />, { graphql: { mocks: [{ request: { query: REVIEW }, result: { data: { review: decided, reviews: [] } } }, deactivate, { request: { query: REVIEW }, result: { data: { review: carried, reviews: [] } } }] } })
    await wait(() => getByText('Keys decided'))
    const filter = Array.from(container.querySelectorAll('select')).find(el => el.querySelector('option[value="all"]'))!
    fireEvent.change(filter, { target: { value: 'all' } })
    await wait(() => getByText('Deactivate key…'))
    fireEvent.click(getByText('Deactivate key…'))
    expect(getByTestId('confirm-dialog').textContent).toContain('vtexappkey-acme-OLDKEY')
    fireEvent.click(getAllByText('Deactivate').slice(-1)[0])
    await wait(() => getByText(/Carried out: Key deactivated, by bruno@acme.com/))
    expect(container.querySelector('[data-carried-out="DEACTIVATE"]')).not.toBeNull()
  })
})
