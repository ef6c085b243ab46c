import type { Detector } from './detectors'
import {
  appKeyDetector,
  appTokenShapeDetector,
  DETECTORS,
  shareLinkDetector,
  tokenContextDetector,
} from './detectors'

/** A token-shaped run: 128 capital letters (not a real token). */
const run = (n: number, from = 'BHHPCLJDRB') =>
  from.repeat(Math.ceil(n / from.length)).slice(0, n)

const TOKEN = run(128)

/** The matched text of every match, in order. */
const found = (d: Detector, text: string) =>
  d.find(text).map((m) => text.slice(m.start, m.end))

describe('appKeyDetector', () => {
  const cases: Array<[string, string, string[]]> = [
    ['a plain appKey', 'vtexappkey-acme-XDIUKI', ['vtexappkey-acme-XDIUKI']],
    [
      'an account with digits',
      'vtexappkey-acme2go-ABCDEF',
      ['vtexappkey-acme2go-ABCDEF'],
    ],
    ['a one-letter account', 'vtexappkey-x-ABCDEF', ['vtexappkey-x-ABCDEF']],
    [
      'quoted in JS',
      "appKey: 'vtexappkey-acme-JVOAUO',",
      ['vtexappkey-acme-JVOAUO'],
    ],
    [
      'inside a URL query',
      'https://acme.myvtex.com/api/x?appKey=vtexappkey-acme-ABCDEF&foo=1',
      ['vtexappkey-acme-ABCDEF'],
    ],
    [
      'inside a URL path',
      'https://cdn.example/vtexappkey-acme-ABCDEF/app.js',
      ['vtexappkey-acme-ABCDEF'],
    ],
    [
      'inside JSON',
      '{"appKey":"vtexappkey-acme-ABCDEF","n":1}',
      ['vtexappkey-acme-ABCDEF'],
    ],
    [
      'followed by a dot, a dash or an underscore',
      'vtexappkey-a-ABCDEF.vtexappkey-b-ABCDEF-vtexappkey-c-ABCDEF_',
      ['vtexappkey-a-ABCDEF', 'vtexappkey-b-ABCDEF', 'vtexappkey-c-ABCDEF'],
    ],
    [
      'at the end of a line, two on two lines',
      'vtexappkey-a-ABCDEF\nvtexappkey-b-GHIJKL',
      ['vtexappkey-a-ABCDEF', 'vtexappkey-b-GHIJKL'],
    ],
    ['an uppercase account is rejected', 'vtexappkey-ACME-ABCDEF', []],
    ['a mixed-case account is rejected', 'vtexappkey-Acme-ABCDEF', []],
    ['5 capitals are rejected', 'vtexappkey-acme-ABCDE', []],
    ['5 capitals then a quote are rejected', "'vtexappkey-acme-ABCDE'", []],
    ['7 capitals are rejected', 'vtexappkey-acme-ABCDEFG', []],
    [
      '6 capitals followed by lowercase letters are rejected',
      'vtexappkey-acme-ABCDEFghi',
      [],
    ],
    [
      '6 capitals followed by a digit are rejected',
      'vtexappkey-acme-ABCDEF1',
      [],
    ],
    ['lowercase suffix is rejected', 'vtexappkey-acme-abcdef', []],
    ['no account is rejected', 'vtexappkey--ABCDEF', []],
    ['the prefix alone is rejected', 'vtexappkey-', []],
    ['an uppercase prefix is not an appKey', 'VTEXAPPKEY-acme-ABCDEF', []],
    [
      'an account longer than 64 characters is rejected',
      `vtexappkey-${'a'.repeat(65)}-ABCDEF`,
      [],
    ],
    [
      'an account of exactly 64 characters is accepted',
      `vtexappkey-${'a'.repeat(64)}-ABCDEF`,
      [`vtexappkey-${'a'.repeat(64)}-ABCDEF`],
    ],
  ]

  it.each(cases)('%s', (_name, text, want) => {
    expect(found(appKeyDetector, text)).toEqual(want)
    expect(appKeyDetector.find(text).map((m) => m.value)).toEqual(want)
  })

  it('reports offsets, the detector id and the appKey as value', () => {
    const text = "headers: { 'X-VTEX-API-AppKey': 'vtexappkey-acme-XDIUKI' }"
    const start = text.indexOf('vtexappkey')

    expect(appKeyDetector.find(text)).toEqual([
      {
        detector: 'vtex-appkey',
        start,
        end: start + 22,
        value: 'vtexappkey-acme-XDIUKI',
      },
    ])
  })
})

