// Under a disabled action: the missing resources grouped by the newer one that would do instead,
// as the refusal page words them ("Save user (or Edit Admin Users)"), never "Save user / Edit…".
import React from 'react'
import { render } from '@vtex/test-tools/react'

import PermissionNote from './PermissionNote'
import type { ActionPermission } from '../types'

const lacking = (acceptedResources: string[][]) =>
  ({
    field: 'deactivateKey',
    allowed: false,
    missingResources: acceptedResources.map((r) => r[0]),
    acceptedResources,
  } as unknown as ActionPermission)

describe('PermissionNote', () => {
  it('names each missing resource with the newer one that would do instead (en, pt)', () => {
    const en = render(
      <PermissionNote
        permission={lacking([
          ['Find user by email', 'View Admin Users'],
          ['Get paged users', 'View Admin Users'],
          ['Save user', 'Edit Admin Users'],
        ])}
      />
    )

    const text = en.getByTestId('missing-deactivateKey').textContent

    expect(text).toBe(
      'Needs the License Manager resource Find user by email and Get paged users (or View Admin Users); Save user (or Edit Admin Users). Ask an account admin for a role with it.'
    )
    expect(text).not.toContain(' / ')
    en.unmount()
    const pt = render(
      <PermissionNote
        permission={lacking([['Save user', 'Edit Admin Users']])}
      />,
      { locale: 'pt' }
    )

    expect(pt.getByTestId('missing-deactivateKey').textContent).toContain(
      'Save user (ou Edit Admin Users)'
    )
  })

  it('says nothing when the action is allowed', () => {
    const { container } = render(
      <PermissionNote
        permission={{ ...lacking([]), allowed: true } as ActionPermission}
      />
    )

    expect(container.textContent).toBe('')
  })
})
