// No GraphQL type is declared by hand in react/: the pages take their data types from the
// operations' generated types (graphql/types.generated.ts, made by dev/codegen from graphql/ and
// the .gql documents). A hand copy compiles against mocks and drifts from the schema unseen, so
// this scan fails on an interface, class or enum named like a schema type, and on a type alias of
// that name that spells out a shape (an object type or a union of literals) instead of taking it
// from the generated types (`NonNullable<SomeQuery['field']>`, `Pick<…>`, a re-export).
import { readdirSync, readFileSync, statSync } from 'fs'
import { join, relative } from 'path'

import { Kind, parse } from 'graphql'
import * as ts from 'typescript'

const REACT = join(__dirname, '..')
const GRAPHQL = join(REACT, '..', 'graphql')

function files(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)

    if (statSync(p).isDirectory())
      return name === 'node_modules' ? [] : files(p, test)

    return test(name) ? [p] : []
  })
}

/** Every type the schema names (objects, inputs, enums, interfaces, unions, scalars). */
function schemaTypeNames(): Set<string> {
  const names = new Set<string>()

  for (const f of files(GRAPHQL, (n) => n.endsWith('.graphql'))) {
    for (const d of parse(readFileSync(f, 'utf8')).definitions) {
      if (
        (d.kind === Kind.OBJECT_TYPE_DEFINITION ||
          d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ||
          d.kind === Kind.ENUM_TYPE_DEFINITION ||
          d.kind === Kind.INTERFACE_TYPE_DEFINITION ||
          d.kind === Kind.UNION_TYPE_DEFINITION ||
          d.kind === Kind.SCALAR_TYPE_DEFINITION) &&
        d.name.value !== 'Query' &&
        d.name.value !== 'Mutation'
      )
        names.add(d.name.value)
    }
  }

  return names
}

/** A shape written out by hand: an object type anywhere in it, or only literals (a hand enum). */
function spellsOutShape(type: ts.TypeNode): boolean {
  const literalsOnly = (t: ts.TypeNode): boolean =>
    ts.isLiteralTypeNode(t) ||
    (ts.isUnionTypeNode(t) && t.types.every(literalsOnly)) ||
    (ts.isParenthesizedTypeNode(t) && literalsOnly(t.type))

  let objectType = false
  const visit = (n: ts.Node) => {
    if (ts.isTypeLiteralNode(n) || ts.isMappedTypeNode(n)) objectType = true
    else ts.forEachChild(n, visit)
  }

  visit(type)

  return objectType || literalsOnly(type)
}

/** The declarations of `source` that mirror a schema type by hand, as "file:line Name". */
function handMirrors(
  source: string,
  fileName: string,
  schemaNames: Set<string>
): string[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  )

  const found: string[] = []
  const report = (name: ts.Identifier, what: string) =>
    found.push(
      `${fileName}:${
        file.getLineAndCharacterOfPosition(name.getStart()).line + 1
      } ${what} ${name.text}`
    )

  const visit = (n: ts.Node) => {
    if (
      (ts.isInterfaceDeclaration(n) || ts.isEnumDeclaration(n)) &&
      schemaNames.has(n.name.text)
    )
      report(n.name, ts.isEnumDeclaration(n) ? 'enum' : 'interface')
    else if (ts.isClassDeclaration(n) && n.name && schemaNames.has(n.name.text))
      report(n.name, 'class')
    else if (
      ts.isTypeAliasDeclaration(n) &&
      schemaNames.has(n.name.text) &&
      spellsOutShape(n.type)
    )
      report(n.name, 'type')
    ts.forEachChild(n, visit)
  }

  visit(file)

  return found
}

describe('GraphQL types in react/ come from the generated ones', () => {
  const names = schemaTypeNames()

  it('reads the schema’s type names', () => {
    // a wrong path or an empty schema would make the scan below pass on nothing
    for (const name of ['Review', 'Settings', 'ApiKey', 'Severity', 'Reminder'])
      expect(names.has(name)).toBe(true)
  })

  it('finds hand copies and lets aliases of the generated types through', () => {
    const source = `
      import type { KeyStewardReviewQuery, Severity as S } from './graphql/types.generated'
      export interface Review { id: string }
      type Settings = { rotationDays: number }
      type Reminder = Array<{ id: string }>
      export type Severity = 'CRITICAL' | 'HIGH'
      enum Practice { ROTATE_KEYS = 'ROTATE_KEYS' }
      function f() { interface ScanStep { state: string } return null as unknown as ScanStep }

      export type ReviewKey = NonNullable<KeyStewardReviewQuery['review']>['checklist'][number]
      type ChecklistItem = Pick<ReviewKey, 'practice' | 'status'>
      type Decision = S
      export type { ApiKey } from './graphql/types.generated'
      interface Props { review: ReviewKey }
    `

    expect(handMirrors(source, 'x.tsx', names)).toEqual([
      'x.tsx:3 interface Review',
      'x.tsx:4 type Settings',
      'x.tsx:5 type Reminder',
      'x.tsx:6 type Severity',
      'x.tsx:7 enum Practice',
      'x.tsx:8 interface ScanStep',
    ])
  })

  it('no file in react/ declares a schema type by hand', () => {
    const sources = files(
      REACT,
      (n) => /\.tsx?$/.test(n) && !n.endsWith('.generated.ts')
    )

    // the scan must have seen the pages, or it proves nothing
    expect(sources.length).toBeGreaterThan(50)

    const found = sources.flatMap((f) =>
      handMirrors(readFileSync(f, 'utf8'), relative(REACT, f), names)
    )

    expect(found).toEqual([])
  })
})
