// The realm's Proxy and prototype setters (replaced by boavm to refuse cycles through proxies)
// keep node's behaviour everywhere else.
const vm = require('node:vm');
const src = `
const out = [];
const t = (f) => { try { out.push(String(f())); } catch (e) { out.push(e.constructor.name + ': ' + e.message); } };
const a = {}, b = Object.create(a);
t(() => Object.setPrototypeOf(a, b));
t(() => { a.__proto__ = b; });
t(() => Reflect.setPrototypeOf(a, b));
t(() => Reflect.setPrototypeOf(a, null));
t(() => Object.getPrototypeOf(Object.setPrototypeOf({}, new Proxy({}, {}))) !== null);
t(() => { const o = {}; o.__proto__ = new Proxy(Array.prototype, {}); return typeof o.push; });
t(() => Proxy({}, {}));
t(() => new Proxy(1, {}));
t(() => new Proxy({}, null));
t(() => Proxy.revocable({}, 1));
t(() => { const r = Proxy.revocable({ x: 1 }, {}); const v = r.proxy.x; r.revoke(); return v + ' ' + typeof r.revoke; });
t(() => [Proxy.name, Proxy.length, Proxy.prototype, Object.getOwnPropertyNames(Proxy).sort().join()].join());
t(() => [Proxy.revocable.name, Proxy.revocable.length].join());
t(() => [Object.setPrototypeOf.name, Object.setPrototypeOf.length, Reflect.setPrototypeOf.length].join());
t(() => { const d = Object.getOwnPropertyDescriptor(Object.prototype, '__proto__'); return [typeof d.get, typeof d.set, d.set.name, d.set.length, d.enumerable, d.configurable].join(); });
t(() => { const log = []; const p = new Proxy(function f() {}, { get(tg, k) { log.push(String(k)); return Reflect.get(tg, k); }, apply() { return 7; } }); return p.name + ' ' + p() + ' ' + log.join('/'); });
t(() => { class B {} const P = new Proxy(B, {}); return new P() instanceof B; });
t(() => { const q = new Proxy({}, {}); let n = 0; for (let i = 0; i < 200000; i++) if (Object.getPrototypeOf(q) === Object.prototype) n++; return n; });
t(() => { const o = Object.create(null); o.__proto__ = 5; return Object.getPrototypeOf(o); });
t(() => Object.setPrototypeOf(1, null));
t(() => Object.setPrototypeOf(undefined, null));
t(() => Object.setPrototypeOf({}, 1));
out.join('\\n');
`;
console.log(vm.runInNewContext(src));
console.log('--- main');
console.log(eval(src));
