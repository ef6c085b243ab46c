// The actions of the key page and the review (Mutation fields), whose permission the admin's
// session is told in advance (Query.keyActionPermissions). The admin's KeyActionField type is
// generated from this list (dev/codegen), and the list is checked against the schema below.
import type { MutationResolvers } from '../generated/schema'

export const KEY_ACTION_FIELDS = [
  'renewToken',
  'finishTokenRenewal',
  'recordTokenRenewal',
  'deactivateKey',
  'reactivateKey',
  'removeKeyRole',
] as const

// Every entry names a mutation of the schema (a rename there fails the type check here).
export const keyActionFieldsAreMutations: ReadonlyArray<
  keyof MutationResolvers
> = KEY_ACTION_FIELDS
