// Live regions (role alert/status/log, aria-live) inside another: screen readers announce the
// message twice (vtex.styleguide's Alert is itself role="alert"). setup.ts checks every rendered
// component test with this; liveRegions.test.tsx checks the shared states directly.
const LIVE = '[role="alert"], [role="status"], [role="log"], [aria-live]'

export function nestedLiveRegions(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll(LIVE))
    .filter((el) => el.parentElement?.closest(LIVE))
    .map((el) => el.outerHTML.slice(0, 200))
}
