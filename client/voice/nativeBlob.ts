// Stands in for the `blob-polyfill` package soundswallower imports: every browser we support has Blob, and the
// polyfill reads `document` on load, which a worker does not have.
export const Blob = globalThis.Blob;
