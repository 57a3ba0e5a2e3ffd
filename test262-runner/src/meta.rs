//! The YAML frontmatter of a test262 file (`/*--- ... ---*/`), parsed line by line.
//!
//! Only the keys a runner needs are read: `includes`, `flags`, `features` (flow lists
//! `[a, b]` or block lists `- a`) and `negative` (`phase`, `type`). Everything else
//! (`description: >` blocks, `info: |` ...) is skipped.

#[derive(Debug, Clone, Default)]
pub struct Negative {
    pub phase: String,
    pub kind: String,
}

#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub includes: Vec<String>,
    pub flags: Vec<String>,
    pub features: Vec<String>,
    pub negative: Option<Negative>,
}

impl Meta {
    pub fn has_flag(&self, f: &str) -> bool {
        self.flags.iter().any(|x| x == f)
    }
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    let s = s.split(" #").next().unwrap_or(s).trim();
    s.trim_matches(|c| c == '\'' || c == '"').to_owned()
}

fn flow_list(s: &str) -> Vec<String> {
    let s = s.trim();
    let inner = s.strip_prefix('[').unwrap_or(s);
    let inner = inner.split(']').next().unwrap_or(inner);
    inner
        .split(',')
        .map(unquote)
        .filter(|x| !x.is_empty())
        .collect()
}

/// Parses the frontmatter of `source`; `None` when the file has none.
pub fn parse(source: &str) -> Option<Meta> {
    let start = source.find("/*---")? + 5;
    let end = start + source[start..].find("---*/")?;
    let yaml = &source[start..end];
    let mut meta = Meta::default();
    // The key whose block list / mapping we are inside.
    let mut current: Option<&str> = None;
    for raw in yaml.lines() {
        let line = raw.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with(' ') || line.starts_with('\t');
        if !indented {
            current = None;
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim();
            let value = value.trim();
            match key {
                "includes" | "flags" | "features" => {
                    let target = match key {
                        "includes" => &mut meta.includes,
                        "flags" => &mut meta.flags,
                        _ => &mut meta.features,
                    };
                    if value.starts_with('[') {
                        target.extend(flow_list(value));
                    } else if value.is_empty() {
                        current = Some(match key {
                            "includes" => "includes",
                            "flags" => "flags",
                            _ => "features",
                        });
                    }
                }
                "negative" => {
                    meta.negative = Some(Negative::default());
                    current = Some("negative");
                }
                _ => {}
            }
            continue;
        }
        let t = line.trim();
        match current {
            Some("negative") => {
                if let Some((k, v)) = t.split_once(':') {
                    let neg = meta.negative.as_mut().expect("set above");
                    match k.trim() {
                        "phase" => neg.phase = unquote(v),
                        "type" => neg.kind = unquote(v),
                        _ => {}
                    }
                }
            }
            Some(key) => {
                if let Some(item) = t.strip_prefix('-') {
                    let item = unquote(item);
                    match key {
                        "includes" => meta.includes.push(item),
                        "flags" => meta.flags.push(item),
                        _ => meta.features.push(item),
                    }
                }
            }
            None => {}
        }
    }
    Some(meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists_and_negative() {
        let src = "/*---\ndescription: >\n  x: y\nincludes: [a.js, 'b.js']\nflags:\n  - onlyStrict\n  - async\nnegative:\n  phase: parse\n  type: SyntaxError\nfeatures: [BigInt]\n---*/\n$DONOTEVALUATE();";
        let m = parse(src).unwrap();
        assert_eq!(m.includes, vec!["a.js", "b.js"]);
        assert_eq!(m.flags, vec!["onlyStrict", "async"]);
        assert_eq!(m.features, vec!["BigInt"]);
        let n = m.negative.unwrap();
        assert_eq!(
            (n.phase.as_str(), n.kind.as_str()),
            ("parse", "SyntaxError")
        );
    }
}
