//! Intl's default locale and time zone follow the environment as in node: `LC_ALL` /
//! `LC_MESSAGES` / `LANG` (not `LANGUAGE`; `C`/`POSIX` → `en-US`) and `TZ`. The expected lines
//! are node 20's output for the same script and environment (checked again against `node` when
//! it is installed). Resolved locales are compared by language: Boa 0.22 resolves `de-DE` to
//! `de` (README, Intl). Without the `intl` feature there is no `Intl` to test.
#![cfg(feature = "intl")]
use std::process::Command;

const SCRIPT: &str = r#"
const o = Intl.DateTimeFormat().resolvedOptions();
const d = new Date(Date.UTC(2024, 6, 1, 12));
const lang = (l) => l.split('-')[0];
console.log([lang(o.locale), lang(new Intl.NumberFormat().resolvedOptions().locale),
  lang(new Intl.Collator().resolvedOptions().locale), o.timeZone, (1234.5).toLocaleString(),
  new Date(0).getTimezoneOffset(), d.getTimezoneOffset(), d.getHours(),
  d.toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'medium' }), new Date(0).toLocaleTimeString('de-DE'),
  new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' }).format(new Date(0)),
  new Date(0).toLocaleDateString('en-GB', { timeZone: 'Asia/Tokyo' }),
  require('vm').runInNewContext('new Intl.DateTimeFormat().resolvedOptions().timeZone + " " + new Intl.NumberFormat().format(1e6)'),
  typeof process.env.LANGUAGE].join(' | '));
"#;

const CASES: &[(&[(&str, &str)], &str)] = &[
    (
        &[("LANG", "de_DE.UTF-8"), ("TZ", "Europe/Berlin")],
        "de | de | de | Europe/Berlin | 1.234,5 | -60 | -120 | 14 | 01.07.2024, 14:00:00 | 01:00:00 | 01:00 | 01/01/1970 | Europe/Berlin 1.000.000 | undefined",
    ),
    (
        &[("LANG", "C"), ("TZ", "UTC")],
        "en | en | en | UTC | 1,234.5 | 0 | 0 | 12 | 01.07.2024, 12:00:00 | 00:00:00 | 00:00 | 01/01/1970 | UTC 1,000,000 | undefined",
    ),
    (
        &[("LANG", "C.UTF-8"), ("TZ", "UTC")],
        "en | en | en | UTC | 1,234.5 | 0 | 0 | 12 | 01.07.2024, 12:00:00 | 00:00:00 | 00:00 | 01/01/1970 | UTC 1,000,000 | undefined",
    ),
    (
        &[("LANGUAGE", "es"), ("LANG", "it_IT.UTF-8"), ("TZ", "Asia/Tokyo")],
        "it | it | it | Asia/Tokyo | 1234,5 | -540 | -540 | 21 | 01.07.2024, 21:00:00 | 09:00:00 | 09:00 | 01/01/1970 | Asia/Tokyo 1.000.000 | string",
    ),
    (
        &[("LC_ALL", "pt_BR.UTF-8"), ("LANG", "de_DE.UTF-8"), ("TZ", "America/New_York")],
        "pt | pt | pt | America/New_York | 1.234,5 | 300 | 240 | 8 | 01.07.2024, 08:00:00 | 19:00:00 | 19:00 | 01/01/1970 | America/New_York 1.000.000 | undefined",
    ),
];

fn run(program: &str, env: &[(&str, &str)]) -> Option<String> {
    let mut cmd = Command::new(program);
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .args(["-e", SCRIPT]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().ok()?;
    assert!(
        out.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).trim_end().to_owned())
}

#[test]
fn default_locale_and_time_zone_follow_the_environment() {
    for (env, expected) in CASES {
        if let Some(node) = run("node", env) {
            assert_eq!(
                &node, expected,
                "node disagrees with the recorded line for {env:?}"
            );
        }
        let boavm = run(env!("CARGO_BIN_EXE_boavm"), env).expect("boavm runs");
        assert_eq!(&boavm, expected, "boavm for {env:?}");
    }
}
