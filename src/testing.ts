// `bulwark/testing`: fault injection for users' own tests and stories.
export {};
