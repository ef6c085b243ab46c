// A review key's name on the page. The review records each key's label at its start (evidence
// that never changes); a key renamed in VTEX since is named as VTEX names it now, so the reviewer
// recognises it, and the row says what it was called (RenamedFrom in DecisionRow).

interface Named {
  appKey: string
  label: string
  /** the label in VTEX now, when it changed since the open review started (else null) */
  labelNow?: string | null
}

/** Its label now when renamed, else the recorded one; its appKey when either is empty. */
export const keyName = (k: Named): string => (k.labelNow ?? k.label) || k.appKey

/** True when the key was renamed in VTEX since the review started. */
export const renamed = (k: Named): boolean =>
  k.labelNow !== null && k.labelNow !== undefined && k.labelNow !== k.label
