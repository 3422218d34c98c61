// The app's own pieces that the README's examples assume (its API client, its components, its
// router), declared here so each example compiles as the module a user would paste. Everything from
// bulwark is imported by the examples themselves, from the built package's public types.
// A script, not a module (no top-level import), so these are globals and `react-router` is ambient.

type Rendered = import('react').ReactNode;

interface Draft {
  id: string;
  text: string;
}
/** The app's API client: like real ones, its calls answer a promise of a value. */
declare const api: {
  save(draft: Draft, signal?: AbortSignal): Promise<Draft>;
  search(query: string, options: { signal: AbortSignal; attempt: number }): Promise<string[]>;
  signUp(form: FormData): Promise<{ id: string }>;
};
declare const queryClient: { resetQueries(): Promise<void> };
declare const refetchSales: () => void;
declare const query: string;
declare const body: string;
declare const key: string;
/** An instance made elsewhere in the app (`createResilience()`). */
declare const resilience: import('bulwark').Resilience;
declare function App(): Rendered;
declare function Dashboard(): Rendered;
declare function Header(props: { children?: import('react').ReactNode }): Rendered;
declare function Avatar(): Rendered;
declare function SalesChart(): Rendered;
declare function Notes(): Rendered;
declare function Inbox(): Rendered;

// React Router is not a dependency of bulwark: the three functions the example uses, as its types declare them.
declare module 'react-router' {
  export function useLocation(): { key: string; pathname: string };
  export function useRouteError(): unknown;
  export function Outlet(): import('react').JSX.Element | null;
}
