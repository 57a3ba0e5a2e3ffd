const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('recursion', () => { function f() { return f(); } return f(); });
