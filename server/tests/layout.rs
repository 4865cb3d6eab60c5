//! The server's modules form layers, not circles: no top-level module (`auth`, `http`,
//! `messages`, `startup`, ..., and each `services::<area>`) reaches, through its `use`s and
//! paths, a module that reaches back to it. A circle means two modules that can only be read,
//! changed and tested together; this test names it.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a step that fails fails the test")]
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// `services/ministry/suppliers.rs` → `["services", "ministry", "suppliers"]`.
fn module_of(root: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(root).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The unit a circle is counted between: `services::<area>`, or the first segment elsewhere.
fn unit(path: &[String]) -> String {
    match path {
        [first, second, ..] if first == "services" => format!("services::{second}"),
        [first, ..] => first.clone(),
        [] => String::new(),
    }
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module paths a source names with `crate::` or `super::`, outside its test module.
fn references(module: &[String], source: &str) -> Vec<Vec<String>> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = Vec::new();
    for (prefix, base) in [("crate::", Vec::new()), ("super::", module[..module.len().saturating_sub(1)].to_vec())] {
        for (at, _) in code.match_indices(prefix) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &code[at + prefix.len()..];
            let path: Vec<String> = rest
                .split("::")
                .map(|seg| seg.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>())
                .take_while(|seg| !seg.is_empty())
                .collect();
            let mut full = base.clone();
            full.extend(path);
            out.push(full);
        }
    }
    out
}

#[test]
fn no_module_reaches_back_to_a_module_it_depends_on() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&root, &mut all);
    let modules: BTreeMap<Vec<String>, String> = all
        .iter()
        .map(|f| (module_of(&root, f), std::fs::read_to_string(f).unwrap()))
        .filter(|(m, _)| !m.is_empty() && m != &["lib".to_owned()] && m != &["main".to_owned()])
        .collect();
    assert!(modules.len() > 50, "{} modules read", modules.len());
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, source) in &modules {
        for reference in references(module, source) {
            // The longest module the path starts with.
            let Some(target) = (1..=reference.len()).rev().map(|n| &reference[..n]).find(|p| modules.contains_key(*p))
            else {
                continue;
            };
            let (from, to) = (unit(module), unit(target));
            // `services` declares its areas and lends them helpers: parent and child, not a circle.
            let parent_and_child = (from == "services" && to.starts_with("services::"))
                || (to == "services" && from.starts_with("services::"));
            if from != to && !parent_and_child {
                edges.entry(from).or_default().insert(to);
            }
        }
    }
    assert!(edges.get("startup").is_some_and(|e| e.contains("http")), "the walk sees startup use http: {edges:?}");
    // A circle exists when a unit reaches itself.
    let mut circles = Vec::new();
    for start in edges.keys() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        while let Some((at, trail)) = stack.pop() {
            for next in edges.get(&at).into_iter().flatten() {
                if next == start {
                    circles.push(trail.join(" → ") + " → " + start);
                } else if seen.insert(next.clone()) {
                    let mut t = trail.clone();
                    t.push(next.clone());
                    stack.push((next.clone(), t));
                }
            }
        }
    }
    assert!(circles.is_empty(), "modules that reach back to themselves:\n{}", circles.join("\n"));
}
