// Test double of the Admin runtime: records navigation and serves route params a test sets.
const state: { params: Record<string, string>; navigations: string[] } = {
  params: {},
  navigations: [],
}

export function setRouteParams(params: Record<string, string>) {
  state.params = params
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
    culture: { locale: 'en-US' },
  }
}
