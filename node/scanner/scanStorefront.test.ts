import { scanStorefront } from './scanStorefront'
import type { Fetcher } from './types'

const TOKEN = 'Q'.repeat(128)
const NOW = new Date('2026-11-26T12:00:00Z')

function site(pages: Record<string, string>): { fetch: Fetcher; fetched: string[] } {
  const fetched: string[] = []
  return {
    fetched,
    fetch: async url => {
      fetched.push(url)
      const u = new URL(url)
      const body = u.host === 'acme.myvtex.com' ? pages[u.pathname + u.search] : undefined
      return body === undefined ? { ok: false, reason: 'HTTP 404' } : { ok: true, text: body }
    },
  }
}

const run = (fetch: Fetcher, extra: Partial<Parameters<typeof scanStorefront>[0]> = {}) =>
  scanStorefront({ origin: 'https://acme.myvtex.com', scriptHosts: ['acme.vtexassets.com'], extraPaths: [], fetch, now: NOW, ...extra })

describe('scanStorefront', () => {
  it('keeps sitemap pages on the store’s own origin, even for //other-host paths', async () => {
    const s = site({
      '/': '<html></html>',
      '/sitemap.xml': '<urlset><url><loc>https://www.acme.com//evil.example/x</loc></url><url><loc>https://www.acme.com/sobre</loc></url></urlset>',
      '/sobre': '<html></html>',
    })
    await run(s.fetch)
    expect(s.fetched.every(u => new URL(u).host === 'acme.myvtex.com')).toBe(true)
    expect(s.fetched).toContain('https://acme.myvtex.com/evil.example/x')
  })

  it('masks tokens in every URL it keeps (errors, skipped, exposures)', async () => {
    const s = site({
      '/': `<script src="/arquivos/a.js?t=${TOKEN}"></script><script src="https://cdn.example.org/w.js?key=${TOKEN}"></script><script>var k = 'vtexappkey-acme-ABCDEF'</script>`,
    })
    const r = await run(s.fetch)
    const text = JSON.stringify(r)
    expect(text).not.toContain(TOKEN)
    expect(r.errors[0].url).toContain('QQQQ… (128 characters)')
    expect(r.skipped.some(x => x.url.includes('cdn.example.org') && x.url.includes('QQQQ…'))).toBe(true)
  })

  it('caps exposures per file and per scan, and says so', async () => {
    const s = site({ '/': "var k='vtexappkey-acme-ABCDEF';".repeat(5000) })
    const r = await run(s.fetch, { limits: { maxExposuresPerUrl: 20, maxExposures: 200 } })
    expect(r.exposures).toHaveLength(20)
    expect(r.truncated).toBe(true)
    expect(r.skipped.some(x => /4980 more exposures/.test(x.reason))).toBe(true)
  })

  it('masks the id of share.vtex.com credential links', async () => {
    const s = site({ '/': '<a href="https://share.vtex.com/credentials/a8Fk29dkQpZ-x7Lm0Qw">key</a>' })
    const r = await run(s.fetch)
    expect(JSON.stringify(r)).not.toContain('a8Fk29dkQpZ-x7Lm0Qw')
    expect(r.exposures[0].kind).toBe('SHARE_LINK')
  })
})
