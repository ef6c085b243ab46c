import { notFoundOf } from '../domain/leaks/notFound'
import { scanStorefront } from './scanStorefront'
import type { Fetcher, LeakScanResult } from './types'

const TOKEN = 'Q'.repeat(128)
const NOW = new Date('2026-11-26T12:00:00Z')

/** A store on acme.myvtex.com (and acme.vtexassets.com); `redirects` answer 301 with a Location. */
function site(
  pages: Record<string, string>,
  redirects: Record<string, string> = {}
): { fetch: Fetcher; fetched: string[] } {
  const fetched: string[] = []

  return {
    fetched,
    fetch: async (url) => {
      fetched.push(url)
      const u = new URL(url)
      const known =
        u.host === 'acme.myvtex.com' || u.host === 'acme.vtexassets.com'

      const location = known ? redirects[u.pathname + u.search] : undefined

      if (location !== undefined)
        return { ok: false, reason: 'HTTP 301', redirect: location }
      const body = known ? pages[u.pathname + u.search] : undefined

      return body === undefined
        ? { ok: false, reason: 'HTTP 404' }
        : { ok: true, text: body }
    },
  }
}

const urlset = (...locs: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs
    .map((l) => `<url><loc>${l}</loc></url>`)
    .join('')}</urlset>`

const sitemapindex = (...locs: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs
    .map((l) => `<sitemap><loc>${l}</loc></sitemap>`)
    .join('')}</sitemapindex>`

const KEY_PAGE =
  "<html><script>var k = 'vtexappkey-acme-ABCDEF'</script></html>"

const run = (
  fetch: Fetcher,
  extra: Partial<Parameters<typeof scanStorefront>[0]> = {}
) =>
  scanStorefront({
    origin: 'https://acme.myvtex.com',
    scriptHosts: ['acme.vtexassets.com'],
    extraPaths: [],
    fetch,
    now: NOW,
    ...extra,
  })

