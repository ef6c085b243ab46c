// Turns detector matches in one fetched text into exposures: an appKey, with CRITICAL weight
// when a token sits next to it; a token with key context but no key; a credentials link.
// Tokens only ever leave this module masked (first 4 characters and the length), in a form with
// no words in it ("BHHP…(128)"): the pages word the length in the admin's language.
import { containsTokenLike } from '../secrets'
import type { Match } from './detectors'
import {
  appKeyDetector,
  appTokenShapeDetector,
  shareLinkDetector,
  tokenContextDetector,
} from './detectors'

/** How close (characters) a token and its context must be. */
export const NEAR = 300

export interface Exposure {
  kind: 'APP_KEY' | 'TOKEN' | 'SHARE_LINK'
  /** appKey found (public identifier), if any */
  appKey: string | null
  /** account named by the appKey */
  account: string | null
  tokenFound: boolean
  /** the token's first 4 characters, e.g. "BHHP…" */
  tokenMasked: string | null
  /** the token's length in characters */
  tokenLength?: number | null
  url: string
  line: number
  column: number
  /** the surrounding text, every long capital run masked */
  snippet: string
  /** set when the latest scan could not read its URL again: when an earlier scan last saw it there */
  lastSeenAt?: string | null
}

/** A token's first 4 characters and its length, in no language: "BHHP…(128)". */
export function maskToken(token: string): string {
  return `${tokenStart(token)}(${token.length})`
}

/** What an exposure shows of a token beside its length: its first 4 characters. */
export const tokenStart = (token: string): string => `${token.slice(0, 4)}…`

/**
 * Masks what could hand over a credential in display text: any run of 20+ capital letters (a
 * token or part of one) and the id of share.vtex.com/credentials/ links.
 */
export function maskSecrets(text: string): string {
  return text
    .replace(/[A-Z]{20,}/g, (run) => maskToken(run))
    .replace(
      /(share\.vtex\.com\/credentials\/)([A-Za-z0-9_-]{1,200})/g,
      (_, prefix: string, id: string) => `${prefix}${maskToken(id)}`
    )
}

function lineIndex(text: string): number[] {
  const starts = [0]

  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
    starts.push(i + 1)

  return starts
}

function position(
  starts: number[],
  offset: number
): { line: number; column: number } {
  let lo = 0
  let hi = starts.length - 1

  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1

    if (starts[mid] <= offset) lo = mid
    else hi = mid - 1
  }

  return { line: lo + 1, column: offset - starts[lo] + 1 }
}

const near = (a: Match, b: Match) =>
  b.start <= a.end + NEAR && b.end >= a.start - NEAR

/** First index in `sorted` (by start) whose start is >= `start`. */
function lowerBound(sorted: Match[], start: number): number {
  let lo = 0
  let hi = sorted.length

  while (lo < hi) {
    const mid = (lo + hi) >> 1

    if (sorted[mid].start < start) lo = mid + 1
    else hi = mid
  }

  return lo
}

/**
 * Matches of `sorted` near `m`, found by binary search in a window, so scanning stays
 * O(n log n) even when an input is packed with keys, tokens and context words.
 */
function nearby(sorted: Match[], maxLength: number, m: Match): Match[] {
  const out: Match[] = []

  for (
    let i = lowerBound(sorted, m.start - NEAR - maxLength);
    i < sorted.length && sorted[i].start <= m.end + NEAR;
    i++
  ) {
    if (near(m, sorted[i])) out.push(sorted[i])
  }

  return out
}

const longest = (ms: Match[]) =>
  ms.reduce((n, m) => Math.max(n, m.end - m.start), 0)

const distance = (a: Match, b: Match) =>
  b.start >= a.end ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0

const isCapital = (c: string | undefined) =>
  c !== undefined && c >= 'A' && c <= 'Z'

const isAlnum = (c: string | undefined) =>
  c !== undefined &&
  ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))

/** Capital letters a snippet may show of what is not an appKey or a context word: a token's first 4. */
export const SNIPPET_REVEAL = 4
/** How far back (non-alphanumeric characters: quotes, `+`, dashes, spaces) a split token's previous piece can be. */
const JOIN_REACH = 16

/**
 * The text of [from, to) with every capital run that could be a token, or a piece of one, masked:
 * runs standing alone (not part of a word like `AppToken`) however short, and any run of 20 or
 * more. A token split into pieces (`"ABCDEFGHIJKLMNOPQRS" + "TUVW…"`, dashes every 16) shows at
 * most SNIPPET_REVEAL capitals in all, from its first piece only: a piece continuing one that
 * starts before the window shows none. Runs inside `keep` (appKeys, header and appToken-like
 * names; sorted by start) are shown. One pass over the window.
 */
function maskRuns(
  text: string,
  from: number,
  to: number,
  keep: Match[]
): string {
  let out = ''
  let copied = from
  let budget = SNIPPET_REVEAL
  let k = 0
  let lastEnd = -1
  let lastContinues = false

  for (let i = from; i < to; i++) {
    if (!isCapital(text[i])) continue
    const s = i

    while (i + 1 < to && isCapital(text[i + 1])) i++
    const e = i + 1

    while (k < keep.length && keep[k].end <= s) k++
    let kept = false

    for (let q = k; q < keep.length && keep[q].start <= s && !kept; q++)
      kept = e <= keep[q].end
    if (kept) continue
    const len = e - s

    if (len < 20 && (isAlnum(text[s - 1]) || isAlnum(text[e]))) continue // a word's capitals (AppToken, XMLHttp)
    let j = s - 1

    while (j >= 0 && j >= s - JOIN_REACH && !isAlnum(text[j])) j--
    // A piece of a token that starts before the window (or of one such piece) shows nothing.
    const continues: boolean =
      j >= 0 &&
      isCapital(text[j]) &&
      (j < from || (j === lastEnd - 1 && lastContinues))

    const reveal = continues ? 0 : Math.min(budget, len)

    budget -= reveal
    lastEnd = e
    lastContinues = continues
    out +=
      text.slice(copied, s) +
      (reveal === len
        ? text.slice(s, e)
        : `${text.slice(s, s + reveal)}…(${len})`) // maskToken's form
    copied = e
  }

  return out + text.slice(copied, to)
}

