// Under a disabled action button: which License Manager resource the admin's role lacks.
import React from 'react'
import { FormattedMessage } from 'react-intl'

import type { ActionPermission } from '../types'
import { useResourceWords } from '../components/useResourceWords'

const PermissionNote: React.FC<{ permission?: ActionPermission }> = ({
  permission,
}) => {
  const resourceWords = useResourceWords()

  return permission && !permission.allowed ? (
    <p
      className="f6 c-muted-1 mt2 mb0"
      data-testid={`missing-${permission.field}`}
    >
      <FormattedMessage
        id="admin/key-steward.actions.missing"
        values={{
          resources: permission.acceptedResources.length
            ? resourceWords(permission.acceptedResources)
            : permission.missingResources.join(', '),
        }}
      />
    </p>
  ) : null
}

export default PermissionNote
