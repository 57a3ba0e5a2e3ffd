require('./support.js')('"a".repeat(2 ** 28)');
