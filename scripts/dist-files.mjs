// What the build's post-steps (csp.mjs, offline.mjs) need to know of trunk's output.

/**
 * Files named with a content hash: trunk's (`ruxue-web-<hash>.js`, `…_bg.wasm`, `main-<hash>.css`)
 * and split-wasm.mjs's pages' parts (`ruxue-part-…-<hash>.wasm`), their loader (`ruxue-parts-<hash>.js`)
 * and each page's parts in one file for a first visit (`ruxue-bundle-…-<hash>.bin`).
 */
export const HASHED = /-[0-9a-f]+(_bg)?\.(js|wasm|css|svg|bin)$/;

/**
 * A page's parts in one file (split-wasm.mjs's `writeBundles`), which only a visit without the
 * service worker fetches: the worker does not precache them, since it has the parts.
 */
export const BUNDLE = /^ruxue-bundle-[a-z0-9-]+-[0-9a-f]{10}\.bin$/;

/** The folder of the data files the prerender writes (`ruxue_core::bundle::DATA_FOLDER`). */
export const DATA_FOLDER = 'data';

/**
 * A data file, named by its content (`ruxue_core::bundle::file_name`): the manifest
 * (`corpus-<hash>.bin`), the places (`places-<hash>.bin`), the communities
 * (`communities-<hash>.bin`), the headings' readings (`readings-<hash>.bin`), the targets
 * (`targets-<hash>.bin`), the search aids (`aids-<hash>.bin`), English's UI strings
 * (`texts-en-<hash>.bin`, src/i18n.rs), a document's texts (`doc-<id>-<hash>.bin`), a run of its clause texts
 * for search results (`text-<id>-<k>-<hash>.bin`) or a search index shard (`index-<n>-<hash>.bin`).
 */
export const DATA_FILE = /^(corpus|places|communities|readings|targets|aids|texts-en|doc-[a-z0-9-]+|text-[a-z0-9-]+|index-[0-9]+)-[0-9a-f]{16}\.bin$/;