describe('scanStorefront', () => {
  it('keeps sitemap pages on the store’s own origin, even for //other-host paths', async () => {
    const s = site({
      '/': '<html></html>',
      '/sitemap.xml':
        '<urlset><url><loc>https://www.acme.com//evil.example/x</loc></url><url><loc>https://www.acme.com/sobre</loc></url></urlset>',
      '/sobre': '<html></html>',
    })

    await run(s.fetch)
    expect(s.fetched.every((u) => new URL(u).host === 'acme.myvtex.com')).toBe(
      true
    )
    expect(s.fetched).toContain('https://acme.myvtex.com/evil.example/x')
  })

  it('masks tokens in every URL it keeps (errors, skipped, exposures)', async () => {
    const s = site({
      '/': `<script src="/arquivos/a.js?t=${TOKEN}"></script><script src="https://cdn.example.org/w.js?key=${TOKEN}"></script><script>var k = 'vtexappkey-acme-ABCDEF'</script>`,
    })

    const r = await run(s.fetch)
    const text = JSON.stringify(r)

    expect(text).not.toContain(TOKEN)
    expect(r.errors[0].url).toContain('QQQQ…(128)')
    expect(
      r.skipped.some(
        (x) => x.url.includes('cdn.example.org') && x.url.includes('QQQQ…')
      )
    ).toBe(true)
  })

  it('caps exposures per file and per scan, and says so', async () => {
    const s = site({ '/': "var k='vtexappkey-acme-ABCDEF';".repeat(5000) })
    const r = await run(s.fetch, {
      limits: { maxExposuresPerUrl: 20, maxExposures: 200 },
    })

    expect(r.exposures).toHaveLength(20)
    expect(r.truncated).toBe(true)
    expect(r.skipped.some((x) => /4980 more exposures/.test(x.reason))).toBe(
      true
    )
  })

  // Issue 16, item 9: a 35,000-URL sitemap stored 34,976 notes and hostile markup 735,000
  // (61 MB, read by every evaluation). The first notes are listed, the rest only counted.
  it('lists the first notes and counts the rest, however many URLs a page names', async () => {
    const thirdParty = Array.from(
      { length: 12_000 },
      (_, i) => `<script src="https://cdn${i}.example.org/x.js"></script>`
    ).join('')

    const ownScripts = Array.from(
      { length: 2_000 },
      (_, i) => `<script src="/arquivos/s${i}.js"></script>`
    ).join('')

    const s = site({ '/': `<html>${thirdParty}${ownScripts}</html>` })
    const r = await run(s.fetch)

    expect(r.skipped).toHaveLength(50)
    expect(r.skippedCount).toBe(12_000 + 2_000 - 60 + 1) // third-party, beyond the script limit, and no sitemap
    expect(r.errors).toHaveLength(50) // the 60 own scripts read are 404 here
    expect(r.errorCount).toBe(60)
    expect(JSON.stringify(r).length).toBeLessThan(20_000)
  })

  // left12: beyond the listed notes, a 404 or 410 was still counted as a URL not read
  it('counts every 404 and 410 among the URLs not fetched, listed or not', async () => {
    const scripts = Array.from(
      { length: 60 },
      (_, i) => `<script src="/arquivos/s${i}.js"></script>`
    ).join('')

    const s = site({ '/': `<html>${scripts}</html>` })
    // the first 30 scripts fail (a 503), the other 30 answer 404
    const fetch: Fetcher = async (url, ...rest) =>
      /\/arquivos\/s([0-9]|[12][0-9])\.js$/.test(url)
        ? { ok: false, reason: 'HTTP 503' }
        : s.fetch(url, ...rest)

    const r = await run(fetch)

    expect(r.errors).toHaveLength(50)
    expect(r.errorCount).toBe(60)
    expect(r.notFoundCount).toBe(30)
    expect(r.unreadCount).toBe(30)
    expect(notFoundOf(r.errors, r.notFoundCount).notFoundCount).toBe(30)
  })

  it('masks the id of share.vtex.com credential links', async () => {
    const s = site({
      '/': '<a href="https://share.vtex.com/credentials/a8Fk29dkQpZ-x7Lm0Qw">key</a>',
    })

    const r = await run(s.fetch)

    expect(JSON.stringify(r)).not.toContain('a8Fk29dkQpZ-x7Lm0Qw')
    expect(r.exposures[0].kind).toBe('SHARE_LINK')
  })

  describe('on real VTEX storefronts', () => {
    it('follows /sitemap.xml as a sitemap index to the pages its sitemaps list', async () => {
      const s = site({
        '/': '<html></html>',
        '/sitemap.xml': sitemapindex(
          'https://www.acme.com/sitemap/product-0.xml',
          'https://www.acme.com/sitemap/user-routes-0.xml'
        ),
        '/sitemap/product-0.xml': urlset('https://www.acme.com/panela/p'),
        '/sitemap/user-routes-0.xml': urlset(
          'https://www.acme.com/',
          'https://www.acme.com/institucional/sobre'
        ),
        '/panela/p': KEY_PAGE,
        '/institucional/sobre': '<html></html>',
      })

      const r = await run(s.fetch)

      expect(s.fetched).toEqual(
        expect.arrayContaining([
          'https://acme.myvtex.com/sitemap/product-0.xml',
          'https://acme.myvtex.com/panela/p',
          'https://acme.myvtex.com/institucional/sobre',
        ])
      )
      expect(r.pagesScanned).toBe(3)
      expect(r.exposures.map((e) => e.url)).toEqual([
        'https://acme.myvtex.com/panela/p',
      ])
      expect(r.errors).toEqual([])
      expect(r.truncated).toBe(false)
    })

    it('decodes entities and CDATA in sitemap locations', async () => {
      const s = site({
        '/': '<html></html>',
        '/sitemap.xml': sitemapindex(
          'https://www.acme.com/sitemap/category-0.xml?v=1&amp;w=2',
          '<![CDATA[https://www.acme.com/sitemap/brand-0.xml]]>'
        ),
        '/sitemap/category-0.xml?v=1&w=2': urlset(
          'https://www.acme.com/busca?fq=C:1&amp;O=OrderByTopSaleDESC',
          'https://www.acme.com/a&#x2F;b'
        ),
        '/sitemap/brand-0.xml': urlset(
          '<![CDATA[https://www.acme.com/acme?map=b&x=1]]>'
        ),
        '/busca?fq=C:1&O=OrderByTopSaleDESC': KEY_PAGE,
        '/a/b': '<html></html>',
        '/acme?map=b&x=1': '<html></html>',
      })

      const r = await run(s.fetch)

      expect(r.errors).toEqual([])
      expect(r.pagesScanned).toBe(4)
      expect(r.exposures[0].url).toBe(
        'https://acme.myvtex.com/busca?fq=C:1&O=OrderByTopSaleDESC'
      )
    })

    it('finds scripts with an unquoted src, a > in another attribute, or &amp; in the URL', async () => {
      const s = site({
        '/':
          '<html><SCRIPT src=/arquivos/a.js></SCRIPT><script data-cfg="{&quot;x&quot;:&quot;1>0&quot;}" src="/arquivos/b.js"></script>' +
          "<script src='https://acme.vtexassets.com/arquivos/c.js?v=1&amp;w=2'></script><script>var inline = 'vtexappkey-acme-INLINE'</script></html>",
        '/arquivos/a.js': "var a = 'vtexappkey-acme-AAAAAA'",
        '/arquivos/b.js': "var b = 'vtexappkey-acme-BBBBBB'",
        '/arquivos/c.js?v=1&w=2': "var c = 'vtexappkey-acme-CCCCCC'",
      })

      const r = await run(s.fetch)

      expect(r.errors).toEqual([])
      expect(r.scriptsScanned).toBe(3)
      expect(r.exposures.map((e) => e.appKey).sort()).toEqual([
        'vtexappkey-acme-AAAAAA',
        'vtexappkey-acme-BBBBBB',
        'vtexappkey-acme-CCCCCC',
        'vtexappkey-acme-INLINE',
      ])
    })

    it('follows an index one level only: an index listed by the index is not read further', async () => {
      const s = site({
        '/': '<html></html>',
        '/sitemap.xml': sitemapindex(
          'https://www.acme.com/sitemap/nested.xml',
          'https://www.acme.com/sitemap/product-0.xml'
        ),
        '/sitemap/nested.xml': sitemapindex(
          'https://www.acme.com/sitemap/deep.xml'
        ),
        '/sitemap/deep.xml': urlset('https://www.acme.com/deep/p'),
        '/sitemap/product-0.xml': urlset('https://www.acme.com/panela/p'),
        '/panela/p': '<html></html>',
      })

      const r = await run(s.fetch)

      expect(s.fetched).toContain('https://acme.myvtex.com/sitemap/nested.xml')
      expect(s.fetched).toContain('https://acme.myvtex.com/panela/p')
      expect(s.fetched.filter((u) => /deep/.test(u))).toEqual([])
      expect(r.skipped).toContainEqual({
        url: 'https://acme.myvtex.com/sitemap/nested.xml',
        reason: expect.stringMatching(/lists 1 sitemaps, not read/),
      })
    })

    it('reads index sitemaps within the page and sitemap limits, with one note per sitemap', async () => {
      const many = (prefix: string, n: number) =>
        Array.from(
          { length: n },
          (_, i) => `https://www.acme.com/${prefix}-${i}/p`
        )

      const pages: Record<string, string> = {
        '/': '<html></html>',
        '/sitemap.xml': sitemapindex(
          ...Array.from(
            { length: 6 },
            (_, i) => `https://www.acme.com/sitemap/product-${i}.xml`
          )
        ),
      }

      for (let i = 0; i < 6; i++)
        pages[`/sitemap/product-${i}.xml`] = urlset(...many(`p${i}`, 1000))
      const s = site(pages)
      const r = await run(s.fetch, { limits: { maxPages: 5, maxSitemaps: 3 } })

      expect(r.pagesScanned).toBe(1) // the home page; the listed ones are 404 here, what counts is what was fetched
      expect(s.fetched.filter((u) => u.endsWith('/p'))).toHaveLength(4)
      expect(s.fetched.filter((u) => /sitemap\/product/.test(u))).toEqual([
        'https://acme.myvtex.com/sitemap/product-0.xml',
      ])
      expect(r.truncated).toBe(true)
      expect(r.skipped).toEqual(
        expect.arrayContaining([
          {
            url: 'https://acme.myvtex.com/sitemap/product-0.xml',
            reason:
              '996 more pages it lists not scanned: page limit (5) reached',
          },
          {
            url: 'https://acme.myvtex.com/sitemap.xml',
            reason: '5 more sitemaps it lists not read: page limit (5) reached',
          },
        ])
      )
      expect(r.skipped.length).toBeLessThan(5)

      const small: Record<string, string> = {
        '/': '<html></html>',
        '/sitemap.xml': pages['/sitemap.xml'],
      }

      for (let i = 0; i < 6; i++)
        small[`/sitemap/product-${i}.xml`] = urlset(
          `https://www.acme.com/only-${i}/p`
        )
      const t = site(small)
      const r2 = await run(t.fetch, { limits: { maxSitemaps: 3 } })

      expect(t.fetched.filter((u) => /sitemap\/product/.test(u))).toHaveLength(
        3
      )
      expect(r2.skipped).toContainEqual({
        url: 'https://acme.myvtex.com/sitemap.xml',
        reason: '3 more sitemaps it lists not read: sitemap limit (3) reached',
      })
    })

    it('counts sitemaps against the byte budget and the deadline', async () => {
      const index = sitemapindex(
        'https://www.acme.com/sitemap/a.xml',
        'https://www.acme.com/sitemap/b.xml'
      )

      const big = `${urlset('https://www.acme.com/x/p')}<!-- ${'.'.repeat(
        10_000
      )} -->`

      const s = site({
        '/': '<html></html>',
        '/sitemap.xml': index,
        '/sitemap/a.xml': big,
        '/sitemap/b.xml': big,
      })

      const r = await run(s.fetch, {
        limits: { maxTotalBytes: index.length + big.length },
      })

      expect(r.bytesScanned).toBe(index.length + big.length)
      expect(s.fetched).toContain('https://acme.myvtex.com/sitemap/a.xml')
      expect(s.fetched).not.toContain('https://acme.myvtex.com/sitemap/b.xml')
      expect(r.skipped).toContainEqual({
        url: 'https://acme.myvtex.com/sitemap/b.xml',
        reason: 'total size limit reached',
      })

      let now = 0
      const slow: Fetcher = async (url, max) => {
        now += 15_000

        return s.fetch(url, max)
      }

      const r2 = await run(slow, {
        clock: () => now,
        limits: { deadlineMs: 20_000 },
      })

      expect(r2.skipped).toContainEqual({
        url: 'https://acme.myvtex.com/sitemap/b.xml',
        reason: 'scan time limit reached',
      })
    })

    // Issue 16, item 4: scripts trickling a byte every 3 s kept a scan running 106 s against its
    // 20 s deadline, which was only checked between fetches.
    it('ends the fetches still running at the deadline and reports them as timed out', async () => {
      const s = site({
        '/': '<script src="/arquivos/slow.js"></script><script src="/arquivos/stuck.js"></script><script src="/arquivos/ok.js"></script>',
        '/arquivos/ok.js': "var k = 'vtexappkey-acme-ABCDEF'",
      })

      const told: string[] = []
      const fetch: Fetcher = (url, max, stop) => {
        if (url.endsWith('/slow.js'))
          return new Promise((resolve) =>
            stop!.onStop(() => {
              told.push(url)
              resolve({ ok: false, reason: 'aborted' })
            })
          )
        if (url.endsWith('/stuck.js')) return new Promise(() => undefined) // never answers, even when told to stop

        return s.fetch(url, max)
      }

      const started = Date.now()
      const r = await run(fetch, { limits: { deadlineMs: 300 } })

      expect(Date.now() - started).toBeLessThan(2000)
      expect(told).toEqual(['https://acme.myvtex.com/arquivos/slow.js'])
      expect(r.errors).toEqual(
        expect.arrayContaining([
          {
            url: 'https://acme.myvtex.com/arquivos/slow.js',
            reason: 'timed out',
          },
          {
            url: 'https://acme.myvtex.com/arquivos/stuck.js',
            reason: 'timed out',
          },
        ])
      )
      expect(r.exposures.map((e) => e.appKey)).toEqual([
        'vtexappkey-acme-ABCDEF',
      ])
      expect(r.scriptsScanned).toBe(1)
    })

    it('starts nothing once the deadline has passed', async () => {
      const pages: Record<string, string> = {
        '/': Array.from(
          { length: 10 },
          (_, i) => `<script src="/arquivos/s${i}.js"></script>`
        ).join(''),
      }

      const fetch: Fetcher = (url, max, stop) =>
        url.includes('/arquivos/')
          ? new Promise((resolve) =>
              stop!.onStop(() => resolve({ ok: false, reason: 'aborted' }))
            )
          : site(pages).fetch(url, max)

      const r = await run(fetch, {
        limits: { deadlineMs: 200, concurrency: 2 },
      })

      expect(r.errors.map((e) => e.reason)).toEqual(['timed out', 'timed out'])
      expect(
        r.skipped.filter((x) => x.reason === 'scan time limit reached')
      ).toHaveLength(8)
      expect(r.truncated).toBe(true)
    })

    it('leaves out what redirects to a host the app may not reach, and says why', async () => {
      const token = 'Z'.repeat(128)
      const s = site(
        { '/promo': "<script>var k = 'vtexappkey-acme-ABCDEF'</script>" },
        {
          '/': 'https://www.acme.com/',
          '/sitemap.xml': 'https://www.acme.com/sitemap.xml',
          '/old-promo': '/promo', // on the store's own host: followed once
          '/loop': '/loop2',
          '/loop2': '/loop',
          '/sso': `https://login.example.org/?t=${token}`,
        }
      )

      const r = await run(s.fetch, {
        extraPaths: ['/old-promo', '/loop', '/sso'],
      })

      expect(
        s.fetched.every((u) =>
          ['acme.myvtex.com', 'acme.vtexassets.com'].includes(new URL(u).host)
        )
      ).toBe(true)
      expect(r.skipped).toContainEqual({
        url: 'https://acme.myvtex.com/',
        reason:
          'redirects to https://www.acme.com/ — a host Key Steward may not reach (not in the manifest’s outbound-access policies)',
      })
      expect(
        r.skipped.find((x) => x.url === 'https://acme.myvtex.com/sitemap.xml')
          ?.reason
      ).toMatch(
        /^redirects to https:\/\/www\.acme\.com\/sitemap\.xml — a host Key Steward may not reach/
      )
      expect(r.unreachableHosts).toEqual(['login.example.org', 'www.acme.com'])
      expect(JSON.stringify(r)).not.toContain(token)
      expect(r.exposures.map((e) => e.url)).toEqual([
        'https://acme.myvtex.com/promo',
      ])
      expect(r.errors).toEqual([
        {
          url: 'https://acme.myvtex.com/loop',
          reason:
            'redirects more than once (to https://acme.myvtex.com/loop2, then on)',
        },
      ])
      expect(r.pagesScanned).toBe(1)
    })
  })

  // Issue 16, item 1: with every storefront path answering 503 a scan stored "0 pages, 0 keys,
  // not truncated", the exposed-client-side findings vanished and the hygiene score rose; two
  // 503s on one script were enough to drop a CRITICAL finding.
  describe('a URL it cannot read never counts as clean', () => {
    const EARLIER = new Date('2026-11-20T06:00:00Z')
    const APP_JS = `var cfg = { headers: { 'X-VTEX-API-AppKey': 'vtexappkey-acme-AAAAAA', 'X-VTEX-API-AppToken': '${TOKEN}' } }`
    const store = (): Record<string, string> => ({
      '/': '<html><script src="/arquivos/app.js"></script></html>',
      '/sitemap.xml': urlset('https://www.acme.com/produto/p'),
      '/produto/p':
        '<html><script>var k = \'vtexappkey-acme-BBBBBB\'</script><script src="/arquivos/app.js"></script></html>',
      '/arquivos/app.js': APP_JS,
    })

    /** The store, with `down` paths answering `status` (503 unless told). */
    const failing =
      (pages: Record<string, string>, down: string[], status = 503): Fetcher =>
      async (url) => {
        const u = new URL(url)

        if (down.includes(u.pathname) || down.includes('*'))
          return { ok: false, reason: `HTTP ${status}` }

        return site(pages).fetch(url, 1e9)
      }

    const first = () => run(site(store()).fetch, { now: EARLIER })
    const byUrl = (r: LeakScanResult) =>
      r.exposures
        .map(
          (e) =>
            `${new URL(e.url).pathname} ${e.appKey}${
              e.tokenFound ? '+token' : ''
            } ${e.lastSeenAt ?? 'now'}`
        )
        .sort()

    it('a complete scan says so and keeps where it read each exposure', async () => {
      const r = await first()

      expect(r.complete).toBe(true)
      expect(r.unreadCount).toBe(0)
      expect(byUrl(r)).toEqual([
        '/arquivos/app.js vtexappkey-acme-AAAAAA+token now',
        '/produto/p vtexappkey-acme-BBBBBB now',
      ])
      expect(
        r.sources
          .map((x) => [
            new URL(x.url).pathname,
            x.kind,
            x.via.map((v) => new URL(v).pathname),
          ])
          .sort()
      ).toEqual([
        ['/arquivos/app.js', 'SCRIPT', ['/', '/produto/p']],
        ['/produto/p', 'PAGE', ['/sitemap.xml']],
      ])
    })

    it('every path answering 503: the last known exposures are kept, dated, and the scan is incomplete', async () => {
      const r = await run(failing(store(), ['*']), { previous: await first() })

      expect(r.pagesScanned).toBe(0)
      expect(r.complete).toBe(false)
      expect(byUrl(r)).toEqual([
        `/arquivos/app.js vtexappkey-acme-AAAAAA+token ${EARLIER.toISOString()}`,
        `/produto/p vtexappkey-acme-BBBBBB ${EARLIER.toISOString()}`,
      ])
      expect(r.keptUrls).toBe(2)
      expect(r.keptFrom).toBe(EARLIER.toISOString())
      expect(r.unreadCount).toBeGreaterThanOrEqual(3) // /, the sitemap, and app.js not re-checked
    })

    it('two 503s on one script: its CRITICAL exposure stays, the rest is fresh', async () => {
      const r = await run(failing(store(), ['/arquivos/app.js']), {
        previous: await first(),
      })

      expect(r.pagesScanned).toBe(2)
      expect(byUrl(r)).toEqual([
        `/arquivos/app.js vtexappkey-acme-AAAAAA+token ${EARLIER.toISOString()}`,
        '/produto/p vtexappkey-acme-BBBBBB now',
      ])
      expect(r.complete).toBe(false)
      expect(r.unreadCount).toBe(1)
      expect(r.errors).toEqual([
        { url: 'https://acme.myvtex.com/arquivos/app.js', reason: 'HTTP 503' },
      ])
    })

    it('kept across several failing scans with the date it was last seen', async () => {
      const second = await run(failing(store(), ['/arquivos/app.js']), {
        previous: await first(),
        now: new Date('2026-11-21T06:00:00Z'),
      })

      const third = await run(failing(store(), ['/arquivos/app.js']), {
        previous: second,
      })

      expect(byUrl(third)).toEqual([
        `/arquivos/app.js vtexappkey-acme-AAAAAA+token ${EARLIER.toISOString()}`,
        '/produto/p vtexappkey-acme-BBBBBB now',
      ])
      expect(third.keptFrom).toBe(EARLIER.toISOString())
    })

    it('a page that times out keeps what the scripts it loads held', async () => {
      const pages = store()

      delete pages['/sitemap.xml']
      const previous = await run(site(pages).fetch, { now: EARLIER })
      const r = await run(failing(pages, ['/'], 504), { previous })

      expect(byUrl(r)).toEqual([
        `/arquivos/app.js vtexappkey-acme-AAAAAA+token ${EARLIER.toISOString()}`,
      ])
    })

    it('a script no longer loaded, a 404 or a page no sitemap lists any more: gone, the scan complete', async () => {
      const previous = await first()
      const removed = {
        ...store(),
        '/': '<html></html>',
        '/produto/p':
          "<html><script>var k = 'vtexappkey-acme-BBBBBB'</script></html>",
      }

      const r1 = await run(site(removed).fetch, { previous })

      expect(byUrl(r1)).toEqual(['/produto/p vtexappkey-acme-BBBBBB now'])
      expect(r1.complete).toBe(true)
      const r2 = await run(failing(store(), ['/arquivos/app.js'], 404), {
        previous,
      })

      expect(byUrl(r2)).toEqual(['/produto/p vtexappkey-acme-BBBBBB now'])
      expect(r2.complete).toBe(true)
      const unlisted = { ...store(), '/sitemap.xml': urlset() }
      const r3 = await run(site(unlisted).fetch, { previous })

      expect(byUrl(r3)).toEqual([
        '/arquivos/app.js vtexappkey-acme-AAAAAA+token now',
      ])
      expect(r3.complete).toBe(true)
    })

    it('a sitemap that cannot be read keeps the pages it listed', async () => {
      const r = await run(failing(store(), ['/sitemap.xml']), {
        previous: await first(),
      })

      expect(byUrl(r)).toEqual([
        '/arquivos/app.js vtexappkey-acme-AAAAAA+token now',
        `/produto/p vtexappkey-acme-BBBBBB ${EARLIER.toISOString()}`,
      ])
      expect(r.errors).toEqual([
        {
          url: 'https://acme.myvtex.com/sitemap.xml',
          reason: 'sitemap: HTTP 503',
        },
      ])
      expect(r.complete).toBe(false)
    })

    it('a scan that reads no page is incomplete, not clean, even with nothing to keep', async () => {
      const r = await run(failing(store(), ['*']))

      expect(r.exposures).toEqual([])
      expect(r.complete).toBe(false)
      expect(r.keptFrom).toBeNull()
    })

    it('keeps the exposures of a result stored before sources existed while the scan is incomplete', async () => {
      const { sources: _sources, complete: _c, ...legacy } = await first()
      // and masks its snippets as snippets are masked now
      const leaky = `appToken: "ABCDEFGHIJKLMNOPQRS" + "TUVWXYZABCDEFGHIJKL", appKey: 'vtexappkey-acme-AAAAAA'`

      legacy.exposures = legacy.exposures.map((e) =>
        e.appKey === 'vtexappkey-acme-AAAAAA' ? { ...e, snippet: leaky } : e
      )
      const r = await run(failing(store(), ['/arquivos/app.js']), {
        previous: legacy as LeakScanResult,
      })

      expect(byUrl(r)).toEqual([
        `/arquivos/app.js vtexappkey-acme-AAAAAA+token ${EARLIER.toISOString()}`,
        '/produto/p vtexappkey-acme-BBBBBB now',
      ])
      expect(r.exposures.find((e) => e.lastSeenAt)!.snippet).toBe(
        `appToken: "ABCD…(19)" + "…(19)", appKey: 'vtexappkey-acme-AAAAAA'`
      )
    })
  })
})
