import { inventory } from './inventory'

export const resolvers = {
  Query: {
    inventory,
  },
}