describe('appTokenShapeDetector', () => {
  const cases: Array<[string, string, number]> = [
    ['exactly 128 capitals', TOKEN, 1],
    ['127 capitals are rejected', run(127), 0],
    ['129 capitals are rejected', run(129), 0],
    ['256 capitals (two tokens glued) are rejected', run(256), 0],
    [
      '128 characters with one lowercase letter are rejected',
      `${TOKEN.slice(0, 60)}x${TOKEN.slice(61)}`,
      0,
    ],
    ['128 lowercase letters are rejected', TOKEN.toLowerCase(), 0],
    [
      '128 capitals preceded by a lowercase letter are rejected',
      `a${TOKEN}`,
      0,
    ],
    [
      '128 capitals followed by a lowercase letter are rejected',
      `${TOKEN}a`,
      0,
    ],
    ['bounded by digits', `1${TOKEN}2`, 1],
    ['bounded by double quotes', `"${TOKEN}"`, 1],
    ['bounded by single quotes', `'${TOKEN}'`, 1],
    ['bounded by underscores', `_${TOKEN}_`, 1],
    ['in a JSON body', `{"apptoken":"${TOKEN}"}`, 1],
    [
      'two tokens separated by an underscore',
      `${TOKEN}_${run(128, 'QWERTY')}`,
      2,
    ],
    ['two tokens separated by a newline', `${TOKEN}\n${TOKEN}`, 2],
  ]

  it.each(cases)('%s', (_name, text, want) => {
    const matches = appTokenShapeDetector.find(text)

    expect(matches).toHaveLength(want)
    for (const m of matches) {
      expect(text.slice(m.start, m.end)).toMatch(/^[A-Z]{128}$/)
      expect(m.value).toBeUndefined() // a detector never carries a token as value
    }
  })

  it('reports the offsets of the run', () => {
    const text = `token: "${TOKEN}"`

    expect(appTokenShapeDetector.find(text)).toEqual([
      { detector: 'vtex-apptoken-shape', start: 8, end: 136, value: undefined },
    ])
  })
})

describe('tokenContextDetector', () => {
  const cases: Array<[string, string, string[]]> = [
    ['the AppKey header', "'X-VTEX-API-AppKey': 'x'", ['X-VTEX-API-AppKey']],
    [
      'the AppToken header',
      "'X-VTEX-API-AppToken': 'x'",
      ['X-VTEX-API-AppToken'],
    ],
    [
      'the AppToken header in lower case',
      'x-vtex-api-apptoken: x',
      ['x-vtex-api-apptoken'],
    ],
    [
      'the AppKey header in upper case',
      'X-VTEX-API-APPKEY',
      ['X-VTEX-API-APPKEY'],
    ],
    ['appToken', 'var appToken = x', ['appToken']],
    ['app_token', 'APP_TOKEN=x', ['APP_TOKEN']],
    ['app-token', 'data-app-token="x"', ['app-token']],
    ['apptoken in a JSON body', '{"apptoken":"x"}', ['apptoken']],
    [
      'the VTEX ID app-token login path',
      'POST /api/vtexid/apptoken/login',
      ['vtexid/apptoken/login'],
    ],
    ['the appKey prefix', "'vtexappkey-acme-ABCDEF'", ['vtexappkey-']],
    [
      'several on one line',
      'appToken; app_token; X-VTEX-API-AppKey',
      ['appToken', 'app_token', 'X-VTEX-API-AppKey'],
    ],
    ['"appkey" alone is not context', '{"appkey":"x"}', []],
    ['"token" alone is not context', 'csrfToken = authToken', []],
    ['"app token" with a space is not context', 'app token', []],
    ['"application" is not context', 'application/json', []],
    ['another X-VTEX header is not context', 'X-VTEX-Use-Https: true', []],
  ]

  it.each(cases)('%s', (_name, text, want) => {
    expect(found(tokenContextDetector, text)).toEqual(want)
  })
})

describe('shareLinkDetector', () => {
  const cases: Array<[string, string, string[]]> = [
    [
      'a credentials link',
      'see https://share.vtex.com/credentials/AbCd-123_xyz now',
      ['share.vtex.com/credentials/AbCd-123_xyz'],
    ],
    [
      'a link in a JSON string',
      '{"link":"https://share.vtex.com/credentials/9f8e7d"}',
      ['share.vtex.com/credentials/9f8e7d'],
    ],
    [
      'two links',
      'share.vtex.com/credentials/a share.vtex.com/credentials/b',
      ['share.vtex.com/credentials/a', 'share.vtex.com/credentials/b'],
    ],
    [
      'the id is cut at 200 characters',
      `share.vtex.com/credentials/${'a'.repeat(250)}`,
      [`share.vtex.com/credentials/${'a'.repeat(200)}`],
    ],
    ['no id', 'share.vtex.com/credentials/', []],
    ['another share.vtex.com path', 'https://share.vtex.com/files/abc', []],
    ['dots are literal', 'sharexvtexxcom/credentials/abc', []],
    ['another host', 'https://vtex.com/credentials/abc', []],
  ]

  it.each(cases)('%s', (_name, text, want) => {
    expect(found(shareLinkDetector, text)).toEqual(want)
  })
})

describe('DETECTORS', () => {
  it('lists the four detectors with distinct ids and descriptions', () => {
    expect(DETECTORS.map((d) => d.id)).toEqual([
      'vtex-appkey',
      'vtex-apptoken-shape',
      'vtex-token-context',
      'vtex-share-credentials-link',
    ])
    for (const d of DETECTORS) expect(d.description.length).toBeGreaterThan(10)
  })

  it('every match names its detector and is stable when run twice (global regexes reset)', () => {
    const text = `'X-VTEX-API-AppKey': 'vtexappkey-acme-XDIUKI', 'X-VTEX-API-AppToken': '${TOKEN}', https://share.vtex.com/credentials/abc`

    for (const d of DETECTORS) {
      const first = d.find(text)

      expect(first.length).toBeGreaterThan(0)
      expect(first.every((m) => m.detector === d.id)).toBe(true)
      expect(d.find(text)).toEqual(first)
    }
  })
})
