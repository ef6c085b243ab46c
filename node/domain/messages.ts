// Finding messages in the admin's language: what is wrong, why it matters (the practice of
// VTEX's guide), and the next step. Messages only use a finding's params, which never hold a
// token.
import type { Finding } from './findings'

export type Locale = 'en' | 'pt' | 'es'
type P = Finding['params']
type Template = (p: P) => string

export function localeOf(tag: string | undefined): Locale {
  const lang = (tag ?? '').toLowerCase().slice(0, 2)

  return lang === 'pt' || lang === 'es' ? lang : 'en'
}

/** What a token's age counts from (domain/renewals TokenAgeBasis), before its date. */
const SINCE: Record<Locale, Record<string, string>> = {
  en: {
    TOKEN_CREATED: 'created on',
    RENEWAL_FINISHED: 'renewal finished on',
    RENEWAL_RECORDED: 'renewal recorded for',
  },
  pt: {
    TOKEN_CREATED: 'criado em',
    RENEWAL_FINISHED: 'renovação concluída em',
    RENEWAL_RECORDED: 'renovação registrada em',
  },
  es: {
    TOKEN_CREATED: 'creado el',
    RENEWAL_FINISHED: 'renovación terminada el',
    RENEWAL_RECORDED: 'renovación registrada el',
  },
}

const day = (iso: unknown) => String(iso ?? '').slice(0, 10)

