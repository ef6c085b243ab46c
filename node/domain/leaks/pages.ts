// What to fetch next from a page: the scripts an HTML page loads, and what a sitemap lists.
// Markup is read with htmlparser2's Tokenizer, the way browsers read it (unquoted attributes,
// '>' inside quotes, entities, CDATA, script bodies as raw text). Its Parser is not used: it
// keeps open tags in an array it unshifts and searches, quadratic on unclosed tags (600 KB of
// '<a>' took 46 s); the Tokenizer is a linear state machine and these readers keep no stack.
import { Tokenizer } from 'htmlparser2'
import type { TokenizerCallbacks } from 'htmlparser2'

/** Longer URLs are not real pages or scripts; capping also bounds what is copied. */
const MAX_URL = 2000

function tokenize(
  text: string,
  xmlMode: boolean,
  cbs: Partial<TokenizerCallbacks>
): void {
  const none = () => undefined
  const all: TokenizerCallbacks = {
    onattribdata: none,
    onattribentity: none,
    onattribend: none,
    onattribname: none,
    oncdata: none,
    onclosetag: none,
    oncomment: none,
    ondeclaration: none,
    onend: none,
    onopentagend: none,
    onopentagname: none,
    onprocessinginstruction: none,
    onselfclosingtag: none,
    ontext: none,
    ontextentity: none,
    ...cbs,
  }

  const tokenizer = new Tokenizer({ xmlMode, decodeEntities: true }, all)

  tokenizer.write(text)
  tokenizer.end()
}

/** Collects a value from text pieces and decoded entities, copying nothing past MAX_URL. */
class Value {
  private parts = ''
  add(piece: string) {
    if (this.parts.length <= MAX_URL) this.parts += piece
  }

  slice(text: string, start: number, end: number) {
    this.add(text.slice(start, Math.min(end, start + MAX_URL + 1)))
  }

  /** The trimmed value, or null when empty, too long or holding whitespace (not a URL). */
  url(): string | null {
    const v = this.parts.trim()

    return v && v.length <= MAX_URL && !/\s/.test(v) ? v : null
  }
}

/** The src of every <script> tag, decoded, in document order. */
export function scriptSources(html: string): string[] {
  const out: string[] = []
  let inScript = false
  let src: Value | null = null
  let found: string | null = null

  tokenize(html, false, {
    onopentagname: (s, e) => {
      inScript = e - s === 6 && html.slice(s, e).toLowerCase() === 'script'
      found = null
    },
    onattribname: (s, e) => {
      src =
        inScript &&
        found === null &&
        e - s === 3 &&
        html.slice(s, e).toLowerCase() === 'src'
          ? new Value()
          : null
    },
    onattribdata: (s, e) => src?.slice(html, s, e),
    onattribentity: (cp) => src?.add(String.fromCodePoint(cp)),
    onattribend: () => {
      if (src) found = src.url() ?? ''
      src = null
    }, // the first src wins, as in browsers
    onopentagend: () => {
      if (inScript && found) out.push(found)
      inScript = false
    },
    onselfclosingtag: () => {
      if (inScript && found) out.push(found)
      inScript = false
    },
  })

  return out
}

export interface SitemapEntries {
  /** <loc> of <url> entries (and of any <loc> outside a <sitemap>) */
  pages: string[]
  /** <loc> of <sitemap> entries: this is a sitemap index */
  sitemaps: string[]
}

/** The locations a sitemap or sitemap index lists, entities and CDATA decoded. */
export function readSitemap(xml: string): SitemapEntries {
  const out: SitemapEntries = { pages: [], sitemaps: [] }
  // Namespace prefixes (<sm:loc>) and case do not matter.
  const name = (s: number, e: number) =>
    e - s > 100
      ? ''
      : xml
          .slice(s, e)
          .replace(/^[^:]*:/, '')
          .toLowerCase()

  let entry: 'url' | 'sitemap' | null = null
  let open = ''
  let loc: Value | null = null
  const close = (tag: string) => {
    if (tag === 'loc' && loc) {
      const url = loc.url()

      if (url) (entry === 'sitemap' ? out.sitemaps : out.pages).push(url)
      loc = null
    } else if (tag === entry) entry = null
  }

  tokenize(xml, true, {
    onopentagname: (s, e) => {
      open = name(s, e)
      if (open === 'url' || open === 'sitemap') entry = open
      else if (open === 'loc') loc = new Value()
    },
    onselfclosingtag: () => close(open),
    onclosetag: (s, e) => close(name(s, e)),
    ontext: (s, e) => loc?.slice(xml, s, e),
    ontextentity: (cp) => loc?.add(String.fromCodePoint(cp)),
    oncdata: (s, e, offset) => loc?.slice(xml, s, e - offset),
  })

  return out
}
