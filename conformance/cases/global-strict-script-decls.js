// Strict-mode scripts: var/function declarations still land on the sandbox.
const vm = require('node:vm');
const sb = vm.createContext({});
vm.runInContext('"use strict"; var sv = 1; function sf() { return this }', sb);
console.log('keys:', JSON.stringify(Object.keys(sb)));
console.log('sb.sf() this is sandbox:', sb.sf() === sb, 'unbound call this:', vm.runInContext('sf()', sb));
console.log('strict this at top level is global:', vm.runInContext('"use strict"; this === globalThis', sb));
try {
  vm.runInContext('"use strict"; delete sv', sb);
} catch (e) {
  console.log('strict delete of identifier:', e.name);
}
console.log('direct eval var lands on sandbox:', (vm.runInContext('eval("var fromEval = 1")', sb), sb.fromEval));
console.log('indirect eval var lands on sandbox:', (vm.runInContext('(0, eval)("var fromIndirect = 2")', sb), sb.fromIndirect));
console.log('strict eval var does not:', (vm.runInContext('"use strict"; eval("var strictEvalVar = 3")', sb), 'strictEvalVar' in sb));
console.log('new Function sees globals:', vm.runInContext('new Function("return typeof sv")()', sb));
