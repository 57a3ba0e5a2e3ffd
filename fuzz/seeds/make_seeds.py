#!/usr/bin/env python3
"""Writes the hand-written seed inputs (run from fuzz/: python3 seeds/make_seeds.py).

Grammar seeds are byte strings read by the targets' decoders; each op is commented with the
call it decodes to (print any input's program with BOAVM_FUZZ_PRINT=1).
"""
import os

def write(target, name, data):
    os.makedirs(f"seeds/{target}", exist_ok=True)
    with open(f"seeds/{target}/{name}", "wb") as f:
        f.write(bytes(data) if isinstance(data, list) else data)

# ---- vm_api ------------------------------------------------------------------------------
# raw mode ('!' + JavaScript run in a new context with a 20 ms timeout, as a function, a module)
write("vm_api", "raw_loop", b"!var o = {}; for (var i = 0; ; i++) o[i % 7] = i;")
write("vm_api", "raw_recursion", b"!(function f() { return f() + 1 })()")
write("vm_api", "raw_module", b"!import { a } from 'x'; export const b = a; await 0;")
write("vm_api", "raw_proxy_global", b"!Object.setPrototypeOf(globalThis, new Proxy({}, { get() { throw 1 } })); x")
write("vm_api", "contexts_and_timeouts", [
    0, 4, 2,            # ctxs.push(vm.createContext(<proxy calling vm>, { microtaskMode: 'afterEvaluate' }))
    1, 0, 0, 0, 1,      # vm.runInContext('for (;;) {}', ctxs[1], { timeout: 5 })
    2, 5, 2, 6, 4,      # vm.runInNewContext('(function f() { return f() + 1 })()', <proxy sandbox>, {})
    3, 1, 2, 4,         # vm.runInThisContext("throw new Error('e')", { timeout: 1, displayErrors: false })
    0, 7, 3,            # vm.createContext(DONT_CONTEXTIFY, { codeGeneration: { strings: false } })
    1, 1, 2, 10, 2,     # vm.runInContext("eval('1 + 1')", ctxs[2], { timeout: 1 }): EvalError
])
write("vm_api", "modules_link_evaluate", [
    10, 1, 1, 0, 1, 0, 0,   # mods.push(new SourceTextModule("import { a } from 'x'; ..."))
    10, 1, 0, 0, 1, 0, 0,   # mods.push(new SourceTextModule('export const a = 1;'))
    13, 0, 0, 0,            # await mods[0].link((s, r) => mods[(s.length + 0) % mods.length])
    15, 0, 0,               # await mods[0].evaluate()
    16, 0,                  # read status, error, namespace... of mods[0]
    10, 0, 0, 1, 0, 0, 0,   # a module whose body is 'for (;;) {}' (linked below, evaluated with a timeout)
    14, 2, 2, 0, 2,         # async linker
    15, 1, 2,               # evaluate({ timeout: 5 })
])
write("vm_api", "synthetic_functions_scripts", [
    12, 0, 0, 1, 0,         # mods.push(new SyntheticModule(['a', 'default'], setExport('a', 1), { context }))
    17, 0, 0, 0,            # mods[0].setExport('a', 1)
    8, 2, 10, 1, 0, 1, 1, 1,  # fns.push(vm.compileFunction("eval('1 + 1')", ['a', 'b'], {...}))
    9, 0, 0, 7,             # fns[0](1, 7)
    4, 1, 2, 0, 1, 1,       # scripts.push(new vm.Script('1 + 1', { produceCachedData... }))
    7, 0,                   # new vm.Script(same source, { cachedData })
    5, 0, 0, 0,             # scripts[0].runInContext(ctxs[0], { timeout: 5 })
    20, 0, 0,               # mods.splice(0, 1)
])

# ---- cached_data -------------------------------------------------------------------------
# byte 0: source index, byte 1: mode (0 raw, 1 forged payload, 2 flipped bytes, 3 fuzzed header)
write("cached_data", "raw_magic_only", [0, 0] + list(b"BOAVMCD\0\x01\x00"))
write("cached_data", "forged_payload_syntax_error", [3, 1, 0] + list(b"a\0b"))
write("cached_data", "forged_payload_bad_utf8", [1, 1, 0, 0xff, 0xfe, 0])
write("cached_data", "forged_function_cache", [2, 1, 1] + list(b"payload"))
write("cached_data", "forged_module_cache", [10, 1, 2])
write("cached_data", "flipped_checksum", [7, 2, 0xff, 0x01])
write("cached_data", "flipped_length", [1, 2, 60, 0x80])
write("cached_data", "other_options", [0, 3, 0, 7, 0] + list(b"x"))
write("cached_data", "shadowing_names", [12, 1, 0] + list(b"vm\0globalThis\0undefined"))

# ---- module_sequences --------------------------------------------------------------------
create = lambda src: [0, 0, 1, src, 0, 0]   # source text module SOURCES[src] in the main context
write("module_sequences", "link_evaluate", create(1) + create(0) + [
    5, 0, 2, 2, 2, 2, 2, 2, 2, 2,   # link mods[0]: every request → pool[(0 + 2) % 2] = mods[0]... (cycle)
    9, 0, 1,                        # evaluate mods[0] (no timeout)
    11, 0,                          # namespace
    19,                             # run promise jobs
])
write("module_sequences", "failing_linker_then_relink", create(4) + create(0) + [
    5, 0, 0, 0, 0, 0, 0, 0, 0, 0,   # the linker refuses: back to unlinked
    5, 0, 3, 3, 3, 3, 3, 3, 3, 3,   # link again
    10, 0, 1, 19,
])
write("module_sequences", "synthetic_other_context", [
    4, 1,                            # another context
    3, 1, 2, 1,                      # synthetic ['s', 'default', 'then'] there
    12, 0, 0,                        # setExport('s', 1)
    0, 1, 1, 11, 0, 0,               # "import { s } from 's'" in that context
    7, 1, 3, 2, 2, 2, 2, 2, 2, 2,    # async linker
    9, 1, 1, 19, 17, 1,
])
write("module_sequences", "drop_and_collect", create(3) + create(0) + [
    8, 0,                            # step-by-step link of mods[0] (no requests)
    9, 0, 1, 14, 0, 16, 0, 19, 9, 0, 1,
])
write("module_sequences", "timeout_loop", [0, 0, 0, 0, 0, 0] + [5, 0, 2, 2, 2, 2, 2, 2, 2, 2, 9, 0, 3])
