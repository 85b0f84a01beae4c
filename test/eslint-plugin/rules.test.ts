/**
 * RuleTester cases for every rule the plugin exposes, one module per rule family under ./rules/. They run
 * from this one file so the parser and the plugin load once.
 */
import './rules/learning-rate-range.js';
import './rules/invalid-value.js';
import './rules/batch-size.js';
import './rules/layers.js';
import './rules/optimizer.js';
import './rules/losses.js';
import './rules/process.js';
