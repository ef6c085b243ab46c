import React from 'react'
import { render } from '@vtex/test-tools/react'

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
    const { getByText } = render(<Checklist items={[checked]} />)

    expect(
      getByText('Checked by ana@acme.com on November 26, 2026')
    ).toBeInTheDocument()
  })

  it('and in a completed review', () => {
    const { getByText } = render(<ReadOnlyChecklist items={[checked]} />)

    expect(
      getByText('Checked by ana@acme.com on November 26, 2026')
    ).toBeInTheDocument()
  })

  it('in Portuguese too', () => {
    const { getByText } = render(<ReadOnlyChecklist items={[checked]} />, {
      locale: 'pt',
    })

    expect(getByText(/26 de novembro de 2026/)).toBeInTheDocument()
  })
})
