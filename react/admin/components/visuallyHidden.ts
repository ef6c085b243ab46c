// Text read by screen readers but not shown: a button's fuller name beside its short visible
// label (which key a Remove removes, which review an Open opens).
import type { CSSProperties } from 'react'

export const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
}
