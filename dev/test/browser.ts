// Headless Chromium from Debian, driven by playwright-core (never a downloaded browser), and
// helpers for the local Admin: the app's page lives in a frame under the top bar and sidebar.
import { readFileSync } from 'fs'
import { after, before } from 'node:test'
import { join } from 'path'

import type { Browser, Frame, Page } from 'playwright-core'
import { chromium } from 'playwright-core'

import { ROOT } from '../paths'
import type { Stack, StackOptions } from '../stack'
import { startStack } from '../stack'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Console problems of every page the browser opened: console errors, React warnings
 * ("Warning: …", which React prints as errors or warnings) and uncaught page errors. Suites get
 * this by launching with launchChromium: closing the browser throws if there was any, so the
 * suite's `after` fails. A test that provokes one on purpose allows it with allowConsole.
 */
const problemsOf = new WeakMap<Browser, { seen: string[]; allowed: RegExp[] }>()

export function watchConsole(page: Page, into: string[]): void {
  page.on('console', (m) => {
    const text = m.text()

    if (
      m.type() === 'error' ||
      (m.type() === 'warning' && /^Warning: /.test(text))
    )
      into.push(`[console.${m.type()}] ${page.url()}: ${text.slice(0, 500)}`)
  })
  page.on('pageerror', (e) =>
    into.push(`[pageerror] ${page.url()}: ${e.message}`)
  )
}

/** The console problems seen so far (minus allowed ones). */
export function consoleProblems(browser: Browser): string[] {
  const state = problemsOf.get(browser)

  return state
    ? state.seen.filter(
        (p) =>
          !LIBRARY_WARNINGS.some((r) => r.test(p)) &&
          !state.allowed.some((r) => r.test(p))
      )
    : []
}

/**
 * React 16's notice that a class component still uses a legacy lifecycle: only vtex.styleguide's
 * own components do (the app's components are functions with hooks; none declares one), and
 * the app cannot change them.
 */
const LIBRARY_WARNINGS = [
  /Warning: componentWill(Mount|ReceiveProps|Update) has been renamed/,
]

/** Lets a suite provoke a console message it expects (e.g. a deliberate network failure). */
export function allowConsole(browser: Browser, pattern: RegExp): void {
  problemsOf.get(browser)?.allowed.push(pattern)
}

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })

  const state = { seen: [] as string[], allowed: [] as RegExp[] }

  problemsOf.set(browser, state)
  const newPage = browser.newPage.bind(browser)

  browser.newPage = async (...args: Parameters<Browser['newPage']>) => {
    const page = await newPage(...args)

    watchConsole(page, state.seen)

    return page
  }

  const newContext = browser.newContext.bind(browser)

  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await newContext(...args)

    context.on('page', (page) => watchConsole(page, state.seen))

    return context
  }

  const close = browser.close.bind(browser)

  browser.close = async (...args: Parameters<Browser['close']>) => {
    await close(...args)
    const problems = consoleProblems(browser)

    if (problems.length)
      throw new Error(
        `The pages logged ${
          problems.length
        } console error(s) or React warning(s):\n${problems
          .slice(0, 20)
          .join('\n')}`
      )
  }

  return browser
}

let axeSource: string | undefined

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: string[]; html: string }>
}

/**
 * axe-core (the npm package, injected into the frame as a script) on the document of `frame`:
 * the violations of the given impacts (serious and critical by default).
 */
export async function axeViolations(
  frame: Frame,
  impacts: string[] = ['serious', 'critical']
): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(
    join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'),
    'utf8'
  )
  if (!(await frame.evaluate(() => 'axe' in window)))
    await frame.addScriptTag({ content: axeSource })
  const result = await frame.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          opts: object
        ) => Promise<{ violations: AxeViolation[] }>
      }
    }

    return axe.run(document, { resultTypes: ['violations'] })
  })

  return result.violations
    .filter((v) => v.impact !== null && impacts.includes(v.impact))
    .map((v) => ({
      ...v,
      nodes: v.nodes.map((n) => ({
        target: n.target,
        html: n.html.slice(0, 200),
      })),
    }))
}

/**
 * The app's page inside the local Admin's frame. The top-level page keeps one iframe for its
 * life (session and language changes reload the frame in place), so the Frame stays valid until
 * the top-level page itself loads again (goto, reload).
 */
export async function appFrame(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('iframe')).contentFrame()

  if (!frame) throw new Error('the Admin has no app frame')

  return frame
}

/** Opens the Admin at a top-level URL (/admin/key-steward/…) and waits for the page in the frame. */
export async function openAdmin(page: Page, url: string): Promise<Frame> {
  await page.goto(url)
  const frame = await appFrame(page)

  await frame.waitForSelector('.vtex-pageHeader__title')

  return frame
}

/**
 * Waits (up to 20 s, then goes on: the test's own assertions say what is missing) until no
 * loading spinner is left in a live region — and, with `busy`, no element is aria-busy.
 */
export async function whenLoaded(
  app: Frame,
  { busy = false } = {}
): Promise<void> {
  await app
    .waitForFunction(
      (alsoBusy) =>
        !document.querySelector(
          `[role="status"] .vtex-spinner, [role="status"] svg[class*="spinner"]${
            alsoBusy ? ', [aria-busy="true"]' : ''
          }`
        ),
      busy,
      { timeout: 20_000 }
    )
    .catch(() => undefined)
}

/**
 * A suite's local stack and browser page (1440 × 1000), started before its tests and stopped
 * after them. Read `.stack` and `.page` inside tests.
 */
export function useBrowserStack(options: StackOptions & { fixture: string }): {
  readonly stack: Stack
  readonly page: Page
} {
  let stack: Stack | undefined
  let browser: Browser | undefined
  let page: Page | undefined

  before(async () => {
    stack = await startStack(options)
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  })
  after(async () => {
    await browser?.close()
    await stack?.stop()
  })

  return {
    get stack() {
      if (!stack) throw new Error('the stack is started before the tests')

      return stack
    },
    get page() {
      if (!page) throw new Error('the page is opened before the tests')

      return page
    },
  }
}

/**
 * A screenshot of the Admin as the user sees it. The page scrolls inside the frame, which fills
 * the Admin's content area, so a full-page shot first grows the viewport to the frame's content.
 */
export async function screenshotAdmin(
  page: Page,
  frame: Frame,
  path: string,
  { fullPage = true } = {}
): Promise<void> {
  const viewport = page.viewportSize()

  if (!fullPage || !viewport) return void (await page.screenshot({ path }))
  const content = await frame.evaluate(
    () => document.documentElement.scrollHeight
  )

  const top = await page.evaluate(
    () => document.querySelector('iframe')?.getBoundingClientRect().top ?? 0
  )

  await page.setViewportSize({
    width: viewport.width,
    height: Math.max(viewport.height, Math.ceil(top + content)),
  })
  try {
    await page.screenshot({ path })
  } finally {
    await page.setViewportSize(viewport)
  }
}
