require('./support.js')('"".padEnd(2 ** 28, "ab")');
