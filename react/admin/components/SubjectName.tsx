// A finding's subject as the key list names it: a key by its label, linking to its page; another
// account's key by its account with an External tag, linking to its row on the key list (it has
// no page here); users by name, an account-wide finding as the whole account. Shared by the
// Overview's lists, the External keys panel and the review's rows, so an external key never reads
// as its appKey in one place and its account in another (walk 11 #6).
import React from 'react'
import { FormattedMessage } from 'react-intl'
import { Tag } from 'vtex.styleguide'

import Link from './Link'
import { subjectHref } from './subjectHref'

const SubjectName: React.FC<{
  subjectType: string
  subjectId: string
  label: string
  /** false where the name is already on the page it would link to (the key list's own panel) */
  linked?: boolean
}> = ({ subjectType, subjectId, label, linked = true }) => {
  const href = linked ? subjectHref(subjectType, subjectId) : null

  // an account-wide finding (the review not done): the account, not its bare id (walk 10); a
  // penalty several users share is ACCOUNT too, with no id, named by their emails as they are
  if (subjectType === 'ACCOUNT' && label && label === subjectId)
    return (
      <FormattedMessage
        id="admin/key-steward.overview.costAccount"
        values={{ account: label }}
      />
    )
  if (subjectType !== 'EXTERNAL_KEY')
    return href ? <Link to={href}>{label}</Link> : <>{label}</>

  return (
    <span data-external-subject>
      {href ? <Link to={href}>{label}</Link> : label}{' '}
      <span className="dib">
        <Tag size="small" bgColor="#e3e4e6" color="#2b2b2c">
          <FormattedMessage id="admin/key-steward.keys.externalTag" />
        </Tag>
      </span>
    </span>
  )
}

export default SubjectName
