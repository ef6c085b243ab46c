import { scanCompleteness } from './completeness'
import { splitNotFound } from './notFound'

const note = (url: string, reason: string) => ({ url, reason })

describe('splitNotFound', () => {
  it('lists 404 and 410 apart from the URLs that could not be read, as completeness counts them', () => {
    const errors = [
      note('https://acme.myvtex.com/arquivos/qa-widget.js', 'HTTP 404'),
      note('https://acme.myvtex.com/old', 'HTTP 410'),
      note('https://acme.myvtex.com/arquivos/app.js', 'HTTP 503'),
      note('https://acme.myvtex.com/slow.js', 'timed out'),
      note('https://acme.myvtex.com/s.xml', 'sitemap: HTTP 404'),
    ]

    const split = splitNotFound(errors, errors.length)

    expect(split.notFound.map((e) => e.reason)).toEqual([
      'HTTP 404',
      'HTTP 410',
    ])
    expect(split.notFoundCount).toBe(2)
    expect(split.errors.map((e) => e.reason)).toEqual([
      'HTTP 503',
      'timed out',
      'sitemap: HTTP 404',
    ])
    expect(split.errorCount).toBe(3)
    // the same rule: what is listed as not fetched is what leaves an old scan incomplete
    expect(
      scanCompleteness({
        exposures: [],
        errors,
        pagesScanned: 1,
      } as any).unreadCount
    ).toBe(split.errorCount)
  })

  it('a scan whose only failures are 404s lists nothing as not fetched', () => {
    const split = splitNotFound(
      [note('https://acme.myvtex.com/arquivos/jquery.js', 'HTTP 404')],
      1
    )

    expect(split.errors).toEqual([])
    expect(split.errorCount).toBe(0)
    expect(split.notFoundCount).toBe(1)
  })

  it('counts the unlisted URLs as not fetched: what they answered is not kept', () => {
    const split = splitNotFound(
      [note('https://acme.myvtex.com/a.js', 'HTTP 404')],
      12
    )

    expect(split.errorCount).toBe(11)
    expect(split.notFoundCount).toBe(1)
  })
})
