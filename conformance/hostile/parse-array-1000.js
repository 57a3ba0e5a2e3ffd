const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('array 1000', () => new vm.Script('['.repeat(1000) + ']'.repeat(1000)).runInThisContext().length);
