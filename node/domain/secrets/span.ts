/** Where in a text something token-like sits: [start, end). */
export interface Span {
  start: number
  end: number
}

/** Spans sorted, with overlapping and touching ones merged: what redaction cuts. */
export function merged(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Span[] = []

  for (const s of sorted) {
    const last = out[out.length - 1]

    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else out.push({ ...s })
  }

  return out
}
