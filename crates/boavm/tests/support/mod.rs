//! Running the `boavm` binary the way the hostile and memory suites need it: under a 4 GB
//! address-space limit, with a wall-clock timeout, collecting output, exit status and the
//! child's own peak resident set (`wait4`'s `ru_maxrss`).
#![allow(dead_code)]

use std::{
    io::Read,
    os::unix::process::{CommandExt, ExitStatusExt},
    path::Path,
    process::{Command, ExitStatus, Stdio},
    time::{Duration, Instant},
};

/// Address space each case may use (RLIMIT_AS): the isolate thread reserves 1 GB of stack.
pub const ADDRESS_SPACE: u64 = 4 << 30;

/// `boavm ARGS` in `cwd`, piped, limited to [`ADDRESS_SPACE`] and without core files.
pub fn boavm(args: &[&str], cwd: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_boavm"));
    cmd.args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: `setrlimit` is async-signal-safe and changes only the child's own limits.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: ADDRESS_SPACE as libc::rlim_t,
                rlim_max: ADDRESS_SPACE as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            // No core files from the abort case.
            let none = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            libc::setrlimit(libc::RLIMIT_CORE, &none);
            Ok(())
        });
    }
    cmd
}

/// How a run ended.
pub struct Outcome {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
    pub timed_out: bool,
    /// The child's peak resident set, in KiB.
    pub max_rss_kib: u64,
}

impl Outcome {
    /// Exit 0 or 1..: ended on its own, without a signal or the timeout.
    pub fn ended_normally(&self) -> bool {
        !self.timed_out && self.status.signal().is_none()
    }

    /// A one-line account for failure messages.
    pub fn describe(&self, timeout: Duration) -> String {
        let how = match (self.timed_out, self.status.code(), self.status.signal()) {
            (true, ..) => format!("timed out after {timeout:?}"),
            (_, Some(c), _) => format!("exit code {c}"),
            (_, _, Some(s)) => format!("killed by signal {s}"),
            _ => "ended".to_owned(),
        };
        let tail: String = self.stderr.chars().take(400).collect();
        format!("{how} after {:?}; stderr: {tail}", self.elapsed)
    }
}

/// Runs `cmd` to its end or `timeout` (then kills it), collecting its output and rusage.
pub fn run(mut cmd: Command, timeout: Duration) -> Outcome {
    let start = Instant::now();
    let mut child = cmd.spawn().expect("boavm starts");
    let pid = child.id() as libc::pid_t;
    let mut out = child.stdout.take().expect("piped");
    let mut err = child.stderr.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let mut timed_out = false;
    let mut raw = 0;
    // SAFETY: an all-zero `rusage` is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        let flags = if timed_out { 0 } else { libc::WNOHANG };
        // SAFETY: `pid` is our unreaped child (`Child` is never waited on, so std does not
        // reap it); `raw` and `usage` are valid for writes.
        let r = unsafe { libc::wait4(pid, &mut raw, flags, &mut usage) };
        if r == pid {
            break;
        }
        assert!(r == 0, "wait4 failed: {}", std::io::Error::last_os_error());
        if start.elapsed() > timeout {
            timed_out = true;
            let _ = child.kill();
            continue;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    drop(child);
    Outcome {
        status: ExitStatus::from_raw(raw),
        stdout: String::from_utf8_lossy(&reader.join().unwrap_or_default()).into_owned(),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned(),
        elapsed: start.elapsed(),
        timed_out,
        max_rss_kib: u64::try_from(usage.ru_maxrss).unwrap_or(0),
    }
}
