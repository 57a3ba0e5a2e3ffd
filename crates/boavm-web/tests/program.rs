//! The browser runtime, run natively: the same `Program` the wasm exports drive.
use boavm_web::{platform, Kind, Program, Step};

fn run(kind: Kind, source: &str) -> (i32, String, String) {
    platform::take_output();
    let mut program = Program::start(kind, source).expect("start");
    let code = loop {
        match program.turn() {
            Step::Wait(ms) => std::thread::sleep(std::time::Duration::from_secs_f64(ms / 1000.0)),
            Step::Done(code) => break code,
        }
    };
    let (mut out, mut err) = (String::new(), String::new());
    for (fd, text) in platform::take_output() {
        if fd == 1 {
            out.push_str(&text)
        } else {
            err.push_str(&text)
        }
    }
    (code, out, err)
}

#[test]
fn differential_case_prints_nodes_output() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../conformance/cases/");
    let src = std::fs::read_to_string(format!("{dir}inspect-context-values.js")).unwrap();
    let want = std::fs::read_to_string(format!("{dir}inspect-context-values.expected")).unwrap();
    assert_eq!(run(Kind::CommonJs, &src), (0, want, String::new()));
}

#[test]
fn timers_modules_timeout_and_exit() {
    let (code, out, _) = run(
        Kind::Module,
        "import vm from 'node:vm';\n\
         setTimeout(() => { console.log('timer'); process.exit(3); console.log('not reached') }, 5);\n\
         try { vm.runInNewContext('while(true){}', {}, { timeout: 50 }) } catch (e) { console.log(e.code) }\n\
         console.log(await Promise.resolve('tla'));",
    );
    assert_eq!(
        (code, out.as_str()),
        (3, "ERR_SCRIPT_EXECUTION_TIMEOUT\ntla\ntimer\n")
    );
}

#[test]
fn uncaught_error_prints_stack_and_exits_1() {
    let (code, out, err) = run(
        Kind::CommonJs,
        "function f() { throw new TypeError('bad') }\nf()",
    );
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.contains("TypeError: bad\n    at f (/playground/main.js:1:"),
        "{err}"
    );
    let (code, _, err) = run(Kind::CommonJs, "process.kill(process.pid, 'SIGINT')");
    assert_eq!(code, 1);
    assert!(err.contains("cannot raise SIGINT in a browser"), "{err}");
}
