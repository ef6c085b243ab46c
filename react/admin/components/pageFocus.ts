// After a navigation inside the app the link that was activated is gone with its page, and the
// browser leaves focus on the body: the next Tab starts at the top of the document. A link (or
// the page's back link) notes where it leads; the page that opens there puts focus on its
// heading (PageFrame), so keyboard and screen reader users start at the new page's title.
let pending: string | null = null

const pathOf = (to: string) =>
  new URL(to, window.location.origin).pathname.replace(/\/+$/, '')

/** Called as a link inside the app navigates to `to`. */
export function focusHeadingAt(to: string): void {
  pending = pathOf(to)
}

/**
 * True once for the page at the path a link last navigated to (then forgotten). A page opened by
 * other means (the Admin's sidebar, a reload) keeps the browser's own focus.
 */
export function takeHeadingFocus(): boolean {
  if (pending === null || pending !== pathOf(window.location.pathname))
    return false
  pending = null

  return true
}
