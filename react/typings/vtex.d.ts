declare module 'vtex.styleguide' {
  // The Admin provides vtex.styleguide; its npm twin @vtex/styleguide ships no complete types.
  export const Alert: any
  export const Button: any
  export const ButtonPlain: any
  export const Dropdown: any
  export const EmptyState: any
  export const Input: any
  export const InputSearch: any
  export const Layout: any
  export const Modal: any
  export const ModalDialog: any
  export const PageBlock: any
  export const PageHeader: any
  export const Spinner: any
  export const Tab: any
  export const Tabs: any
  export const Tag: any
  export const Toggle: any
  export const Textarea: any
}

declare module 'vtex.render-runtime' {
  export interface Runtime {
    navigate: (options: { to: string }) => void
    /** changes the page's query string without navigating (render-runtime) */
    setQuery?: (
      query: Record<string, string | undefined>,
      options?: { replace?: boolean; merge?: boolean }
    ) => void
    route: { params: Record<string, string>; path?: string }
    /** the page's query string, new on every navigation (the page stays mounted) */
    query?: Record<string, string>
    culture: { locale: string }
  }
  export function useRuntime(): Runtime
}

declare module '*.gql' {
  import type { DocumentNode } from 'graphql'
  const value: DocumentNode
  export default value
}

declare module '*.css' {
  // CSS modules (the react builder scopes class names; tests map them to identity-obj-proxy)
  const classes: Record<string, string>
  export default classes
}
