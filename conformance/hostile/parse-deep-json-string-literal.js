const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('deep JSON in a string literal', () => new vm.Script("'" + '['.repeat(100000) + "'.length").runInThisContext());
