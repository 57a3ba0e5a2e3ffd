const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('else if x 100k', () => new vm.Script('if (0);' + 'else if (0);'.repeat(100000)));
