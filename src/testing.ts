// `bulwark/testing`: fault injection for users' own tests and stories.
export {
  createFaultyFetch,
  type FaultyFetch,
  type FaultyFetchOptions,
  type FetchFault,
} from './testing/faulty-fetch';
export { failTimes } from './testing/fail-times';
