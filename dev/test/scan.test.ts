// The storefront exposure scan through the whole stack: the service's scanner fetching the
// platform's storefront stand-in through the egress proxy, its GraphQL, and its findings.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { Fixture } from '../platform/fixture'
import { DEFAULT_FIXTURE } from '../paths'
import { errorCode, gql, loadJson, useStack } from './helpers'

const base = loadJson<Fixture>(DEFAULT_FIXTURE)
const expected = loadJson<{
  findings: Array<{ rule: string; severity: string; subjectId: string }>
}>(DEFAULT_FIXTURE.replace('.json', '.expected.json'))

const ANA = 'session-ana-owner'
const SCAN =
  'mutation { runLeakScan { at origin pagesScanned scriptsScanned bytesScanned exposedKeys truncated complete unreadCount keptUrls keptFrom errors { url reason } errorCount notFound { url reason } notFoundCount skipped { url reason } skippedCount unreachableHosts exposures { kind appKey tokenFound tokenMasked tokenLength url line column snippet lastSeenAt } } }'

// The default store plus an oversized script, a script on a third-party host, and a page the
// settings add, so limits and per-URL errors show.
const fixture: Fixture = structuredClone(base)

fixture.storefront['/'] = fixture.storefront['/'].replace(
  '</body>',
  '<script src="/arquivos/huge.js"></script><script src="https://cdn.example.org/lib.js"></script><script src="/arquivos/down.js"></script></body>'
)
fixture.storefront['/arquivos/huge.js'] = `var x='${'a'.repeat(
  3 * 1024 * 1024
)}';`
fixture.storefront['/arquivos/down.js'] = 'var ok = 1'
fixture.storefront['/promo/black-friday'] =
  "<html><script>var cfg = { appKey: 'vtexappkey-partner-QWERTY' }</script></html>"
// Redirects only a test's extra paths visit: one to the store's own domain (which the manifest
// does not let the app reach), one that stays on the store.
fixture.storefrontRedirects = {
  '/promo/old': 'https://www.acme.com/promo/black-friday',
  '/promo/moved': '/promo/black-friday',
}

const stack = useStack({ fixture })

