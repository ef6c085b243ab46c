import React, { useState } from 'react'
import { useApolloClient } from 'react-apollo'
import { FormattedMessage } from 'react-intl'
import { Button } from 'vtex.styleguide'

import type { ExportFormat } from '../graphql/types.generated'
import { downloadExport } from './download'

const ExportButtons: React.FC<{ id: string }> = ({ id }) => {
  const client = useApolloClient()
  const [failed, setFailed] = useState(false)
  const go = (format: ExportFormat) =>
    downloadExport(client, id, format).then(
      () => setFailed(false),
      () => setFailed(true)
    )

  return (
    <span className="inline-flex items-center">
      <Button size="small" variation="tertiary" onClick={() => go('CSV')}>
        <FormattedMessage id="admin/key-steward.review.exportCsv" />
      </Button>
      <Button size="small" variation="tertiary" onClick={() => go('JSON')}>
        <FormattedMessage id="admin/key-steward.review.exportJson" />
      </Button>
      {failed && (
        <span className="c-danger f6 ml2" role="alert">
          <FormattedMessage id="admin/key-steward.review.exportFailed" />
        </span>
      )}
    </span>
  )
}

export default ExportButtons
