const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('regex 10k alternatives', () => new vm.Script('/' + Array.from({ length: 10000 }, (_, i) => 'a' + i).join('|') + '/.test("a9999")').runInThisContext());
