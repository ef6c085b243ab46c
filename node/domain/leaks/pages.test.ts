import * as fs from 'fs'
import * as path from 'path'

import { readSitemap, scriptSources } from './pages'

describe('scriptSources', () => {
  const cases: Array<[string, string, string[]]> = [
    [
      'double quotes',
      '<script src="/arquivos/app.js"></script>',
      ['/arquivos/app.js'],
    ],
    [
      'single quotes',
      "<script src='/arquivos/app.js'></script>",
      ['/arquivos/app.js'],
    ],
    [
      'attributes before src',
      '<script type="text/javascript" async defer data-x="1" src="https://acme.vteximg.com.br/arquivos/a.js?v=2"></script>',
      ['https://acme.vteximg.com.br/arquivos/a.js?v=2'],
    ],
    [
      'attributes after src',
      '<script src="/a.js" type="module" crossorigin></script>',
      ['/a.js'],
    ],
    ['spaces around =', '<script src = "/a.js"></script>', ['/a.js']],
    [
      'uppercase SCRIPT and SRC',
      '<SCRIPT SRC="/LEGACY.JS"></SCRIPT>',
      ['/LEGACY.JS'],
    ],
    ['mixed case', '<Script Src="/b.js"></Script>', ['/b.js']],
    [
      'a tag across lines',
      '<script\n  type="text/javascript"\n  src="/c.js"\n></script>',
      ['/c.js'],
    ],
    [
      'several scripts, in order',
      '<script src="/1.js"></script><p>x</p><script src="/2.js"></script>\n<script src=\'/3.js\'></script>',
      ['/1.js', '/2.js', '/3.js'],
    ],
    [
      'an inline script without src is ignored',
      '<script>var a = 1;</script>',
      [],
    ],
    [
      'src= inside an inline script body is ignored',
      "<script>j.src='https://www.googletagmanager.com/gtm.js?id='+i;</script>",
      [],
    ],
    [
      'an inline script then an img is ignored',
      '<script>x()</script><img src="/banner.jpg">',
      [],
    ],
    [
      'an inline JSON-LD script is ignored',
      '<script type="application/ld+json">{"url":"https://schema.org"}</script>',
      [],
    ],
    [
      'other tags with src are ignored',
      '<img src="/a.jpg"><iframe src="/b.html"></iframe>',
      [],
    ],
    ['a <scripts> lookalike tag is ignored', '<scripts src="/x.js">', []],
    ['an empty src is ignored', '<script src=""></script>', []],
    // What real storefronts serve and browsers read.
    [
      'an unquoted src',
      '<script src=/arquivos/app.js></script>',
      ['/arquivos/app.js'],
    ],
    [
      'an unquoted src with other attributes',
      '<script async src=/x.js type=text/javascript></script>',
      ['/x.js'],
    ],
    [
      'a > inside another attribute',
      '<script data-x="a>b" src="/y.js"></script>',
      ['/y.js'],
    ],
    [
      'a > inside a single-quoted attribute',
      `<script data-cfg='{"a":"b>c"}' src='/z.js'></script>`,
      ['/z.js'],
    ],
    [
      '&amp; in the URL is decoded',
      '<script src="/a.js?a=1&amp;b=2"></script>',
      ['/a.js?a=1&b=2'],
    ],
    [
      'numeric entities in the URL are decoded',
      '<script src="https:&#x2F;&#x2F;acme.vteximg.com.br/a.js"></script>',
      ['https://acme.vteximg.com.br/a.js'],
    ],
    [
      'a script in an HTML comment is ignored',
      '<!-- <script src="/old.js"></script> --><script src="/new.js"></script>',
      ['/new.js'],
    ],
    [
      'a <script> written inside an inline script is ignored',
      '<script>document.write("<script src=/w.js><\\/script>")</script><script src="/after.js"></script>',
      ['/after.js'],
    ],
    [
      'only the first of two src counts',
      '<script src="/first.js" src="/second.js"></script>',
      ['/first.js'],
    ],
    ['a src of whitespace is ignored', '<script src="   "></script>', []],
  ]

  it.each(cases)('%s', (_name, html, want) => {
    expect(scriptSources(html)).toEqual(want)
  })

  it('lists the scripts of the fixture home page, not the inline GTM snippet', () => {
    const fixture = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, '../../../dev/fixtures/default.json'),
        'utf8'
      )
    )

    expect(scriptSources(fixture.storefront['/'])).toEqual([
      '/arquivos/jquery-3.7.1.min.js',
      '/arquivos/app.js',
      '/arquivos/checkout-custom.js',
    ])
    expect(scriptSources(fixture.storefront['/produto-exemplo/p'])).toEqual([
      '/arquivos/qa-widget.js',
      '/arquivos/app.js',
    ])
  })
})

