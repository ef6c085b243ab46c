// Paging for long server-paged lists: at 5,000 keys and 100 a page, reaching the last page took
// 49 presses of Next (a walk at real size). First and Last go straight there. The buttons show
// arrows (four named buttons did not fit a 1024 px Admin in Portuguese) and keep their names for
// assistive tech and as a tooltip; they are disabled, not hidden, where they cannot go.
import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from 'vtex.styleguide'

const ARROW = { first: '«', previous: '‹', next: '›', last: '»' } as const

const PageButton: React.FC<{
  id: keyof typeof ARROW
  disabled: boolean
  onClick: () => void
}> = ({ id, disabled, onClick }) => {
  const intl = useIntl()
  const name = intl.formatMessage({ id: `admin/key-steward.keys.${id}` })

  // flex-none: in a narrow frame the group wraps to a new line rather than squeeze each name
  return (
    <span className="flex-none" title={name}>
      {/* the styleguide's Button drops aria-label: the name is text, clipped from view */}
      <Button
        size="small"
        variation="tertiary"
        disabled={disabled}
        onClick={onClick}
      >
        <span aria-hidden="true" className="f4">
          {ARROW[id]}
        </span>
        <span className="clip">{name}</span>
      </Button>
    </span>
  )
}

const PageButtons: React.FC<{
  page: number
  pages: number
  onPage: (page: number) => void
}> = ({ page, pages, onPage }) => {
  const intl = useIntl()

  return (
    <div className="flex flex-wrap items-center" data-testid="page-buttons">
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
