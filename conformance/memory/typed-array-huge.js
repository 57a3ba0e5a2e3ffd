require('./support.js')('new Float64Array(2 ** 27)');
