// What every step of the release check shares: the app's root, its manifest, the files `vtex
// link` would upload (step 1) and a staging copy of exactly those files, which is what VTEX's
// builders get: steps 2 and 4 build from it, so a file that .vtexignore leaves out is missing
// there as it would be on VTEX.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'fs'
import { tmpdir } from 'os'
import { dirname, join } from 'path'

export interface Manifest {
  vendor: string
  name: string
  version: string
  builders?: Record<string, string>
  dependencies?: Record<string, string>
  policies?: Array<{ name: string; attrs?: Record<string, string> }>
  [key: string]: unknown
}

export interface StepResult {
  /** one line each: what was checked, with counts */
  summary: string[]
  /** one line each: what is wrong and what to do about it */
  problems: string[]
  /** one line each: worth knowing, not a failure */
  notes?: string[]
}

export interface Step {
  id: number
  title: string
  run(ctx: ReleaseContext): Promise<StepResult>
}

export class ReleaseContext {
  readonly manifest: Manifest
  /** relative POSIX paths of the files `vtex link` would upload (set by step 1) */
  upload: string[] = []
  private stageDir: string | null = null
  private readonly memo = new Map<string, unknown>()

  constructor(readonly root: string) {
    this.manifest = JSON.parse(
      readFileSync(join(root, 'manifest.json'), 'utf8')
    ) as Manifest
  }

  get appId(): string {
    return `${this.manifest.vendor}.${this.manifest.name}`
  }

  /** Upload-set files under a folder (e.g. 'react/'). */
  uploaded(prefix: string, ext?: RegExp): string[] {
    return this.upload.filter(
      (f) => f.startsWith(prefix) && (!ext || ext.test(f))
    )
  }

  /**
   * A copy of the upload set (what the builders receive), with node/ and react/ node_modules
   * linked to the installed ones (VTEX's builders install them from package.json).
   */
  stage(): string {
    if (this.stageDir) return this.stageDir
    const dir = mkdtempSync(join(tmpdir(), 'key-steward-release-'))

    for (const f of this.upload) {
      mkdirSync(dirname(join(dir, f)), { recursive: true })
      copyFileSync(join(this.root, f), join(dir, f))
    }

    for (const pkg of ['node', 'react']) {
      const modules = join(this.root, pkg, 'node_modules')

      if (existsSync(modules) && existsSync(join(dir, pkg)))
        symlinkSync(modules, join(dir, pkg, 'node_modules'), 'dir')
    }

    this.stageDir = dir

    return dir
  }

  /** Computes a value once per run (e.g. a TypeScript program two steps use). */
  once<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make())

    return this.memo.get(key) as T
  }

  dispose(): void {
    if (this.stageDir) rmSync(this.stageDir, { recursive: true, force: true })
    this.stageDir = null
  }
}

export const readJson = <T>(file: string): T =>
  JSON.parse(readFileSync(file, 'utf8')) as T
