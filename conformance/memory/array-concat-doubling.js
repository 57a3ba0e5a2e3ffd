require('./support.js')('let a = [1]; for (;;) a = a.concat(a);');
