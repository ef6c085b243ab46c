// Finds the message ids a TypeScript program uses: string literals that are ids, and ids built at
// runtime (`admin/key-steward.severity.${severity}`), whose dynamic parts are resolved from the
// code itself with the type checker:
//   - a string-literal union type (`severity: Severity`, `kind: Reminder['kind']`) gives its members;
//   - a parameter of a local helper (`const t = (id: string) => intl.formatMessage({ id: `…${id}` })`)
//     gives what every call of the helper passes (`t('title')`, `t(`check.${s}`)`, …);
//   - a parameter of a `.map` callback gives the elements of the array literal it maps;
//   - a prop of a local component gives what every JSX use of the component passes;
//   - otherwise, a property typed plain `string` is looked up by where it is declared
//     (`ChecklistItem.practice`) in the caller's `known` table, which says where its values come
//     from (a GraphQL enum, node/ code).
// What cannot be resolved is returned as unresolved, never skipped: the caller fails on it.
import { readFileSync } from 'fs'

import type * as TS from 'typescript'

export interface FoundIds {
  /** id → where it is used (file:line) */
  ids: Map<string, string>
  unresolved: Array<{ where: string; pattern: string; part: string }>
  /** the `known` entries that were needed */
  knownUsed: Set<string>
}

/** Values of a property typed `string`, by its declaration (`Interface.prop`, `Interface.list.prop`). */
export type Known = (declaredAs: string) => string[] | null

const ARRAY_CALLBACKS = new Set([
  'map',
  'flatMap',
  'forEach',
  'filter',
  'some',
  'every',
  'find',
])

const MAX_DEPTH = 8

type Path = Array<string | number>

/**
 * `program` is only built when a file builds an id at runtime: literal ids need no type checker
 * (node/ has none of the other kind, and its program is the slowest to build).
 */
