// A null-prototype object works as a sandbox.
const vm = require('node:vm');
const sb = Object.create(null);
sb.x = 2;
vm.createContext(sb);
console.log('isContext:', vm.isContext(sb));
console.log('x*3:', vm.runInContext('x * 3', sb));
vm.runInContext('var y = x + 1; z = "zed"; function f() { return 7 }', sb);
console.log('keys:', JSON.stringify(Object.keys(sb)));
console.log('y:', sb.y, 'z:', sb.z, 'f():', sb.f());
console.log('proto still null:', Object.getPrototypeOf(sb) === null);
console.log('inner toString typeof:', vm.runInContext('typeof toString', sb));
console.log('inner hasOwnProperty typeof:', vm.runInContext('typeof hasOwnProperty', sb));
console.log('inner Object typeof:', vm.runInContext('typeof Object', sb));
