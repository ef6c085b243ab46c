// What to fetch next from a page: scripts it loads and, for sitemap.xml, the pages it lists.
// Linear-time patterns over bounded text.

export function scriptSources(html: string): string[] {
  const out: string[] = []
  // Find each <script tag, cut it at its '>', then look for src= inside that tag only: every
  // character is read a bounded number of times, whatever the page holds.
  const open = /<script\b/gi
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const end = html.indexOf('>', m.index)
    if (end === -1) break // no tag closes after this point: nothing more to find
    const tag = html.slice(m.index, Math.min(end, m.index + 2000))
    const src = /(?:^|\s)src\s{0,5}=\s{0,5}["']([^"'\s>]{1,2000})["']/i.exec(tag)
    if (src) out.push(src[1])
    open.lastIndex = end
  }
  return out
}

export function sitemapLocations(xml: string): string[] {
  const out: string[] = []
  const re = /<loc>\s{0,20}([^<\s]{1,2000})\s{0,20}<\/loc>/gi
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1])
  return out
}
