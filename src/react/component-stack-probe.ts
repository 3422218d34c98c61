/**
 * Whether React's production build is calling a component only to find its source line. To build the
 * component stack of every error a boundary catches, React 18.3 and 19 call each function component on the
 * error's path with no props (`describeNativeComponentFrame`) and read the stack of what it throws. A
 * component that throws then (destructuring `undefined`, a hook outside a render) makes React create and
 * format two stack traces, per such component, per caught error: `<ResilienceProvider>` above a boundary
 * made a click → fallback painted 1.15× slower in Chromium (5.5 → 6.3 ms; 0.96× once it answered `null`;
 * issue 11, ninth session). A component that returns instead costs one `Error` whose stack React never reads,
 * and the component stack still names it. React passes props on every real render, so a component that
 * returns early here calls the same hooks in the same order on every render.
 */
export const isComponentStackProbe = (props: object | null | undefined): boolean =>
  props === undefined || props === null;
