const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
function nest(n) { let a = []; for (let i = 0; i < n; i++) a = [a]; return a; }
survives('String() 10k', () => String(nest(10000)));
