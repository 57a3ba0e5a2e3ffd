require('./support.js')('var s = "a"; while (true) s += s;');
