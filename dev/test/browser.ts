// Headless Chromium from Debian, driven by playwright-core (never a downloaded browser), and
// helpers for the local Admin: the app's page lives in a frame under the top bar and sidebar.
import { chromium, Browser, Frame, Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  })
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
 * A screenshot of the Admin as the user sees it. The page scrolls inside the frame, which fills
 * the Admin's content area, so a full-page shot first grows the viewport to the frame's content.
 */
export async function screenshotAdmin(page: Page, frame: Frame, path: string, { fullPage = true } = {}): Promise<void> {
  const viewport = page.viewportSize()
  if (!fullPage || !viewport) return void (await page.screenshot({ path }))
  const content = await frame.evaluate(() => document.documentElement.scrollHeight)
  const top = await page.evaluate(() => document.querySelector('iframe')?.getBoundingClientRect().top ?? 0)
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(top + content)) })
  try {
    await page.screenshot({ path })
  } finally {
    await page.setViewportSize(viewport)
  }
}
