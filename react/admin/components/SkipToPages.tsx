// A page of a long list shows up to 100 rows: from the search box, a keyboard user pressed Tab
// about 110 times to reach the paging buttons below the table. This link, right after the search
// and filters, moves the focus to them in one step. A second pager above the table would have
// done it too, but every screen reader user would then hear two sets of paging buttons, and at
// 1024 px it takes a row of its own; the link is seen only by whoever tabs to it.
import React from 'react'
import { FormattedMessage } from 'react-intl'

import styles from './SkipToPages.css'

const SkipToPages: React.FC<{
  /** id of the PageButtons to move to (its `id`) */
  to: string
}> = ({ to }) => (
  <a
    href={`#${to}`}
    className={`${styles.skip} c-link`}
    data-skip-to-pages
    onClick={(e) => {
      // focus, not the URL's hash: the page keeps its state in the query (and the frame's URL)
      e.preventDefault()
      document.getElementById(to)?.focus()
    }}
  >
    <FormattedMessage id="admin/key-steward.keys.skipToPages" />
  </a>
)

export default SkipToPages
