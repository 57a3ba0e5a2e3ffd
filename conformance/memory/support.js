'use strict';
// Runs one allocation pattern in a fresh context and reports how it stopped.
const vm = require('node:vm');

// Its own function: nothing of the stopped run stays reachable from the caller's scope.
function attempt(code, options) {
  try {
    vm.runInNewContext(code, options.sandbox || {}, options.run || {});
    return 'not at all';
  } catch (e) {
    return (e && e.code) || (e && e.name) || String(e);
  }
}

module.exports = function run(code, options = {}) {
  console.log('stopped:', attempt(code, options));
  if (typeof gc === 'function') gc();
  console.log('after:', vm.runInNewContext('6 * 7'));
};
