// Test double of the Admin runtime: records navigation and serves route params a test sets.
const state: {
  params: Record<string, string>
  navigations: string[]
  query?: Record<string, string>
} = {
  params: {},
  navigations: [],
}

export function setRouteParams(params: Record<string, string>) {
  state.params = params
}

/** The runtime's query as after a navigation (undefined: the page reads the URL itself). */
export function setRuntimeQuery(query: Record<string, string> | undefined) {
  state.query = query
}

export function navigations() {
  return state.navigations
}

export function useRuntime() {
  return {
    navigate: ({ to }: { to: string }) => {
      state.navigations.push(to)
    },
    route: { params: state.params },
    query: state.query,
    culture: { locale: 'en-US' },
  }
}
