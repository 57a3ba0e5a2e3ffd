// boavm FILE.mjs: an ES module entry with builtins, CommonJS interop, top-level await, import().
import assert from 'node:assert';
import { createContext, runInContext } from 'node:vm';
const ctx = createContext({ n: 20 });
console.log(runInContext('n + 22', ctx), typeof assert.deepStrictEqual);
console.log(await Promise.resolve('tla ok'), typeof import.meta.url);
const self = await import('node:vm');
console.log(typeof self.Script, typeof self.default.Script);
