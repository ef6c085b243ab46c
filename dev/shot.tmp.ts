import { chromium } from 'playwright-core'
import { startStack } from './stack'
;(async () => {
  const s = await startStack({})
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] })
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  page.on('console', m => { if (m.type() === 'error') console.log('console:', m.text().slice(0, 300)) })
  page.on('pageerror', e => console.log('pageerror:', e.message.slice(0, 300)))
  for (const [name, path] of [['overview', ''], ['keys', '/keys'], ['users', '/users'], ['settings', '/settings']]) {
    await page.goto(`${s.url}/admin/app/key-steward${path}`)
    await page.waitForTimeout(2500)
    await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: name !== 'keys' })
  }
  await browser.close()
  await s.stop()
})().catch(e => { console.error(e); process.exit(1) })