export function findMessageIds(
  ts: typeof TS,
  program: () => TS.Program,
  files: Set<string>,
  prefix: string,
  rel: (f: string) => string,
  known: Known = () => null
): FoundIds {
  const parsed = [...files].map((f) =>
    ts.createSourceFile(
      f,
      readFileSync(f, 'utf8'),
      ts.ScriptTarget.Latest,
      true
    )
  )

  const builds = (n: TS.Node): boolean =>
    (ts.isTemplateExpression(n) && n.head.text.startsWith(prefix)) ||
    !!ts.forEachChild(n, builds)

  const typed = parsed.some(builds) ? program() : null
  const sources = typed
    ? typed.getSourceFiles().filter((s) => files.has(s.fileName))
    : parsed

  const checker = (typed?.getTypeChecker() ?? null) as TS.TypeChecker
  const found: FoundIds = {
    ids: new Map(),
    unresolved: [],
    knownUsed: new Set(),
  }

  const where = (n: TS.Node) =>
    `${rel(n.getSourceFile().fileName)}:${
      n.getSourceFile().getLineAndCharacterOfPosition(n.getStart()).line + 1
    }`

  const skip = (e: TS.Expression): TS.Expression => {
    while (
      ts.isParenthesizedExpression(e) ||
      ts.isAsExpression(e) ||
      ts.isNonNullExpression(e) ||
      ts.isTypeAssertionExpression(e) ||
      ts.isSatisfiesExpression(e)
    )
      e = e.expression

    return e
  }

  const product = (a: string[], b: string[]) =>
    a.flatMap((x) => b.map((y) => x + y))

  function literalsOfType(type: TS.Type): string[] | null {
    const parts = type.isUnion() ? type.types : [type]
    const out: string[] = []

    for (const p of parts) {
      if (p.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) continue
      if (p.isStringLiteral()) out.push(p.value)
      else if (p.isNumberLiteral()) out.push(String(p.value))
      else return null
    }

    return out.length ? out : null
  }

  /** `ScanStep.problem` for `step.problem`: the interface or type alias and the properties down to the one read. */
  function declaredAs(e: TS.PropertyAccessExpression): string | null {
    const symbol = checker.getSymbolAtLocation(e.name)
    let node: TS.Node | undefined =
      symbol?.valueDeclaration ?? symbol?.declarations?.[0]

    const names: string[] = []

    while (node && !ts.isSourceFile(node)) {
      if (ts.isPropertySignature(node) || ts.isPropertyDeclaration(node))
        names.unshift(node.name.getText())
      else if (
        ts.isInterfaceDeclaration(node) ||
        ts.isTypeAliasDeclaration(node) ||
        ts.isClassDeclaration(node)
      ) {
        names.unshift(node.name?.getText() ?? '?')

        return names.join('.')
      }

      node = node.parent
    }

    return null
  }

  /** Identifiers anywhere in the program's own files that refer to `symbol`. */
  function referencesTo(symbol: TS.Symbol): TS.Identifier[] {
    const refs: TS.Identifier[] = []
    const visit = (n: TS.Node) => {
      if (ts.isIdentifier(n) && checker.getSymbolAtLocation(n) === symbol)
        refs.push(n)
      ts.forEachChild(n, visit)
    }

    sources.forEach(visit)

    return refs
  }

  /** The value at `path` inside an expression (object literal property, array literal element). */
  function at(e: TS.Expression, path: Path, depth: number): string[] | null {
    if (!path.length) return resolve(e, depth)
    e = skip(e)
    const [head, ...rest] = path

    if (ts.isIdentifier(e)) {
      const decl = checker.getSymbolAtLocation(e)?.valueDeclaration

      if (decl && ts.isVariableDeclaration(decl) && decl.initializer)
        return at(decl.initializer, path, depth + 1)
    }

    if (typeof head === 'string' && ts.isObjectLiteralExpression(e)) {
      const prop = e.properties.find(
        (p) => p.name && ts.isIdentifier(p.name) && p.name.text === head
      )

      if (prop && ts.isPropertyAssignment(prop))
        return at(prop.initializer, rest, depth + 1)
      if (prop && ts.isShorthandPropertyAssignment(prop))
        return at(prop.name, rest, depth + 1)
    }

    if (
      typeof head === 'number' &&
      ts.isArrayLiteralExpression(e) &&
      e.elements[head]
    )
      return at(e.elements[head], rest, depth + 1)

    return null
  }

  /** The elements an array expression holds (array literals, consts initialised with one, Object.keys/entries of an object literal). */
  function elements(
    e: TS.Expression,
    depth: number
  ): Array<{ expr: TS.Expression } | { value: string[] }> | null {
    e = skip(e)
    if (ts.isArrayLiteralExpression(e)) {
      const out: Array<{ expr: TS.Expression } | { value: string[] }> = []

      for (const el of e.elements) {
        if (ts.isSpreadElement(el)) {
          const inner = elements(el.expression, depth + 1)

          if (!inner) return null
          out.push(...inner)
        } else out.push({ expr: el })
      }

      return out
    }

    if (ts.isIdentifier(e)) {
      const decl = checker.getSymbolAtLocation(e)?.valueDeclaration

      if (decl && ts.isVariableDeclaration(decl) && decl.initializer)
        return elements(decl.initializer, depth + 1)
    }

    if (
      ts.isCallExpression(e) &&
      ts.isPropertyAccessExpression(e.expression) &&
      ts.isIdentifier(e.expression.expression) &&
      e.expression.expression.text === 'Object' &&
      e.arguments[0]
    ) {
      let obj = skip(e.arguments[0])

      if (ts.isIdentifier(obj)) {
        const decl = checker.getSymbolAtLocation(obj)?.valueDeclaration

        if (decl && ts.isVariableDeclaration(decl) && decl.initializer)
          obj = skip(decl.initializer)
      }

      if (!ts.isObjectLiteralExpression(obj)) return null
      const keys = obj.properties.map((p) =>
        p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))
          ? p.name.text
          : null
      )

      if (keys.some((k) => k === null)) return null
      if (e.expression.name.text === 'keys')
        return keys.map((k) => ({ value: [k!] }))
      if (e.expression.name.text === 'entries')
        return obj.properties.map((p, i) => ({
          expr: ts.factory.createArrayLiteralExpression([
            ts.factory.createStringLiteral(keys[i]!),
            ts.isPropertyAssignment(p)
              ? p.initializer
              : ts.factory.createIdentifier('undefined'),
          ]),
        }))
    }

    return null
  }

  /** What a parameter (or a part of a destructured parameter) of `fn` receives. */
  function parameterValues(
    fn: TS.SignatureDeclaration,
    index: number,
    path: Path,
    depth: number
  ): string[] | null {
    const { parent } = fn

    // [..].map(x => …): the array's elements
    if (
      ts.isCallExpression(parent) &&
      parent.arguments[0] === fn &&
      index === 0 &&
      ts.isPropertyAccessExpression(parent.expression) &&
      ARRAY_CALLBACKS.has(parent.expression.name.text)
    ) {
      const els = elements(parent.expression.expression, depth + 1)

      if (!els) return null
      const out: string[] = []

      for (const el of els) {
        let vals: string[] | null

        if ('value' in el) vals = path.length ? null : el.value
        else vals = at(el.expr, path, depth + 1)
        if (!vals) return null
        out.push(...vals)
      }

      return out
    }

    // const helper = (…) => …, function helper(…) {…}: every call; const Component = ({ prop }) => …: every JSX use
    const name =
      ts.isVariableDeclaration(parent) && parent.initializer === fn
        ? parent.name
        : ts.isFunctionDeclaration(fn)
        ? fn.name
        : undefined

    const symbol = name && checker.getSymbolAtLocation(name)

    if (!symbol) return null
    const out: string[] = []

    for (const ref of referencesTo(symbol)) {
      const use = ref.parent

      if (
        ref === name ||
        ts.isJsxClosingElement(use) ||
        ts.isExportSpecifier(use) ||
        ts.isExportAssignment(use)
      )
        continue
      let vals: string[] | null = null

      if (ts.isCallExpression(use) && use.expression === ref) {
        const arg = use.arguments[index]

        vals = arg ? at(arg, path, depth + 1) : null
      } else if (
        (ts.isJsxOpeningElement(use) || ts.isJsxSelfClosingElement(use)) &&
        use.tagName === ref &&
        index === 0 &&
        typeof path[0] === 'string'
      ) {
        const attr = use.attributes.properties.find(
          (a) => ts.isJsxAttribute(a) && a.name.getText() === path[0]
        )

        const init =
          attr && ts.isJsxAttribute(attr) ? attr.initializer : undefined

        if (init && ts.isStringLiteral(init))
          vals = path.length === 1 ? [init.text] : null
        else if (init && ts.isJsxExpression(init) && init.expression)
          vals = at(init.expression, path.slice(1), depth + 1)
      }

      if (!vals) return null
      out.push(...vals)
    }

    return out
  }

  function resolve(e: TS.Expression, depth = 0): string[] | null {
    if (depth > MAX_DEPTH) return null
    e = skip(e)
    if (ts.isStringLiteralLike(e)) return [e.text]
    if (ts.isNumericLiteral(e)) return [e.text]
    if (ts.isTemplateExpression(e)) {
      let acc = [e.head.text]

      for (const span of e.templateSpans) {
        const vals = resolve(span.expression, depth + 1)

        if (!vals) return null
        acc = product(acc, vals).map((s) => s + span.literal.text)
      }

      return acc
    }

    if (ts.isConditionalExpression(e)) {
      const a = resolve(e.whenTrue, depth + 1)
      const b = resolve(e.whenFalse, depth + 1)

      return a && b ? [...a, ...b] : null
    }

    if (
      ts.isBinaryExpression(e) &&
      e.operatorToken.kind === ts.SyntaxKind.PlusToken
    ) {
      const a = resolve(e.left, depth + 1)
      const b = resolve(e.right, depth + 1)

      return a && b ? product(a, b) : null
    }

    if (e.pos >= 0) {
      const byType = literalsOfType(checker.getTypeAtLocation(e))

      if (byType) return byType
    }

    if (ts.isPropertyAccessExpression(e)) {
      const key = declaredAs(e)
      const values = key ? known(key) : null

      if (key && values) found.knownUsed.add(key)

      return values
    }

    if (ts.isIdentifier(e)) {
      const decl = checker.getSymbolAtLocation(e)?.valueDeclaration

      if (!decl) return null
      if (
        ts.isVariableDeclaration(decl) &&
        decl.initializer &&
        ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const
      )
        return resolve(decl.initializer, depth + 1)
      // a parameter, or a name destructured from one
      const path: Path = []
      let node: TS.Node = decl

      while (ts.isBindingElement(node)) {
        const pattern: TS.BindingPattern = node.parent

        if (ts.isObjectBindingPattern(pattern))
          path.unshift(((node.propertyName ?? node.name) as TS.Identifier).text)
        else
          path.unshift(pattern.elements.indexOf(node as TS.ArrayBindingElement))
        node = pattern.parent
      }

      if (ts.isParameter(node) && ts.isFunctionLike(node.parent)) {
        const fn = node.parent as TS.SignatureDeclaration

        return parameterValues(fn, fn.parameters.indexOf(node), path, depth + 1)
      }
    }

    return null
  }

  const isId = (s: string) => s.startsWith(prefix) && /^[\w./-]+$/.test(s)
  const add = (id: string, n: TS.Node) => {
    if (!found.ids.has(id)) found.ids.set(id, where(n))
  }

  const visit = (n: TS.Node) => {
    if (
      ts.isStringLiteralLike(n) &&
      isId(n.text) &&
      !ts.isImportDeclaration(n.parent)
    )
      add(n.text, n)
    else if (ts.isTemplateExpression(n) && n.head.text.startsWith(prefix)) {
      const vals = resolve(n)

      if (vals) vals.forEach((v) => add(v, n))
      else {
        const part = n.templateSpans
          .map((s) => s.expression)
          .find((x) => !resolve(x))

        found.unresolved.push({
          where: where(n),
          pattern: n.getText().slice(1, -1),
          part: part?.getText() ?? '?',
        })
      }

      return
    }

    ts.forEachChild(n, visit)
  }

  sources.forEach(visit)

  return found
}
