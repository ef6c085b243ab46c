// Focus moved on purpose after an action whose button goes away (start, sign-off): to the
// heading of the block that now holds the work, so keyboard and screen reader users go on from
// there rather than from the top of the page (the browser leaves focus on the body).

/** Focuses the first heading inside `el` (a PageBlock's title is an h2), made focusable by script only. */
export function focusHeadingIn(el: HTMLElement | null): boolean {
  const heading = el?.querySelector<HTMLElement>('h1, h2, h3, h4')

  if (!heading) return false
  heading.tabIndex = -1
  heading.focus()

  return document.activeElement === heading
}