const isWordChar = (c: string | undefined) =>
  isAlnum(c) || c === '_' || c === '$'

const SNIPPET_MAX = 300

/** Cuts a long snippet at the last space before SNIPPET_MAX, never inside a word. */
function cutAtWord(s: string): string {
  if (s.length <= SNIPPET_MAX) return s
  const space = s.lastIndexOf(' ', SNIPPET_MAX - 1)

  return `${s
    .slice(0, space > SNIPPET_MAX / 2 ? space : SNIPPET_MAX - 1)
    .trimEnd()}…`
}

function snippet(
  text: string,
  m: Match,
  keep: Match[],
  keepMax: number
): string {
  let from = Math.max(0, m.start - 60)
  let to = Math.min(text.length, m.end + 60)

  // Never cut a capital run (a token) in two: masked whole, it shows its real length.
  for (let n = 0; n < 256 && from > 0 && isCapital(text[from - 1]); n++) from--
  for (let n = 0; n < 256 && to < text.length && isCapital(text[to]); n++) to++
  // Nor any other word (`unction`, `Authoriz`): start and end at a token boundary.
  while (
    from > 0 &&
    from < m.start &&
    isWordChar(text[from - 1]) &&
    isWordChar(text[from])
  )
    from++
  while (
    to < text.length &&
    to > m.end &&
    isWordChar(text[to - 1]) &&
    isWordChar(text[to])
  )
    to--
  const inWindow: Match[] = []

  for (
    let i = lowerBound(keep, from - keepMax);
    i < keep.length && keep[i].start < to;
    i++
  )
    if (keep[i].end > from) inWindow.push(keep[i])
  const shown = maskSecrets(
    maskRuns(text, from, to, inWindow).replace(/\s+/g, ' ').trim()
  )

  return cutAtWord(shown)
}

/**
 * A stored snippet masked again as snippets are now: scans stored before split tokens were
 * masked can hold up to 38 of a token's characters, and their exposures are kept and shown
 * while their URL cannot be read again. Already masked text comes back unchanged.
 */
export function maskSnippet(stored: string): string {
  const keep = [
    ...tokenContextDetector.find(stored),
    ...appKeyDetector.find(stored),
  ].sort((a, b) => a.start - b.start)

  return maskSecrets(maskRuns(stored, 0, stored.length, keep))
}

export function scanText(url: string, text: string): Exposure[] {
  const keys = appKeyDetector.find(text)
  // An appKey is context for a token too (it is longer than the `vtexappkey-` context word).
  const context = [...tokenContextDetector.find(text), ...keys].sort(
    (a, b) => a.start - b.start
  )

  const contextMax = longest(context)
  const tokens = appTokenShapeDetector
    .find(text)
    .filter((t) => nearby(context, contextMax, t).length > 0)

  const links = shareLinkDetector.find(text)

  if (!keys.length && !tokens.length && !links.length) return []

  const starts = lineIndex(text)
  const at = (m: Match) => position(starts, m.start)
  const tokenText = (t: Match) => text.slice(t.start, t.end)
  const claimed = new Set<Match>()

  const tokenMax = longest(tokens)
  const out: Exposure[] = keys.map((k) => {
    // Each key takes the nearest token not already taken by another key.
    const token = nearby(tokens, tokenMax, k)
      .filter((t) => !claimed.has(t))
      .sort((a, b) => distance(k, a) - distance(k, b))[0]

    if (token) claimed.add(token)
    const account = /^vtexappkey-([a-z0-9]+)-/.exec(k.value!)?.[1] ?? null

    return {
      kind: 'APP_KEY' as const,
      appKey: k.value!,
      account,
      tokenFound: !!token,
      tokenMasked: token ? tokenStart(tokenText(token)) : null,
      tokenLength: token ? tokenText(token).length : null,
      url,
      ...at(k),
      snippet: snippet(text, k, context, contextMax),
    }
  })

  for (const t of tokens) {
    if (!claimed.has(t))
      out.push({
        kind: 'TOKEN',
        appKey: null,
        account: null,
        tokenFound: true,
        tokenMasked: tokenStart(tokenText(t)),
        tokenLength: tokenText(t).length,
        url,
        ...at(t),
        snippet: snippet(text, t, context, contextMax),
      })
  }

  for (const l of links)
    out.push({
      kind: 'SHARE_LINK',
      appKey: null,
      account: null,
      tokenFound: false,
      tokenMasked: null,
      tokenLength: null,
      url,
      ...at(l),
      snippet: snippet(text, l, context, contextMax),
    })

  return out
}

/**
 * True when free text holds something token-like: a run of 32 or more capital letters anywhere,
 * so a token pasted twice, glued to a word or cut in half is refused too (domain/secrets.ts).
 */
export function looksLikeToken(text: string): boolean {
  return containsTokenLike(text)
}
