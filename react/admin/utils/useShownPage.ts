// A page past the end (?page=999, a bookmark kept while keys were removed) is answered with the
// last page (attack10 #6): the page then writes the page it shows back into its view, so the
// address, the tab's remembered view and the page buttons agree with what is on screen. Its view
// effect replaces the address entry (no Back step that leads to 999 and back again).
import { useEffect } from 'react'

/**
 * `answered`: the page the service answered for the view asked now, undefined while it is being
 * read or failed (then the data Apollo holds may be another view's, e.g. the page left).
 */
export function useShownPage(
  asked: number,
  answered: number | undefined,
  show: (page: number) => void
): void {
  useEffect(() => {
    if (answered !== undefined && answered !== asked) show(answered)
  }, [asked, answered])
}