describe('runLeakScan', () => {
  it('finds the exposed keys, masks the token, and reports what it could not read', async () => {
    stack.platform.faults.set([{ path: '^/arquivos/down\\.js$', status: 503 }])
    const r = await gql(stack, ANA, SCAN)

    assert.equal(r.body.errors, undefined, r.text)
    const scan = r.body.data.runLeakScan

    assert.equal(scan.origin, 'https://acme.myvtex.com')
    const keys = scan.exposures
      .filter((e: { kind: string }) => e.kind === 'APP_KEY')
      .map(
        (e: { appKey: string; tokenFound: boolean }) =>
          `${e.appKey}:${e.tokenFound}`
      )
      .sort()

    assert.deepEqual(keys, [
      'vtexappkey-acme-JVOAUO:false',
      'vtexappkey-acme-XDIUKI:true',
    ])
    const withToken = scan.exposures.find(
      (e: { tokenFound: boolean }) => e.tokenFound
    )

    assert.match(withToken.tokenMasked, /^[A-Z]{4}…$/)
    assert.equal(withToken.tokenLength, 128)
    assert.equal(withToken.url, 'https://acme.myvtex.com/arquivos/app.js')
    assert.ok(withToken.line > 1 && withToken.column > 1)
    assert.ok(!/[A-Z]{20,}/.test(withToken.snippet))
    const reasons = Object.fromEntries(
      scan.errors.map((e: { url: string; reason: string }) => [
        new URL(e.url).pathname,
        e.reason,
      ])
    )

    assert.match(reasons['/arquivos/huge.js'], /larger than/)
    assert.equal(reasons['/arquivos/down.js'], 'HTTP 503')
    // a 404 is not fetched, and an answer: notFound lists it again (the Exposure page apart)
    assert.equal(reasons['/arquivos/qa-widget.js'], 'HTTP 404')
    assert.ok(
      scan.notFound.some(
        (e: { url: string; reason: string }) =>
          new URL(e.url).pathname === '/arquivos/qa-widget.js' &&
          e.reason === 'HTTP 404'
      )
    )
    assert.ok(
      scan.skipped.some(
        (s: { url: string; reason: string }) =>
          s.url === 'https://cdn.example.org/lib.js' &&
          /third-party/.test(s.reason)
      )
    )
    assert.equal(scan.pagesScanned, 3)
    assert.ok(scan.bytesScanned > 5000 && scan.bytesScanned < 1024 * 1024)
  })

  it('follows the store’s sitemap index, like VTEX’s /sitemap.xml, to the pages its sitemaps list', async () => {
    const scan = (await gql(stack, ANA, SCAN)).body.data.runLeakScan
    const fromSitemaps = scan.exposures.find(
      (e: { appKey: string }) => e.appKey === 'vtexappkey-acme-JVOAUO'
    )

    assert.equal(fromSitemaps?.url, 'https://acme.myvtex.com/produto-exemplo/p')
    assert.equal(scan.pagesScanned, 3)
    assert.deepEqual(
      scan.errors.filter((e: { url: string }) => /sitemap/.test(e.url)),
      []
    )
    assert.deepEqual(
      scan.skipped.filter((e: { url: string }) => /sitemap/.test(e.url)),
      []
    )
    assert.deepEqual(scan.unreachableHosts, [])
  })

  it('leaves out a page that redirects to a host the app may not reach, with why; follows one on the store', async () => {
    await gql(
      stack,
      ANA,
      'mutation { updateSettings(settings: { scanExtraPaths: ["/promo/old", "/promo/moved"] }) { scanExtraPaths } }'
    )
    const scan = (await gql(stack, ANA, SCAN)).body.data.runLeakScan
    const old = scan.skipped.find(
      (e: { url: string }) => e.url === 'https://acme.myvtex.com/promo/old'
    )

    assert.equal(
      old?.reason,
      'redirects to https://www.acme.com/promo/black-friday — a host Key Steward may not reach (not in the manifest’s outbound-access policies)'
    )
    assert.deepEqual(scan.unreachableHosts, ['www.acme.com'])
    const moved = scan.exposures.find(
      (e: { appKey: string }) => e.appKey === 'vtexappkey-partner-QWERTY'
    )

    assert.equal(moved?.url, 'https://acme.myvtex.com/promo/black-friday')
    assert.equal(scan.pagesScanned, 4)
    const latest = (await gql(stack, ANA, '{ leakScan { unreachableHosts } }'))
      .body.data.leakScan

    assert.deepEqual(latest.unreachableHosts, ['www.acme.com'])
  })

  it('visits the extra paths of the settings and reports keys of other accounts', async () => {
    const set = await gql(
      stack,
      ANA,
      'mutation { updateSettings(settings: { scanExtraPaths: ["/promo/black-friday"] }) { scanExtraPaths } }'
    )

    assert.equal(set.body.errors, undefined, set.text)
    const scan = (await gql(stack, ANA, SCAN)).body.data.runLeakScan

    assert.ok(
      scan.exposures.some(
        (e: { appKey: string; account: string }) =>
          e.appKey === 'vtexappkey-partner-QWERTY'
      )
    )
    const ext = (
      await gql(
        stack,
        ANA,
        '{ findings(rule: "exposed-client-side") { severity subjectType subjectId } }'
      )
    ).body.data.findings

    assert.ok(
      ext.some(
        (f: { subjectType: string; subjectId: string }) =>
          f.subjectType === 'EXTERNAL_KEY' &&
          f.subjectId === 'vtexappkey-partner-QWERTY'
      )
    )
    const bad = await gql(
      stack,
      ANA,
      'mutation { updateSettings(settings: { scanExtraPaths: ["no-slash"] }) { scanExtraPaths } }'
    )

    assert.equal(errorCode(bad), 'BAD_USER_INPUT')
  })

  it('becomes the findings of the default fixture, exactly', async () => {
    await gql(stack, ANA, SCAN)
    const got = (
      await gql(
        stack,
        ANA,
        '{ findings(rule: "exposed-client-side") { severity subjectId } }'
      )
    ).body.data.findings
      .map(
        (f: { severity: string; subjectId: string }) =>
          `${f.severity}|${f.subjectId}`
      )
      .sort()

    const want = expected.findings
      .filter((f) => f.rule === 'exposed-client-side')
      .map((f) => `${f.severity}|${f.subjectId}`)
      .sort()

    assert.deepEqual(got, want)
    const latest = (
      await gql(stack, ANA, '{ leakScan { exposedKeys pagesScanned } }')
    ).body.data.leakScan

    assert.equal(latest.exposedKeys, 2)
  })

  it('is refused without Save user, and the latest scan is null before any ran', async () => {
    assert.equal(
      errorCode(await gql(stack, 'session-carla-readonly', SCAN)),
      'FORBIDDEN'
    )
    assert.equal(
      (await gql(stack, ANA, '{ leakScan { at } }')).body.data.leakScan,
      null
    )
  })

  it('stops a slow storefront at its timeouts and says so per URL', async () => {
    stack.platform.faults.set([
      { path: '^/arquivos/app\\.js$', latencyMs: 9000 },
    ])
    const scan = (await gql(stack, ANA, SCAN)).body.data.runLeakScan
    const app = scan.errors.find((e: { url: string }) =>
      e.url.endsWith('/arquivos/app.js')
    )

    assert.equal(app?.reason, 'timed out')
  })

  // Issue 16, item 4: scripts trickling a byte every 3 s kept a scan running 106 s against its
  // 20 s deadline: axios' timeout fires only on an idle socket, and the deadline was checked only
  // between fetches.
  it('ends a fetch that trickles its body at the request’s time limit, and says it timed out', async () => {
    stack.platform.faults.set([
      { path: '^/arquivos/app\\.js$', trickleMs: 1000 },
    ])
    const started = Date.now()
    const r = await gql(stack, ANA, SCAN)
    const elapsed = Date.now() - started

    assert.equal(r.body.errors, undefined, r.text)
    const scan = r.body.data.runLeakScan

    assert.equal(
      scan.errors.find((e: { url: string }) =>
        e.url.endsWith('/arquivos/app.js')
      )?.reason,
      'timed out'
    )
    assert.ok(
      elapsed < 19_000,
      `two attempts of 8 s, within the scan’s 20 s: took ${elapsed} ms`
    )
    assert.equal(scan.pagesScanned, 3)
  })

  it('ends every fetch still running at the scan’s deadline, and says they timed out', async () => {
    stack.platform.faults.set([
      { path: '^/($|sitemap|produto|institucional|arquivos)', trickleMs: 1000 },
    ])
    const started = Date.now()
    const r = await gql(stack, ANA, SCAN)
    const elapsed = Date.now() - started

    assert.equal(r.body.errors, undefined, r.text)
    const scan = r.body.data.runLeakScan

    assert.ok(
      elapsed < 23_000,
      `the scan’s deadline is 20 s: took ${elapsed} ms`
    )
    assert.equal(scan.pagesScanned, 0)
    assert.equal(
      scan.errors.find(
        (e: { url: string }) => e.url === 'https://acme.myvtex.com/'
      )?.reason,
      'timed out'
    )
  })

  // Issue 16, item 1: with every storefront path answering 503 a scan stored "0 pages, 0 keys,
  // not truncated"; the exposed-client-side findings vanished, the hygiene score rose and a review
  // started next recorded "No client-side keys" as ok.
  describe('when the storefront cannot be read', () => {
    const STOREFRONT = '^/($|sitemap|produto|institucional|arquivos|promo)'
    const findings = async () =>
      (
        await gql(
          stack,
          ANA,
          '{ findings(rule: "exposed-client-side") { severity subjectId message } hygiene { score uncappedScore } }'
        )
      ).body.data

    const summary = (f: {
      findings: Array<{ severity: string; subjectId: string }>
    }) => f.findings.map((x) => `${x.severity}|${x.subjectId}`).sort()

    it('keeps the last known exposures, dated, says the scan is incomplete, and the score does not rise', async () => {
      const first = (await gql(stack, ANA, SCAN)).body.data.runLeakScan
      const before = await findings()

      assert.deepEqual(
        summary(before),
        expected.findings
          .filter((f) => f.rule === 'exposed-client-side')
          .map((f) => `${f.severity}|${f.subjectId}`)
          .sort()
      )

      stack.platform.faults.set([{ path: STOREFRONT, status: 503 }])
      const r = await gql(stack, ANA, SCAN)

      assert.equal(r.body.errors, undefined, r.text)
      const scan = r.body.data.runLeakScan

      assert.equal(scan.pagesScanned, 0)
      assert.equal(scan.complete, false)
      assert.ok(scan.unreadCount >= 2, `unread ${scan.unreadCount}`)
      assert.equal(scan.keptFrom, first.at)
      assert.equal(scan.exposedKeys, first.exposedKeys)
      assert.ok(
        scan.exposures.length > 0 &&
          scan.exposures.every(
            (e: { lastSeenAt: string }) => e.lastSeenAt === first.at
          )
      )

      const after = await findings()

      assert.deepEqual(summary(after), summary(before))
      assert.equal(after.hygiene.score, before.hygiene.score)
      // the CRITICAL cap could hide a rise: the formula's own score must not rise either
      assert.equal(after.hygiene.uncappedScore, before.hygiene.uncappedScore)
      assert.ok(
        after.findings.some(
          (f: { severity: string; message: string }) =>
            f.severity === 'CRITICAL' &&
            /Last seen on [A-Z][a-z]+ \d{1,2}, \d{4}:/.test(f.message)
        )
      )
      const latest = (
        await gql(
          stack,
          ANA,
          '{ leakScan { complete keptUrls exposures { lastSeenAt } } }'
        )
      ).body.data.leakScan

      assert.equal(latest.complete, false)
      assert.ok(latest.keptUrls >= 2)

      const review = await gql(
        stack,
        ANA,
        'mutation { startReview { checklist { practice evidence { id value ok } } } }'
      )

      assert.equal(review.body.errors, undefined, review.text)
      const { evidence } = review.body.data.startReview.checklist.find(
        (c: { practice: string }) => c.practice === 'NO_CLIENT_SIDE'
      )

      assert.deepEqual(
        evidence.find((e: { id: string }) => e.id === 'leakScanIncomplete'),
        { id: 'leakScanIncomplete', value: String(scan.unreadCount), ok: false }
      )
      assert.ok(evidence.every((e: { ok: boolean }) => !e.ok))
    })

    it('two 503s on the script holding a token do not drop its CRITICAL finding', async () => {
      await gql(stack, ANA, SCAN)
      const before = await findings()

      stack.platform.faults.set([{ path: '^/arquivos/app\\.js$', status: 503 }])
      const scan = (await gql(stack, ANA, SCAN)).body.data.runLeakScan

      assert.equal(
        scan.errors.find((e: { url: string }) =>
          e.url.endsWith('/arquivos/app.js')
        )?.reason,
        'HTTP 503'
      )
      const kept = scan.exposures.find(
        (e: { appKey: string }) => e.appKey === 'vtexappkey-acme-XDIUKI'
      )

      assert.ok(kept?.tokenFound && kept.lastSeenAt, JSON.stringify(kept))
      const after = await findings()

      assert.deepEqual(summary(after), summary(before))
      assert.ok(summary(after).some((f) => f.startsWith('CRITICAL|')))
      assert.equal(after.hygiene.score, before.hygiene.score)
      // the CRITICAL cap could hide a rise: the formula's own score must not rise either
      assert.equal(after.hygiene.uncappedScore, before.hygiene.uncappedScore)
    })
  })
})
