const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('new x 100k', () => new vm.Script('new '.repeat(100000) + 'Object'));
