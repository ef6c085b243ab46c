import { chromium } from 'playwright-core'
const [src, out, h] = process.argv.slice(2)
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' })
const p = await b.newPage({ viewport: { width: 1440, height: Number(h) } })
await p.goto('file://' + src)
await p.screenshot({ path: out })
await b.close()