describe('readSitemap', () => {
  const cases: Array<[string, string, string[], string[]]> = [
    [
      'one location',
      '<url><loc>https://www.acme.com/</loc></url>',
      ['https://www.acme.com/'],
      [],
    ],
    [
      'several, in order',
      '<urlset><url><loc>https://a/1</loc></url><url><loc>https://a/2</loc></url></urlset>',
      ['https://a/1', 'https://a/2'],
      [],
    ],
    [
      'whitespace and newlines around the URL',
      '<loc>\n    https://a/p\n  </loc>',
      ['https://a/p'],
      [],
    ],
    ['uppercase LOC', '<LOC>https://a/x</LOC>', ['https://a/x'], []],
    [
      'a namespace prefix',
      '<sm:urlset><sm:url><sm:loc>https://a/n</sm:loc></sm:url></sm:urlset>',
      ['https://a/n'],
      [],
    ],
    ['an empty loc is ignored', '<loc></loc><loc>   </loc><loc/>', [], []],
    [
      'a URL with a space inside is ignored',
      '<loc>https://a/b c</loc>',
      [],
      [],
    ],
    ['no loc at all', '<urlset></urlset>', [], []],
    // VTEX's /sitemap.xml: an index of more sitemaps.
    [
      'a sitemap index lists sitemaps, not pages',
      '<sitemapindex><sitemap><loc>https://a/sitemap/product-0.xml</loc><lastmod>2026-11-25</lastmod></sitemap><sitemap><loc>https://a/sitemap/category-0.xml</loc></sitemap></sitemapindex>',
      [],
      ['https://a/sitemap/product-0.xml', 'https://a/sitemap/category-0.xml'],
    ],
    [
      '&amp; and other entities are decoded',
      '<url><loc>https://a/busca?fq=C:1&amp;O=OrderByPriceASC&amp;q=&lt;x&gt;&#x2F;&#47;</loc></url>',
      ['https://a/busca?fq=C:1&O=OrderByPriceASC&q=<x>//'],
      [],
    ],
    [
      'CDATA is read as is',
      '<url><loc><![CDATA[https://a/p?a=1&b=2]]></loc></url>',
      ['https://a/p?a=1&b=2'],
      [],
    ],
    [
      'CDATA in an index',
      '<sitemapindex><sitemap><loc><![CDATA[ https://a/sitemap/brand-0.xml ]]></loc></sitemap></sitemapindex>',
      [],
      ['https://a/sitemap/brand-0.xml'],
    ],
  ]

  it.each(cases)('%s', (_name, xml, pages, sitemaps) => {
    expect(readSitemap(xml)).toEqual({ pages, sitemaps })
  })

  it('the fixture sitemap is an index like VTEX’s whose sitemaps list the three pages', () => {
    const fixture = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, '../../../dev/fixtures/default.json'),
        'utf8'
      )
    )

    const index = readSitemap(fixture.storefront['/sitemap.xml'])

    expect(index).toEqual({
      pages: [],
      sitemaps: [
        'https://www.acme.com/sitemap/product-0.xml',
        'https://www.acme.com/sitemap/user-routes-0.xml',
      ],
    })
    const pages = index.sitemaps.flatMap(
      (u) => readSitemap(fixture.storefront[new URL(u).pathname]).pages
    )

    expect(pages.sort()).toEqual([
      'https://www.acme.com/',
      'https://www.acme.com/institucional/sobre',
      'https://www.acme.com/produto-exemplo/p',
    ])
  })
})

describe('scriptSources on hostile markup', () => {
  it('reads 2 MB of unclosed or repeated <script tags in one pass (no src found, no hang)', () => {
    expect(scriptSources('<script '.repeat(250_000))).toEqual([])
    // An unclosed script's body is text, as in browsers: only the first tag loads anything.
    expect(scriptSources('<script src="/a.js">'.repeat(100_000))).toEqual([
      '/a.js',
    ])
    expect(
      scriptSources('<script src=/a.js></script>'.repeat(80_000))
    ).toHaveLength(80_000)
  }, 30_000)

  it('ignores data-src and other attributes ending in src', () => {
    expect(
      scriptSources(
        '<script data-src="/lazy.js"></script><script async src="/real.js"></script>'
      )
    ).toEqual(['/real.js'])
  })
})
