const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('getter recursion', () => { const o = { get x() { return this.x; } }; return o.x; });
