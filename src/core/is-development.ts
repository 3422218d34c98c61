/**
 * Whether the app runs a development build, for warnings about its own mistakes. Bundlers replace
 * `process.env.NODE_ENV` with a literal; where nothing did (a bare browser), `process` is missing: not
 * development.
 */
export const isDevelopment = (): boolean => {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
};