export const MESSAGES: Record<Locale, Record<string, Template>> = {
  en: {
    'key-age-exceeded': (p) =>
      `${
        p.basis && p.basis !== 'KEY_CREATED'
          ? `The token of key "${p.label}" is ${p.ageDays} days old (${
              SINCE.en[String(p.basis)]
            } ${day(p.since)})`
          : `Key "${p.label}" is ${p.ageDays} days old and its token was never renewed as far as Key Steward knows`
      }, ${p.overdueDays} ${
        Number(p.overdueDays) === 1 ? 'day' : 'days'
      } past the ${
        p.periodDays
      }-day rotation period. Old tokens widen the window for a leak. Renew its token (or create a new key and retire this one).`,
    'renewal-unfinished': (p) =>
      `A token renewal of key "${p.label}" started ${p.startedDaysAgo} days ago and was not finished, so the old token still works. Move the integration to the new token, then finish the renewal to invalidate the old one.`,
    'owner-role': (p) =>
      `Key "${p.label}" holds ${p.roles}, which grants every permission of the account. No integration needs that. Give it a role with only the resources it uses, then remove ${p.roles}.`,
    'can-manage-keys': (p) =>
      `Key "${p.label}" can create keys or change roles (${p.roles}). A leak would let an attacker give themselves any access. Remove this role unless the integration manages users.`,
    'no-roles': (p) =>
      `Key "${p.label}" is active but holds no roles, so it serves nothing. Deactivate or delete it.`,
    'inactive-with-roles': (p) =>
      `Key "${p.label}" is inactive but still holds ${p.roles}; reactivating it would restore that access. Remove its roles.`,
    'generic-label': (p) =>
      `Key "${p.label}" has a generic label, so nobody can tell which integration uses it. Rename it after its integration (one key per integration).`,
    'duplicate-label': (p) =>
      `${p.count} keys share the label "${p.label}", so they cannot be told apart in a review. Give each key the name of its own integration.`,
    'shared-key': (p) =>
      `Key "${p.label}" is recorded as used by ${p.count} integrations (${p.integrations}). A shared key cannot be rotated or revoked for one of them. Create one key per integration.`,
    'no-owner': (p) =>
      `Key "${p.label}" has no owner recorded. Record who is responsible for it so rotations and reviews have someone to answer.`,
    'exposed-client-side': (p) =>
      p.appKey
        ? `${
            p.token
              ? `The key "${p.label}" and its token appear`
              : `The key "${p.label}" appears`
          } in code the browser loads (${p.url}, line ${p.line}${
            Number(p.places) > 1
              ? `, and ${Number(p.places) - 1} more places`
              : ''
          }). Anyone can read it there. ${
            p.token
              ? 'Renew its token now, deactivate the key if you can, and'
              : 'Deactivate or rotate the key, and'
          } move the call to a server (a VTEX IO service or your backend).${
            p.lastSeen
              ? ` Last seen on ${p.lastSeen}: the latest scan could not read it again.`
              : ''
          }`
        : `A VTEX token or credentials link appears in code the browser loads (${
            p.url
          }, line ${
            p.line
          }). Anyone can read it there. Find the key it belongs to, renew its token, and move the call server-side.${
            p.lastSeen
              ? ` Last seen on ${p.lastSeen}: the latest scan could not read it again.`
              : ''
          }`,
    'external-broad-access': (p) =>
      `External key ${p.appKey} of account "${p.account}" holds ${p.roles} here. Another company’s key should not manage your account. Reduce its roles to what the partner needs.`,
    'user-owner-role': (p) =>
      `${p.email} is one of ${p.count} users holding Owner (Admin Super); the policy allows ${p.max}. Reassess who needs full access and give the others narrower roles.`,
    'review-overdue': (p) =>
      p.daysSince !== undefined
        ? `The last access review of "${p.account}" was completed ${p.daysSince} days ago; reviews are due every ${p.cadenceDays} days. Start a review and decide on every key.`
        : `No access review of "${p.account}" has been completed; reviews are due every ${p.cadenceDays} days. Start a review and decide on every key.`,
  },
  pt: {
    'key-age-exceeded': (p) =>
      `${
        p.basis && p.basis !== 'KEY_CREATED'
          ? `O token da chave "${p.label}" tem ${p.ageDays} dias (${
              SINCE.pt[String(p.basis)]
            } ${day(p.since)})`
          : `A chave "${p.label}" tem ${p.ageDays} dias e, pelo que o Key Steward sabe, seu token nunca foi renovado`
      }, ${p.overdueDays} ${
        Number(p.overdueDays) === 1 ? 'dia' : 'dias'
      } além do período de rotação de ${
        p.periodDays
      } dias. Tokens antigos ampliam a janela de um vazamento. Renove o token (ou crie uma nova chave e desative esta).`,
    'renewal-unfinished': (p) =>
      `Uma renovação de token da chave "${p.label}" começou há ${p.startedDaysAgo} dias e não foi concluída, então o token antigo ainda funciona. Passe a integração para o novo token e conclua a renovação para invalidar o antigo.`,
    'owner-role': (p) =>
      `A chave "${p.label}" tem ${p.roles}, que concede todas as permissões da conta. Nenhuma integração precisa disso. Dê a ela um perfil só com os recursos que usa e remova ${p.roles}.`,
    'can-manage-keys': (p) =>
      `A chave "${p.label}" pode criar chaves ou alterar perfis (${p.roles}). Um vazamento deixaria um atacante dar a si mesmo qualquer acesso. Remova esse perfil, a menos que a integração gerencie usuários.`,
    'no-roles': (p) =>
      `A chave "${p.label}" está ativa mas não tem perfis, então não serve para nada. Desative-a ou exclua-a.`,
    'inactive-with-roles': (p) =>
      `A chave "${p.label}" está inativa mas ainda tem ${p.roles}; reativá-la devolveria esse acesso. Remova os perfis dela.`,
    'generic-label': (p) =>
      `A chave "${p.label}" tem um nome genérico, então ninguém sabe qual integração a usa. Renomeie-a com o nome da integração (uma chave por integração).`,
    'duplicate-label': (p) =>
      `${p.count} chaves têm o mesmo nome "${p.label}" e não se distinguem numa revisão. Dê a cada chave o nome da sua integração.`,
    'shared-key': (p) =>
      `A chave "${p.label}" está registrada como usada por ${p.count} integrações (${p.integrations}). Uma chave compartilhada não pode ser rotacionada ou revogada para só uma delas. Crie uma chave por integração.`,
    'no-owner': (p) =>
      `A chave "${p.label}" não tem responsável registrado. Registre quem responde por ela para que rotações e revisões tenham um dono.`,
    'exposed-client-side': (p) =>
      p.appKey
        ? `${
            p.token
              ? `A chave "${p.label}" e seu token aparecem`
              : `A chave "${p.label}" aparece`
          } em código que o navegador carrega (${p.url}, linha ${p.line}${
            Number(p.places) > 1
              ? `, e em mais ${Number(p.places) - 1} lugares`
              : ''
          }). Qualquer pessoa pode lê-la ali. ${
            p.token
              ? 'Renove o token agora, desative a chave se puder e'
              : 'Desative ou rotacione a chave e'
          } passe a chamada para um servidor (um serviço VTEX IO ou seu backend).${
            p.lastSeen
              ? ` Vista pela última vez em ${p.lastSeen}: a última varredura não conseguiu lê-la de novo.`
              : ''
          }`
        : `Um token VTEX ou link de credenciais aparece em código que o navegador carrega (${
            p.url
          }, linha ${
            p.line
          }). Qualquer pessoa pode lê-lo ali. Descubra a chave, renove o token e passe a chamada para o servidor.${
            p.lastSeen
              ? ` Visto pela última vez em ${p.lastSeen}: a última varredura não conseguiu lê-lo de novo.`
              : ''
          }`,
    'external-broad-access': (p) =>
      `A chave externa ${p.appKey} da conta "${p.account}" tem ${p.roles} aqui. A chave de outra empresa não deve gerenciar sua conta. Reduza os perfis ao que o parceiro precisa.`,
    'user-owner-role': (p) =>
      `${p.email} é um de ${p.count} usuários com Owner (Admin Super); a política permite ${p.max}. Reavalie quem precisa de acesso total e dê perfis mais restritos aos demais.`,
    'review-overdue': (p) =>
      p.daysSince !== undefined
        ? `A última revisão de acessos de "${p.account}" foi concluída há ${p.daysSince} dias; revisões devem ocorrer a cada ${p.cadenceDays} dias. Inicie uma revisão e decida sobre cada chave.`
        : `Nenhuma revisão de acessos de "${p.account}" foi concluída; revisões devem ocorrer a cada ${p.cadenceDays} dias. Inicie uma revisão e decida sobre cada chave.`,
  },
  es: {
    'key-age-exceeded': (p) =>
      `${
        p.basis && p.basis !== 'KEY_CREATED'
          ? `El token de la clave "${p.label}" tiene ${p.ageDays} días (${
              SINCE.es[String(p.basis)]
            } ${day(p.since)})`
          : `La clave "${p.label}" tiene ${p.ageDays} días y, según sabe Key Steward, su token nunca se renovó`
      }, ${p.overdueDays} ${
        Number(p.overdueDays) === 1 ? 'día' : 'días'
      } más allá del período de rotación de ${
        p.periodDays
      } días. Los tokens antiguos amplían la ventana de una filtración. Renueva su token (o crea una clave nueva y retira esta).`,
    'renewal-unfinished': (p) =>
      `Una renovación de token de la clave "${p.label}" empezó hace ${p.startedDaysAgo} días y no terminó, así que el token anterior sigue funcionando. Pasa la integración al nuevo token y termina la renovación para invalidar el anterior.`,
    'owner-role': (p) =>
      `La clave "${p.label}" tiene ${p.roles}, que otorga todos los permisos de la cuenta. Ninguna integración lo necesita. Dale un rol solo con los recursos que usa y quita ${p.roles}.`,
    'can-manage-keys': (p) =>
      `La clave "${p.label}" puede crear claves o cambiar roles (${p.roles}). Una filtración permitiría a un atacante darse cualquier acceso. Quita este rol salvo que la integración gestione usuarios.`,
    'no-roles': (p) =>
      `La clave "${p.label}" está activa pero no tiene roles, así que no sirve para nada. Desactívala o elimínala.`,
    'inactive-with-roles': (p) =>
      `La clave "${p.label}" está inactiva pero aún tiene ${p.roles}; reactivarla devolvería ese acceso. Quítale los roles.`,
    'generic-label': (p) =>
      `La clave "${p.label}" tiene un nombre genérico, así que nadie sabe qué integración la usa. Renómbrala con el nombre de su integración (una clave por integración).`,
    'duplicate-label': (p) =>
      `${p.count} claves comparten el nombre "${p.label}" y no se distinguen en una revisión. Da a cada clave el nombre de su integración.`,
    'shared-key': (p) =>
      `La clave "${p.label}" está registrada como usada por ${p.count} integraciones (${p.integrations}). Una clave compartida no se puede rotar ni revocar para una sola. Crea una clave por integración.`,
    'no-owner': (p) =>
      `La clave "${p.label}" no tiene responsable registrado. Registra quién responde por ella para que rotaciones y revisiones tengan un dueño.`,
    'exposed-client-side': (p) =>
      p.appKey
        ? `${
            p.token
              ? `La clave "${p.label}" y su token aparecen`
              : `La clave "${p.label}" aparece`
          } en código que carga el navegador (${p.url}, línea ${p.line}${
            Number(p.places) > 1
              ? `, y en ${Number(p.places) - 1} lugares más`
              : ''
          }). Cualquiera puede leerla allí. ${
            p.token
              ? 'Renueva su token ya, desactiva la clave si puedes y'
              : 'Desactiva o rota la clave y'
          } mueve la llamada a un servidor (un servicio VTEX IO o tu backend).${
            p.lastSeen
              ? ` Vista por última vez el ${p.lastSeen}: el último escaneo no pudo leerla de nuevo.`
              : ''
          }`
        : `Un token de VTEX o un enlace de credenciales aparece en código que carga el navegador (${
            p.url
          }, línea ${
            p.line
          }). Cualquiera puede leerlo allí. Encuentra la clave, renueva su token y mueve la llamada al servidor.${
            p.lastSeen
              ? ` Visto por última vez el ${p.lastSeen}: el último escaneo no pudo leerlo de nuevo.`
              : ''
          }`,
    'external-broad-access': (p) =>
      `La clave externa ${p.appKey} de la cuenta "${p.account}" tiene ${p.roles} aquí. La clave de otra empresa no debe gestionar tu cuenta. Reduce sus roles a lo que el socio necesita.`,
    'user-owner-role': (p) =>
      `${p.email} es uno de ${p.count} usuarios con Owner (Admin Super); la política permite ${p.max}. Reevalúa quién necesita acceso total y da roles más acotados a los demás.`,
    'review-overdue': (p) =>
      p.daysSince !== undefined
        ? `La última revisión de accesos de "${p.account}" se completó hace ${p.daysSince} días; las revisiones tocan cada ${p.cadenceDays} días. Inicia una revisión y decide sobre cada clave.`
        : `No se ha completado ninguna revisión de accesos de "${p.account}"; las revisiones tocan cada ${p.cadenceDays} días. Inicia una revisión y decide sobre cada clave.`,
  },
}

