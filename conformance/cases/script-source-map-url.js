// script.sourceMapURL reflects a sourceMappingURL magic comment.
const vm = require('node:vm');
const withMap = new vm.Script('1 + 1\n//# sourceMappingURL=bundle.js.map');
console.log('with comment:', JSON.stringify(withMap.sourceMapURL));
console.log('without comment:', new vm.Script('1').sourceMapURL);
console.log('own key:', Object.keys(new vm.Script('1')).includes('sourceMapURL'));
console.log('old-style @ comment:', JSON.stringify(new vm.Script('0\n//@ sourceMappingURL=old.map').sourceMapURL));
console.log('data URL:', JSON.stringify(new vm.Script('0\n//# sourceMappingURL=data:application/json,{}').sourceMapURL));
console.log('still runs:', withMap.runInNewContext());
