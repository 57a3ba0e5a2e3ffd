const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('array 100k', () => new vm.Script('['.repeat(100000) + ']'.repeat(100000)));
