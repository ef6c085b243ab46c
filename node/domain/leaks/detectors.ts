// Detectors of VTEX credentials in client-side text. Every pattern is linear-time: no nested
// quantifiers, no alternation under repetition; the token pattern is a fixed-width run guarded
// by one-character look-arounds, so a 5 MB run of capitals costs one pass.

export interface Match {
  detector: string
  start: number
  end: number
  /** the appKey (not secret) or the account of a link; never a token */
  value?: string
}

export interface Detector {
  id: string
  description: string
  find(text: string): Match[]
}

function all(
  re: RegExp,
  text: string,
  detector: string,
  value?: (m: RegExpExecArray) => string | undefined
): Match[] {
  const out: Match[] = []

  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({
      detector,
      start: m.index,
      end: m.index + m[0].length,
      value: value?.(m),
    })
    if (m[0].length === 0) re.lastIndex++
  }

  return out
}

/** vtexappkey-<account>-<6 capitals>, the shape of every VTEX appKey. */
export const appKeyDetector: Detector = {
  id: 'vtex-appkey',
  description:
    'VTEX appKey: vtexappkey-<account>-followed by 6 capital letters',
  find: (text) =>
    all(
      /vtexappkey-([a-z0-9]{1,64})-([A-Z]{6})(?![A-Za-z0-9])/g,
      text,
      'vtex-appkey',
      (m) => m[0]
    ),
}

/** Exactly 128 capital letters: the shape of a classic appToken (context decides if it is one). */
export const appTokenShapeDetector: Detector = {
  id: 'vtex-apptoken-shape',
  description:
    'A run of exactly 128 capital letters (classic appToken shape); reported only with key context nearby',
  find: (text) =>
    all(/(?<![A-Za-z])[A-Z]{128}(?![A-Za-z])/g, text, 'vtex-apptoken-shape'),
}

/** Words that make a nearby 128-letter run an appToken. */
export const tokenContextDetector: Detector = {
  id: 'vtex-token-context',
  description:
    'X-VTEX-API-AppKey / X-VTEX-API-AppToken headers, appToken-like names, VTEX ID app-token login',
  find: (text) =>
    all(
      /x-vtex-api-app(?:key|token)|app[_-]?token|vtexid\/apptoken\/login|vtexappkey-/gi,
      text,
      'vtex-token-context'
    ),
}

/** share.vtex.com/credentials/… links VTEX uses to hand over a new key's token once. */
export const shareLinkDetector: Detector = {
  id: 'vtex-share-credentials-link',
  description:
    'share.vtex.com/credentials/ links (one-time credential hand-over)',
  find: (text) =>
    all(
      /share\.vtex\.com\/credentials\/[A-Za-z0-9_-]{1,200}/g,
      text,
      'vtex-share-credentials-link'
    ),
}

// VTEX ID app-token login bodies ({"appkey": …, "apptoken": …} sent to /api/vtexid/apptoken/login)
// are caught by the appKey detector plus the token shape with its `apptoken` context.
export const DETECTORS: Detector[] = [
  appKeyDetector,
  appTokenShapeDetector,
  tokenContextDetector,
  shareLinkDetector,
]
