// A real link (keyboard, middle-click, screen readers) that navigates inside the Admin. `to` is
// the app's route (/admin/app/…); the href is the Admin URL a new tab should open.
import React from 'react'
import { useRuntime } from 'vtex.render-runtime'

import { adminHref } from '../utils/adminHref'
import { focusHeadingAt } from './pageFocus'

const Link: React.FC<{
  to: string
  className?: string
  ariaLabel?: string
  ariaCurrent?: 'page'
  /** called as the link is followed (in this tab or another) */
  onFollow?: () => void
}> = ({ to, className, ariaLabel, ariaCurrent, onFollow, children }) => {
  const { navigate } = useRuntime()

  return (
    <a
      href={adminHref(to)}
      aria-label={ariaLabel}
      aria-current={ariaCurrent}
      className={className ?? 'c-link hover-c-link-hover no-underline'}
      onClick={(e) => {
        onFollow?.()
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
        e.preventDefault()
        focusHeadingAt(to)
        navigate({ to })
      }}
    >
      {children}
    </a>
  )
}

export default Link
