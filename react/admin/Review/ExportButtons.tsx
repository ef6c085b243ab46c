import React, { useState } from 'react'
import { useApolloClient } from 'react-apollo'
import { FormattedMessage } from 'react-intl'
import { Button } from 'vtex.styleguide'

import { VISUALLY_HIDDEN } from '../components/visuallyHidden'
import type { ExportFormat } from '../graphql/types.generated'
import { downloadExport } from './download'

/**
 * A review button's visible label (review.<label>); with `signed`, screen readers hear the fuller
 * name review.<label>Name instead, which starts with that label and says the review's date.
 */
export const ButtonName: React.FC<{
  label: 'openCompleted' | 'exportCsv' | 'exportJson'
  signed?: string
}> = ({ label, signed }) =>
  signed ? (
    <>
      <span aria-hidden="true">
        <FormattedMessage id={`admin/key-steward.review.${label}`} />
      </span>
      <span style={VISUALLY_HIDDEN}>
        <FormattedMessage
          id={`admin/key-steward.review.${label}Name`}
          values={{ date: signed }}
        />
      </span>
    </>
  ) : (
    <FormattedMessage id={`admin/key-steward.review.${label}`} />
  )

/**
 * `signed`: the sign-off date of a completed review in a list of them, said in each button's name
 * for screen readers ("Export CSV of the review signed …"): every row's buttons read alike.
 */
const ExportButtons: React.FC<{ id: string; signed?: string }> = ({
  id,
  signed,
}) => {
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
        <ButtonName label="exportCsv" signed={signed} />
      </Button>
      <Button size="small" variation="tertiary" onClick={() => go('JSON')}>
        <ButtonName label="exportJson" signed={signed} />
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
