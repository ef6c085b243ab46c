// The Spanish texts address the admin one way: tú, as VTEX's own Spanish Admin apps and Help
// Center do ("Si necesitas…", "elige…", "inténtalo de nuevo"). A formal (usted) form among
// them reads as a different voice, so the common ones are refused here. The formal imperative
// is spelled like the subjunctive ("que el programador revise…"), so a verb counts only where
// a clause starts (an instruction), and rule names (about a key: "Tiene Owner") are left out.
import es from '../../messages/es.json'

const USTED = /\busted(es)?\b/i

/**
 * The formal imperative of the verbs these texts use, where a clause starts: also after the `}`
 * that closes an ICU plural or select whose branch ended a sentence ("… está.}} Revise …").
 */
const FORMAL = new RegExp(
  `(^|[.:;!?¿(]\\s*|[.:;!?]\\}+\\s*)(${[
    'agregue',
    'añada',
    'cambie',
    'compruebe',
    'confirme',
    'contacte',
    'copie',
    'corrija',
    'desactive',
    'diga',
    'elija',
    'elimine',
    'escriba',
    'espere',
    'firme',
    'guarde',
    'indique',
    'ingrese',
    'inicie',
    'instale',
    'intente',
    'marque',
    'muestre',
    'mueva',
    'pegue',
    'pida',
    'quite',
    'reactive',
    'recargue',
    'reduzca',
    'registre',
    'reinicie',
    'renueve',
    'revise',
    'seleccione',
    'separe',
    'termine',
    'use',
    'vuelva',
    'déjela',
    'déjelas',
    'inténtelo',
  ].join('|')})\\b`,
  'i'
)

/**
 * "Puede/Necesita/Tiene …" opening a sentence speaks to the reader as usted; "Puede que …"
 * ("it may be that …") is impersonal and speaks to nobody. A sentence also opens after the `}`
 * that closes an ICU plural or select ("{count, plural, …}} Puede cambiar …").
 */
const FORMAL_START =
  /(^|[.:!?]\s+|\}\s+)(Puede(?! que\b)|Necesita|Tiene|Debe|Quiere)\s/

const formal = (text: string) =>
  USTED.test(text) || FORMAL.test(text) || FORMAL_START.test(text)

describe('Spanish texts (messages/es.json)', () => {
  it('address the admin as tú everywhere, never usted', () => {
    const found = Object.entries(es as Record<string, string>)
      .filter(([id]) => !id.startsWith('admin/key-steward.rule.'))
      .filter(([, text]) => formal(text))
      .map(([id, text]) => `${id}: ${text}`)

    expect(found).toEqual([])
  })

  it('catches the formal texts this file had, and lets tú and the subjunctive pass', () => {
    for (const text of [
      'Usted firma 3 claves (3 mantener).',
      'Necesita el recurso de License Manager Save user.',
      'Puede leer las revisiones completadas.',
      'Ninguna clave seleccionada: marque filas o seleccione todas las del filtro.',
      'requiere una justificación. Agregue una o déjela fuera:',
      'Diga qué se hizo con la evidencia.',
      'Salió de la lista (muestre Decididas para verla).',
      'Sin cambiar nada. Separe con comas.',
      '{count, plural, one {Su acceso sigue.} other {Sus accesos siguen.}} Puede cambiar cualquiera de estas decisiones.',
      '{count, plural, one {Queda una clave.} other {Quedan # claves.}} Revise cada una.',
    ])
      expect([text, formal(text)]).toEqual([text, true])
    for (const text of [
      'Firmas 3 claves (3 mantener).',
      'Agrega una o déjala fuera:',
      'Pide a VTEX que lea las claves, revise la tienda y envíe recordatorios.',
      'Cuando la integración use el nuevo token, termina la renovación.',
      'Puede que ya se haya terminado, aquí o en el Admin de VTEX.',
      '{count, plural, one {Queda una clave.} other {Quedan # claves.}} Puedes cambiarlas.',
    ])
      expect([text, formal(text)]).toEqual([text, false])
  })
})
