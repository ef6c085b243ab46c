// vtex.styleguide's Alert always renders role="alert" (assertive: read out at once, interrupting).
// That suits an error the user just caused, not a banner that stands on the page (a reminder, the
// data's age, a partial read) — those would interrupt on every page load. Notice is the Alert with
// the right politeness, so no caller wraps it in a second live region (announced twice).
import React, { useLayoutEffect, useRef } from 'react'
import { Alert } from 'vtex.styleguide'

/**
 * assertive: the Alert's own role="alert" (an error the user just caused or must act on now).
 * polite: role="status" (announced when it changes, after what the reader is saying).
 * none: no live region (a standing banner: read when the user reaches it, not on load).
 */
export type Announce = 'assertive' | 'polite' | 'none'

type Props = {
  type: 'success' | 'error' | 'warning'
  announce: Announce
  action?: { label: React.ReactNode; onClick: () => void }
  onClose?: () => void
  children: React.ReactNode
}

const ROLE: Record<Announce, string | null> = {
  assertive: 'alert',
  polite: 'status',
  none: null,
}

export const Notice: React.FC<Props> = ({ announce, ...alert }) => {
  const ref = useRef<HTMLDivElement>(null)

  // The Alert takes no role prop; set it on its element before the browser paints (and before the
  // accessibility tree sees an alert). React never rewrites it: Alert's role="alert" is constant.
  useLayoutEffect(() => {
    const el = ref.current

    if (!el) return
    const role = ROLE[announce]

    if (role) el.setAttribute('role', role)
    else el.removeAttribute('role')
  }, [announce])

  return <Alert ref={ref} {...alert} />
}