export function renderFinding(f: Finding, locale: Locale): string {
  const template = MESSAGES[locale][f.rule] ?? MESSAGES.en[f.rule]

  return template ? template(f.params) : `${f.rule}: ${f.subjectLabel}`
}

export const HYGIENE_FORMULA: Record<Locale, string> = {
  en: 'Each active key starts at full health and loses 25 points for a CRITICAL finding, 10 for HIGH, 4 for MEDIUM and 1 for LOW (at most 25 per key). The score is the average health of your keys, from 0 to 100, minus 10 if an access review is overdue and 5 if too many users hold Owner. While any CRITICAL finding remains (or a key’s roles could not be read), the score stays below 50.',
  pt: 'Cada chave ativa começa com saúde total e perde 25 pontos por achado CRÍTICO, 10 por ALTO, 4 por MÉDIO e 1 por BAIXO (no máximo 25 por chave). A nota é a saúde média das suas chaves, de 0 a 100, menos 10 se uma revisão de acessos estiver atrasada e 5 se usuários demais tiverem Owner. Enquanto houver um achado CRÍTICO (ou uma chave cujos perfis não puderam ser lidos), a nota fica abaixo de 50.',
  es: 'Cada clave activa empieza con salud total y pierde 25 puntos por hallazgo CRÍTICO, 10 por ALTO, 4 por MEDIO y 1 por BAJO (como máximo 25 por clave). La nota es la salud media de tus claves, de 0 a 100, menos 10 si una revisión de accesos está atrasada y 5 si demasiados usuarios tienen Owner. Mientras quede un hallazgo CRÍTICO (o una clave cuyos roles no se pudieron leer), la nota se queda por debajo de 50.',
}
