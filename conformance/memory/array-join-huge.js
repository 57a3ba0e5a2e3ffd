require('./support.js')('new Array(1e8).join("abc")');
