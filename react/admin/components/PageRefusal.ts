// Lets a page's refusal tell the frame around it that the page is refused, so the frame drops
// what leads nowhere for this session: its "Back to API keys" link led from a refused key page to
// the refused key list (both need the same read resources).
import { createContext, useContext, useEffect } from 'react'

/** Set by PageFrame: called with true while a refusal of the whole page is shown. */
export const PageRefusal = createContext<((refused: boolean) => void) | null>(
  null
)

/** Marks the page refused while the calling component is shown. */
export function useMarksPageRefused() {
  const mark = useContext(PageRefusal)

  useEffect(() => {
    if (!mark) return undefined
    mark(true)

    return () => mark(false)
  }, [mark])
}
