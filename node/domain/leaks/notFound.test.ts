import { scanCompleteness } from './completeness'
import { notFoundOf } from './notFound'

const note = (url: string, reason: string) => ({ url, reason })

describe('notFoundOf', () => {
  it('picks the 404s and 410s, as completeness counts them answered', () => {
    const errors = [
      note('https://acme.myvtex.com/arquivos/qa-widget.js', 'HTTP 404'),
      note('https://acme.myvtex.com/old', 'HTTP 410'),
      note('https://acme.myvtex.com/arquivos/app.js', 'HTTP 503'),
      note('https://acme.myvtex.com/slow.js', 'timed out'),
      note('https://acme.myvtex.com/s.xml', 'sitemap: HTTP 404'),
    ]

    const { notFound, notFoundCount } = notFoundOf(errors)

    expect(notFound.map((e) => e.reason)).toEqual(['HTTP 404', 'HTTP 410'])
    expect(notFoundCount).toBe(2)
    // the same rule: what is not among them is what leaves a scan incomplete
    expect(
      scanCompleteness({
        exposures: [],
        errors,
        pagesScanned: 1,
      } as any).unreadCount
    ).toBe(errors.length - notFoundCount)
  })

  it('finds none where nothing answered 404 or 410', () => {
    expect(
      notFoundOf([note('https://acme.myvtex.com/a.js', 'HTTP 500')])
    ).toEqual({ notFound: [], notFoundCount: 0 })
  })

  // left12: the scan counts them all; only the first notes are listed
  it('takes the scan’s own count, which holds those beyond the listed notes', () => {
    const listed = [note('https://acme.myvtex.com/a.js', 'HTTP 404')]

    expect(notFoundOf(listed, 31).notFoundCount).toBe(31)
    // a scan stored before it counted them: the listed ones
    expect(notFoundOf(listed).notFoundCount).toBe(1)
  })
})
