// The sign-off's "Show them in the table" asks the decision table (a sibling on the page) to show
// the decided keys, most severe first, and to scroll into view: a window event, so neither
// component holds the other's state.
import { useEffect, useRef } from 'react'

const EVENT = 'key-steward:review-show-decided'

/** Asks the open review's decision table to show Decided, most severe first. */
export function requestShowDecided() {
  window.dispatchEvent(new CustomEvent(EVENT))
}

/** For the decision table: runs `show` on a request, then scrolls the returned ref into view. */
export function useShowDecidedRequest<T extends HTMLElement>(show: () => void) {
  const top = useRef<T>(null)
  const latest = useRef(show)

  latest.current = show
  useEffect(() => {
    const on = () => {
      latest.current()
      top.current?.scrollIntoView?.({ block: 'start' })
    }

    window.addEventListener(EVENT, on)

    return () => window.removeEventListener(EVENT, on)
  }, [])

  return top
}
