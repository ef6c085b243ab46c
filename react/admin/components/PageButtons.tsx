// Paging for long server-paged lists: at 5,000 keys and 100 a page, reaching the last page took
// 49 presses of Next (a walk at real size). First and Last go straight there; the buttons keep
// their names for assistive tech and are disabled, not hidden, where they cannot go.
import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from 'vtex.styleguide'

const PageButton: React.FC<{
  id: 'first' | 'previous' | 'next' | 'last'
  disabled: boolean
  onClick: () => void
}> = ({ id, disabled, onClick }) => {
  const intl = useIntl()
  const name = intl.formatMessage({ id: `admin/key-steward.keys.${id}` })

  return (
    <Button
      size="small"
      variation="tertiary"
      disabled={disabled}
      onClick={onClick}
      aria-label={name}
    >
      {name}
    </Button>
  )
}

const PageButtons: React.FC<{
  page: number
  pages: number
  onPage: (page: number) => void
}> = ({ page, pages, onPage }) => {
  const intl = useIntl()

  return (
    <div className="flex items-center" data-testid="page-buttons">
      <PageButton id="first" disabled={page <= 1} onClick={() => onPage(1)} />
      <PageButton
        id="previous"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      />
      <span className="mh3 f6 nowrap">
        <FormattedMessage
          id="admin/key-steward.keys.page"
          values={{
            page: intl.formatNumber(page),
            pages: intl.formatNumber(pages),
          }}
        />
      </span>
      <PageButton
        id="next"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      />
      <PageButton
        id="last"
        disabled={page >= pages}
        onClick={() => onPage(pages)}
      />
    </div>
  )
}

export default PageButtons
