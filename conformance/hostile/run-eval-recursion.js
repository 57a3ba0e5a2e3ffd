const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('eval recursion', () => { function f() { return eval('f()'); } return f(); });
