const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
function nest(n) { let a = []; for (let i = 0; i < n; i++) a = [a]; return a; }
survives('flat 30k', () => nest(30000).flat(Infinity));
