import * as fs from 'fs'
import * as path from 'path'
import { scriptSources, sitemapLocations } from './pages'

describe('scriptSources', () => {
  const cases: Array<[string, string, string[]]> = [
    ['double quotes', '<script src="/arquivos/app.js"></script>', ['/arquivos/app.js']],
    ['single quotes', "<script src='/arquivos/app.js'></script>", ['/arquivos/app.js']],
    ['attributes before src', '<script type="text/javascript" async defer data-x="1" src="https://acme.vteximg.com.br/arquivos/a.js?v=2"></script>', ['https://acme.vteximg.com.br/arquivos/a.js?v=2']],
    ['attributes after src', '<script src="/a.js" type="module" crossorigin></script>', ['/a.js']],
    ['spaces around =', '<script src = "/a.js"></script>', ['/a.js']],
    ['uppercase SCRIPT and SRC', '<SCRIPT SRC="/LEGACY.JS"></SCRIPT>', ['/LEGACY.JS']],
    ['mixed case', '<Script Src="/b.js"></Script>', ['/b.js']],
    ['a tag across lines', '<script\n  type="text/javascript"\n  src="/c.js"\n></script>', ['/c.js']],
    ['several scripts, in order', '<script src="/1.js"></script><p>x</p><script src="/2.js"></script>\n<script src=\'/3.js\'></script>', ['/1.js', '/2.js', '/3.js']],
    ['an inline script without src is ignored', '<script>var a = 1;</script>', []],
    ['src= inside an inline script body is ignored', "<script>j.src='https://www.googletagmanager.com/gtm.js?id='+i;</script>", []],
    ['an inline script then an img is ignored', '<script>x()</script><img src="/banner.jpg">', []],
    ['an inline JSON-LD script is ignored', '<script type="application/ld+json">{"url":"https://schema.org"}</script>', []],
    ['other tags with src are ignored', '<img src="/a.jpg"><iframe src="/b.html"></iframe>', []],
    ['a <scripts> lookalike tag is ignored', '<scripts src="/x.js">', []],
    ['an empty src is ignored', '<script src=""></script>', []],
    ['an unquoted src is ignored', '<script src=/x.js></script>', []],
  ]
  it.each(cases)('%s', (_name, html, want) => {
    expect(scriptSources(html)).toEqual(want)
  })

  it('lists the scripts of the fixture home page, not the inline GTM snippet', () => {
    const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../dev/fixtures/default.json'), 'utf8'))
    expect(scriptSources(fixture.storefront['/'])).toEqual(['/arquivos/jquery-3.7.1.min.js', '/arquivos/app.js', '/arquivos/checkout-custom.js'])
    expect(scriptSources(fixture.storefront['/produto-exemplo/p'])).toEqual(['/arquivos/qa-widget.js', '/arquivos/app.js'])
  })
})

describe('sitemapLocations', () => {
  const cases: Array<[string, string, string[]]> = [
    ['one location', '<url><loc>https://www.acme.com/</loc></url>', ['https://www.acme.com/']],
    ['several, in order', '<urlset><url><loc>https://a/1</loc></url><url><loc>https://a/2</loc></url></urlset>', ['https://a/1', 'https://a/2']],
    ['whitespace and newlines around the URL', '<loc>\n    https://a/p\n  </loc>', ['https://a/p']],
    ['uppercase LOC', '<LOC>https://a/x</LOC>', ['https://a/x']],
    ['a sitemap index', '<sitemapindex><sitemap><loc>https://a/sitemap-1.xml</loc></sitemap></sitemapindex>', ['https://a/sitemap-1.xml']],
    ['an empty loc is ignored', '<loc></loc><loc>   </loc>', []],
    ['a URL with a space inside is ignored', '<loc>https://a/b c</loc>', []],
    ['no loc at all', '<urlset></urlset>', []],
  ]
  it.each(cases)('%s', (_name, xml, want) => {
    expect(sitemapLocations(xml)).toEqual(want)
  })

  it('lists the three pages of the fixture sitemap', () => {
    const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../dev/fixtures/default.json'), 'utf8'))
    expect(sitemapLocations(fixture.storefront['/sitemap.xml'])).toEqual(['https://www.acme.com/', 'https://www.acme.com/institucional/sobre', 'https://www.acme.com/produto-exemplo/p'])
  })
})

describe('scriptSources on hostile markup', () => {
  it('reads 2 MB of unclosed or repeated <script tags in one pass (no src found, no hang)', () => {
    expect(scriptSources('<script '.repeat(250_000))).toEqual([])
    expect(scriptSources('<script src="/a.js">'.repeat(100_000))).toHaveLength(100_000)
  }, 30_000)

  it('ignores data-src and other attributes ending in src', () => {
    expect(scriptSources('<script data-src="/lazy.js"></script><script async src="/real.js"></script>')).toEqual(['/real.js'])
  })
})
