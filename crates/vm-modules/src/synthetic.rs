//! Synthetic modules, built as a generated source module.
//!
//! Limit: Boa's synthetic module records accept `set_export` only from inside their
//! initializer, while Node lets `setExport` run any time after linking. A Node synthetic
//! module is therefore a small source module whose exports are `var` bindings (initialised to
//! `undefined` at link time, as Node's are) and which hands a setter for them to the host
//! through `import.meta` when it runs. The wrapper runs right after linking; the user's
//! evaluation callback runs when the module is evaluated.

/// A JS string literal for `s`.
fn literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The wrapper module's source for `names`.
pub(crate) fn wrapper_source(names: &[String]) -> String {
    let mut src = String::new();
    for i in 0..names.len() {
        src.push_str(&format!("var __boavm_export_{i};\n"));
    }
    if !names.is_empty() {
        let list: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, n)| format!("__boavm_export_{i} as {}", literal(n)))
            .collect();
        src.push_str(&format!("export {{ {} }};\n", list.join(", ")));
    }
    src.push_str("import.meta.register(function (i, v) { switch (i) {");
    for i in 0..names.len() {
        src.push_str(&format!(" case {i}: __boavm_export_{i} = v; break;"));
    }
    src.push_str(" } });\n");
    src
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapper_declares_and_exports_every_name() {
        let src = wrapper_source(&["a".into(), "default".into(), "we\"ird".into()]);
        assert!(src.contains("var __boavm_export_2;"));
        assert!(src.contains("__boavm_export_1 as \"default\""));
        assert!(src.contains("__boavm_export_2 as \"we\\\"ird\""));
        assert!(src.contains("case 2: __boavm_export_2 = v;"));
    }
}
