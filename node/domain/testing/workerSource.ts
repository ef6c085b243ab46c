// A domain module and every module it imports (relative paths), transpiled into the source of a
// worker thread: tests run hostile input off the main thread so jest's timeout can stop a
// synchronous call that hangs (jest 25 cannot time out a blocked event loop). Packages are
// required from node_modules as the module would; type-only imports are erased.
import * as fs from 'fs'
import * as path from 'path'

import * as ts from 'typescript'

function resolved(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec)

  return fs.existsSync(`${base}.ts`)
    ? `${base}.ts`
    : path.join(base, 'index.ts')
}

/**
 * Worker source that loads `entry` as `entry` (its exports), then runs `body`: e.g.
 * `parentPort.on('message', (m) => parentPort.postMessage(entry.scanText(m.url, m.text)))`.
 */
export function workerSource(entry: string, body: string): string {
  const sources: Record<string, string> = {}
  const visit = (file: string) => {
    if (file in sources) return
    sources[file] = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
      },
    }).outputText
    for (const m of sources[file].matchAll(/require\("(\.[^"]+)"\)/g))
      visit(resolved(file, m[1]))
  }

  visit(entry)

  return `
  const path = require('path')
  const { parentPort } = require('worker_threads')
  const sources = ${JSON.stringify(sources)}
  const loaded = {}
  const resolved = (from, spec) => {
    const base = path.resolve(path.dirname(from), spec)
    return sources[base + '.ts'] !== undefined ? base + '.ts' : path.join(base, 'index.ts')
  }
  const load = (file) => {
    if (loaded[file]) return loaded[file].exports
    const module = { exports: {} }
    loaded[file] = module
    new Function('require', 'module', 'exports', sources[file])(
      (spec) => (spec.startsWith('.') ? load(resolved(file, spec)) : require(spec)),
      module,
      module.exports
    )
    return module.exports
  }
  const entry = load(${JSON.stringify(entry)})
  ${body}`
}
