import { createIntl } from 'react-intl'

import en from '../../../messages/en.json'
import es from '../../../messages/es.json'
import pt from '../../../messages/pt.json'
import { logLine } from './logEntry'

const entry = (
  action: string,
  detail: string,
  subjectLabel: string | null = null,
  subjectAppKey: string | null = null
) => ({ action, subject: 'k1', detail, subjectLabel, subjectAppKey })

/** A line as the completed review's log words it (CompletedReview.tsx LogWords). */
function words(
  locale: string,
  catalog: Record<string, string>,
  e: ReturnType<typeof entry>
) {
  const intl = createIntl({ locale, messages: catalog })
  const line = logLine(e)

  return intl.formatMessage(
    { id: `admin/key-steward.review.logEntry.${line.id}` },
    {
      key: line.key,
      count: line.count ?? 0,
      decision: line.decision
        ? intl.formatMessage({
            id: `admin/key-steward.review.decision.${line.decision}`,
          })
        : '',
      raw: line.raw ?? '',
    }
  )
}

describe('logLine: a scan and a bulk decision in the review log', () => {
  it('words a storefront scan run during the review, with the exposed keys as its detail', () => {
    const scan = entry(
      'SCAN',
      '2 keys exposed: Store locator widget (vtexappkey-a), Product Q&A widget (vtexappkey-b)'
    )

    expect(logLine(scan)).toMatchObject({
      id: 'SCAN',
      count: 2,
      note: 'Store locator widget (vtexappkey-a), Product Q&A widget (vtexappkey-b)',
    })
    expect(words('en', en, scan)).toBe(
      'Ran the storefront scan: 2 keys exposed'
    )
    expect(words('pt', pt, scan)).toBe(
      'Rodou a varredura da loja: 2 chaves expostas'
    )
    expect(words('es', es, scan)).toBe(
      'Ejecutó el escaneo de la tienda: 2 claves expuestas'
    )
    expect(words('en', en, entry('SCAN', '0 keys exposed'))).toBe(
      'Ran the storefront scan: no key exposed'
    )
    expect(
      logLine(entry('SCAN', '1 key exposed (incomplete): X (vtexappkey-x)'))
    ).toMatchObject({
      id: 'SCAN_INCOMPLETE',
      count: 1,
      note: 'X (vtexappkey-x)',
    })
  })

  it('words a bulk decision as one, saying how its keys were chosen, with its justification apart', () => {
    const bulk = entry('DECIDE_BULK', 'KEEP 28 WITHOUT_FINDINGS')

    expect(words('en', en, bulk)).toBe(
      'Bulk decision, Keep for every undecided key without findings: 28 keys (each below)'
    )
    expect(words('es', es, bulk)).toMatch(
      /^Decisión masiva, Mantener para todas las claves sin decisión/
    )
    expect(words('pt', pt, bulk)).toMatch(
      /^Decisão em massa, Manter para todas as chaves sem decisão/
    )
    expect(
      logLine(entry('DECIDE_BULK', 'ROTATE 3 SELECTED: leaked: see ticket'))
    ).toMatchObject({
      id: 'DECIDE_BULK.SELECTED',
      decision: 'ROTATE',
      count: 3,
      note: 'leaked: see ticket',
    })
    // an entry this page cannot read is shown as stored, not dropped
    expect(logLine(entry('DECIDE_BULK', 'something else'))).toMatchObject({
      id: 'OTHER',
      note: 'something else',
    })
  })

  it('names a key whose label another key shares with its appKey too', () => {
    expect(
      logLine(entry('DECIDE', 'KEEP', 'Feed sync', 'vtexappkey-feed-2')).key
    ).toBe('Feed sync (vtexappkey-feed-2)')
    expect(logLine(entry('DECIDE', 'KEEP', 'ERP sync')).key).toBe('ERP sync')
  })
})
