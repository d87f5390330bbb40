// What the build's post-steps (csp.mjs, offline.mjs) need to know of trunk's output.

/** Files trunk names with a content hash (`ruxue-web-<hash>.js`, `…_bg.wasm`, `main-<hash>.css`). */
export const HASHED = /-[0-9a-f]+(_bg)?\.(js|wasm|css|svg)$/;
