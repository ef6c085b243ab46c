import { join } from 'path'

export const ROOT = join(__dirname, '..')
export const NODE_DIR = join(ROOT, 'node')
export const BUILD_DIR = join(NODE_DIR, '.build')
export const DEFAULT_FIXTURE = join(ROOT, 'dev', 'fixtures', 'default.json')
export const MANIFEST = join(ROOT, 'manifest.json')
