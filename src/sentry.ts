// `bulwark/sentry`: the Sentry reporter. The app injects its own `Sentry` namespace; nothing from
// @sentry/* is bundled here (see DESIGN.md).
export {};
