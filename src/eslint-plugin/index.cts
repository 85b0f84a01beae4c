/**
 * The plugin for CommonJS configs (`eslint.config.cjs`): `require('hplint/eslint-plugin')` gives the
 * plugin itself, not an ES module namespace. Node (≥ 20.19) loads the ES module below synchronously, so
 * ESM and CommonJS configs share one plugin instance.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this is the CommonJS entry: require is its point
import esm = require('./index.js');

export = esm.default;
