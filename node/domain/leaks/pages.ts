// What to fetch next from a page: scripts it loads and, for sitemap.xml, the pages it lists.
// Linear-time patterns over bounded text.

export function scriptSources(html: string): string[] {
  const out: string[] = []
  const re = /<script\b[^>]{0,2000}?\bsrc\s{0,5}=\s{0,5}["']([^"'\s>]{1,2000})["']/gi
  for (let m = re.exec(html); m; m = re.exec(html)) out.push(m[1])
  return out
}

export function sitemapLocations(xml: string): string[] {
  const out: string[] = []
  const re = /<loc>\s{0,20}([^<\s]{1,2000})\s{0,20}<\/loc>/gi
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1])
  return out
}
