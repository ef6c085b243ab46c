// Paging for long server-paged lists: at 5,000 keys and 100 a page, reaching the last page took
// 49 presses of Next (a walk at real size). First and Last go straight there. The buttons show
// arrows (four named buttons did not fit a 1024 px Admin in Portuguese) and keep their names for
// assistive tech and as a tooltip; they are disabled, not hidden, where they cannot go.
// With an id they are a group that SkipToPages moves the focus to (named by "Page 2 of 5").
import React, { useEffect, useRef } from 'react'
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
  /** the target of a SkipToPages link */
  id?: string
}> = ({ page, pages, onPage, id }) => {
  const intl = useIntl()
  const group = useRef<HTMLDivElement>(null)
  // Next pressed on the last page but one disables Next: the focus would fall to the top of the
  // document; it stays with the buttons instead (Tab then reaches the ones left).
  const pressed = useRef<HTMLButtonElement | null>(null)

  useEffect(() => {
    const b = pressed.current
    const at = document.activeElement

    if (b?.disabled && (at === b || at === document.body || !at))
      group.current?.focus()
  }, [page, pages])

  return (
    <div
      ref={group}
      id={id}
      className="flex flex-wrap items-center"
      data-testid="page-buttons"
      role="group"
      aria-labelledby={id && `${id}-page`}
      tabIndex={-1}
      onFocus={(e) => {
        pressed.current =
          e.target instanceof HTMLButtonElement ? e.target : null
      }}
    >
      <PageButton id="first" disabled={page <= 1} onClick={() => onPage(1)} />
      <PageButton
        id="previous"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      />
      <span className="mh3 f6 nowrap" id={id && `${id}-page`}>
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
