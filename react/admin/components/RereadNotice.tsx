// Said beside a button whose change was made but whose page could not be read again afterwards
// (useSettledMutation's rereadFailed): the page still shows the copy from before the change, and
// a second press may be refused as "already done". One polite region stands empty on the page, so
// the sentence is announced when it appears (a region added with its text is often not read out),
// and it goes with the next press of the button.
import React from 'react'
import { FormattedMessage } from 'react-intl'

export const RereadNotice: React.FC<{ failed: boolean }> = ({ failed }) => (
  <span role="status" className={failed ? 'db f6 mt2 c-warning' : undefined}>
    {failed && (
      <span data-reread-failed>
        <FormattedMessage id="admin/key-steward.reread.failed" />
      </span>
    )}
  </span>
)
