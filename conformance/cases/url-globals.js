// The WHATWG URL and URLSearchParams globals of the main realm (Node's), not of vm contexts.
'use strict';
const vm = require('vm');

console.log(typeof URL, typeof URLSearchParams, vm.runInNewContext('typeof URL'));
const d = Object.getOwnPropertyDescriptor(globalThis, 'URL');
console.log(d.writable, d.enumerable, d.configurable);

const u = new URL('https://user:pw@Example.COM:8080/a/./b/../c?x=1&y=2#frag');
for (const k of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash']) {
  console.log(k, JSON.stringify(u[k]));
}
console.log(String(u), JSON.stringify({ u }), u.toJSON() === u.href);
console.log(u);
console.log(new URL('b/c', 'file:///a/').href, new URL('../x', 'http://h/p/q/r').href);
console.log(new URL('http://[::1]:80/').host, new URL('http://xn--nxasmq6b.com').hostname, new URL('http://ÄÖü.de').hostname);
console.log(new URL('blob:https://a.b/c').origin, new URL('data:text/plain,hi').origin, new URL('file:///x').origin);

// Setters: bad values are ignored, as the standard says; href throws.
const s = new URL('http://a.com/p');
s.protocol = 'https'; s.port = '99'; s.pathname = 'q r'; s.search = 'k=v w'; s.hash = 'h';
s.username = 'me'; s.password = 'p@ss'; s.hostname = 'b.org';
console.log(s.href);
s.port = 'nope'; s.protocol = '1bad'; s.port = '443';
console.log(s.href);
try { s.href = 'not a url'; } catch (e) { console.log(e.name, e.code, e.message, e.input); }

for (const [input, base] of [['x'], ['x', 'y'], ['//a', 'http://b'], ['http://a b']]) {
  try {
    new URL(input, base);
    console.log('ok', input);
  } catch (e) {
    console.log(e.name, e.code, e.message, Object.keys(e).join(','), e.input, e.base);
  }
}
console.log(URL.canParse('x'), URL.canParse('x', 'http://a'), URL.canParse('http://a'));
console.log(Object.getOwnPropertyNames(URL.prototype).join(','));
console.log(Object.prototype.toString.call(u), Object.prototype.toString.call(u.searchParams));
try { Object.getOwnPropertyDescriptor(URL.prototype, 'href').get.call({}); } catch (e) { console.log(e.message); }

// URLSearchParams, alone and linked to a URL.
const p = new URLSearchParams('?a=1&b=2&a=3&c=%20x+y&d');
console.log(p.get('a'), p.getAll('a'), p.get('c'), p.get('d'), p.get('zz'), p.has('b'), p.has('a', '3'), p.has('a', '9'), p.size);
p.append('e', 'é & ='); p.set('a', 'one'); p.delete('b'); p.delete('zz');
console.log(p.toString(), [...p.keys()].join(), [...p.values()].join('|'));
p.sort();
console.log(String(p));
console.log(p);
console.log(String(new URLSearchParams({ x: '1', y: ['2', '3'] })), String(new URLSearchParams([['k', 'v'], ['k', 'w']])), String(new URLSearchParams(new Map([['m', 'n']]))));
console.log(String(new URLSearchParams(null)), String(new URLSearchParams(undefined)), String(new URLSearchParams(7)));
for (const bad of [[[1]], [[1, 2, 3]], [5]]) {
  try { new URLSearchParams(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
try { new URLSearchParams({ [Symbol.iterator]: 5 }); } catch (e) { console.log(e.name, e.code, e.message); }
try { p.append('a'); } catch (e) { console.log(e.code, e.message); }
try { p.get(); } catch (e) { console.log(e.code, e.message); }
try { URLSearchParams.prototype.get.call({}, 'a'); } catch (e) { console.log(e.code, e.message); }
const seen = [];
p.forEach(function (v, k, obj) { seen.push(`${k}=${v}`); if (obj !== p || this !== seen) seen.push('bad'); }, seen);
console.log(seen.join(' '));

const linked = new URL('http://h/?q=1');
const sp = linked.searchParams;
console.log(sp === linked.searchParams);
sp.append('r', 'a b');
console.log(linked.href);
linked.search = '?z=9';
console.log([...sp].join(';'));
sp.delete('z');
console.log(linked.href, JSON.stringify(linked.search));
linked.href = 'http://other/?w=0';
console.log(sp.get('w'));
