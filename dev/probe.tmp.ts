import { startStack } from './stack'
;(async () => {
  const stack = await startStack({})
  const tok = stack.fixture.appKeys[0].token
  const post = async (body: string) => { const r = await fetch(`${stack.url}/_v/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: 'VtexIdclientAutCookie=session-ana-owner' }, body }); const t = await r.text(); return [r.status, t.slice(0, 500), t.includes(tok.slice(0, 32))] }
  console.log('1', await post(JSON.stringify({ query: `{ findings(rule: "${tok}") { rule } }` })))
  console.log('2', await post(JSON.stringify({ query: `mutation($n: String) { checkPractice(practice: ROTATE_KEYS, status: DONE, note: $n) { id } }`, variables: { n: `note ${tok}` } })))
  console.log('3', await post('{bad json'))
  console.log('4', await post(JSON.stringify([{ query: '{ rules { id } }' }])))
  console.log('5', await post(JSON.stringify({ query: 'mutation($d: Int!) { snoozeReminder(id: "x", days: $d) }', variables: { d: 'abc' } })))
  console.log('6', await post(JSON.stringify({ query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' })))
  console.log('7', await post(JSON.stringify({ query: `{ nope(x: "${tok}") }` })))
  await new Promise(r => setTimeout(r, 500))
  console.log('LOGS with token:', stack.logs.filter(l => l.includes(tok.slice(0, 32))).length, stack.logs.filter(l => /\/work\/main/.test(l)).length)
  await stack.stop()
})()
