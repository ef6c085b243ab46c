#!/usr/bin/env node
// Entry point of `npm start`, `npm test` and `npm run build`. It runs before any dependency is
// installed, so it uses Node's built-ins only: install what is missing, build, then hand over.
'use strict'
const { spawnSync } = require('child_process')
const { existsSync, statSync, readdirSync } = require('fs')
const { join } = require('path')

const ROOT = join(__dirname, '..')
const PACKAGES = ['.', 'node', 'react'].filter(dir => existsSync(join(ROOT, dir, 'package.json')))

function run(cmd, args, cwd = ROOT, extraEnv = {}) {
  const res = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...extraEnv } })
  if (res.status !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(' ')} (in ${cwd}) failed with ${res.status ?? res.signal}`)
    process.exit(res.status || 1)
  }
}

/** npm ci where node_modules is missing or older than the lock file. */
function ensureInstalled() {
  for (const dir of PACKAGES) {
    const cwd = join(ROOT, dir)
    const lock = join(cwd, 'package-lock.json')
    const marker = join(cwd, 'node_modules', '.package-lock.json')
    const fresh = existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs)
    if (fresh) continue
    console.log(`› installing dependencies in ${dir === '.' ? 'the repository root' : dir}/`)
    run('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund', '--loglevel=error'], cwd)
  }
}

const tsx = (file, args = [], extraEnv = {}) => run(process.execPath, ['--import', 'tsx', join(ROOT, file), ...args], ROOT, extraEnv)

function build() {
  console.log('› generating GraphQL types (dev/codegen/generate.ts)')
  tsx('dev/codegen/generate.ts')
  console.log('› building the service')
  tsx('dev/service/build.ts')
  console.log('› building the Admin shell')
  tsx('dev/shell/build.ts')
  console.log('› type-checking dev/ (and the shell\'s browser code) and react/')
  for (const project of [join('node', 'tsconfig.test.json'), 'react', 'dev', join('dev', 'shell')]) run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, project)])
}

function testFiles(dir) {
  return readdirSync(join(ROOT, dir), { recursive: true })
    .filter(f => /\.test\.ts$/.test(f))
    .map(f => join(dir, f))
    .sort()
}

function test() {
  console.log('\n› lint: eslint-config-vtex and @vtex/prettier-config (npm run lint; npm run format fixes the layout)')
  run(process.execPath, [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--ext', '.ts,.tsx', 'node', 'react', 'dev'], ROOT)
  console.log('\n› release check: the app as vtex link and VTEX’s builders would take it (dev/release/)')
  run(process.execPath, ['--import', 'tsx', join(ROOT, 'dev', 'release', 'index.ts')], ROOT)
  console.log('\n› node/: unit tests (vtex-test-tools)')
  run(process.execPath, [join(ROOT, 'node', 'node_modules', '.bin', 'vtex-test-tools'), 'test', '--ci'], join(ROOT, 'node'))
  console.log('\n› react/: component tests (vtex-test-tools)')
  run(process.execPath, [join(ROOT, 'react', 'node_modules', '.bin', 'vtex-test-tools'), 'test', '--ci'], join(ROOT, 'react'))
  console.log('\n› dev/: platform, contract, client, GraphQL and secret tests (node:test)')
  run(process.execPath, ['--import', 'tsx', '--test', '--test-force-exit', '--test-concurrency=1', ...testFiles('dev/test')], ROOT)
}

const command = process.argv[2]
ensureInstalled()
build()
if (command === 'start') tsx('dev/start.ts', process.argv.slice(3))
else if (command === 'test') test()
else if (command !== 'build') {
  console.error(`unknown command ${command}; use start, test or build`)
  process.exit(2)
}
