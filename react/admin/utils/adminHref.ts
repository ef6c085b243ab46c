// The VTEX Admin shows an app's page at /admin/<route> and loads it in its frame from
// /admin/app/<route>. A link's href is the Admin URL, so opening it in a new tab (or copying it)
// lands in the Admin with its sidebar; clicks still navigate inside the frame.
export function adminHref(to: string): string {
  return to.replace(/^\/admin\/app(?=\/|$|\?|#)/, '/admin')
}
