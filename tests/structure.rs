//! The shape of the code, checked so it stays: no two modules import each other, the
//! two front ends never import one another, the layers below them never reach up, and
//! no source file grows past about 500 lines.
//!
//! A module here is a file under `src/` (`a/b.rs` and `a/b/mod.rs` are `a::b`). A
//! reference is any `crate::…`, `super::…` or `self::…` path in it, resolved to the
//! deepest module it names; a module's own parents and children do not count, as
//! Rust's layout of a module beside its submodules needs them.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const LONGEST_FILE: usize = 500;

/// Everything the front ends stand on: none of it may use them.
const BELOW_FRONT_ENDS: &[&str] = &[
    "config", "content", "domain", "store", "keys", "session", "host", "text",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/tui/app/mod.rs` → `tui::app`; `src/lib.rs` → the crate itself ("").
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("under src/");
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts.join("::")
}

/// The text without comments and without the unit tests at the end of a file.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .map(|l| match l.find("//") {
            Some(at) => &l[..at],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Paths as written: `crate::a::b`, `super::x`, and each item of `use crate::a::{b, c}`.
fn paths_in(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    let mut i = 0;
    while i < bytes.len() {
        let starts = ["crate::", "super::", "self::"]
            .iter()
            .find(|p| code_at(&bytes, i, p) && (i == 0 || !word(bytes[i - 1])));
        let Some(_) = starts else {
            i += 1;
            continue;
        };
        let mut j = i;
        while j < bytes.len() && word(bytes[j]) {
            j += 1;
        }
        let head: String = bytes[i..j].iter().collect();
        let head = head.trim_end_matches(':').to_string();
        if code_at(&bytes, j, "{") && head.len() < j - i {
            // A group: each item is a path of its own.
            let end = (j..bytes.len()).find(|&k| bytes[k] == '}').unwrap_or(j);
            let group: String = bytes[j + 1..end].iter().collect();
            for item in group.split(',') {
                let item = item.trim();
                let first = item.split("::").next().unwrap_or("").trim();
                if !first.is_empty() && first != "self" {
                    paths.push(format!("{head}::{first}"));
                }
            }
            paths.push(head);
            i = end;
        } else {
            paths.push(head);
            i = j;
        }
    }
    paths
}

fn code_at(text: &[char], at: usize, pattern: &str) -> bool {
    pattern
        .chars()
        .enumerate()
        .all(|(k, c)| text.get(at + k) == Some(&c))
}

/// The deepest known module a path names, from the module it is written in.
fn resolve(modules: &BTreeSet<String>, from: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = path.split("::").collect();
    let mut base: Vec<&str> = if from.is_empty() {
        Vec::new()
    } else {
        from.split("::").collect()
    };
    match parts.first() {
        Some(&"crate") => {
            base.clear();
            parts.remove(0);
        }
        Some(&"super") | Some(&"self") => {
            while let Some(&first) = parts.first() {
                match first {
                    "super" => {
                        base.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                parts.remove(0);
            }
        }
        _ => return None,
    }
    base.extend(parts);
    (1..=base.len())
        .rev()
        .map(|n| base[..n].join("::"))
        .find(|m| modules.contains(m))
}

fn related(a: &str, b: &str) -> bool {
    a == b || a.starts_with(&format!("{b}::")) || b.starts_with(&format!("{a}::"))
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap_or(module)
}

/// Each module, with the modules it refers to.
fn references() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let texts: BTreeMap<String, String> = files
        .iter()
        .map(|f| {
            let text = fs::read_to_string(f).expect("a source file");
            (module_of(&src, f), code_of(&text))
        })
        .collect();
    let modules: BTreeSet<String> = texts.keys().cloned().collect();
    texts
        .iter()
        .map(|(module, code)| {
            let refs = paths_in(code)
                .iter()
                .filter_map(|p| resolve(&modules, module, p))
                .filter(|r| !related(module, r))
                .collect();
            (module.clone(), refs)
        })
        .collect()
}

#[test]
fn no_two_modules_import_each_other() {
    let refs = references();
    let mut circles = Vec::new();
    for (a, to) in &refs {
        for b in to {
            if a < b && refs.get(b).is_some_and(|back| back.contains(a)) {
                circles.push(format!("{a} <-> {b}"));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

#[test]
fn no_two_layers_import_each_other() {
    let mut layers: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in references() {
        for r in to {
            if top(&from) != top(&r) && !from.is_empty() && !r.is_empty() {
                layers
                    .entry(top(&from).to_string())
                    .or_default()
                    .insert(top(&r).to_string());
            }
        }
    }
    let mut circles = Vec::new();
    for (a, to) in &layers {
        for b in to {
            if a < b && layers.get(b).is_some_and(|back| back.contains(a)) {
                circles.push(format!("{a} <-> {b}"));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "layers importing each other:\n{}",
        circles.join("\n")
    );
}

#[test]
fn the_front_ends_never_import_each_other_and_nothing_below_them_reaches_up() {
    let mut wrong = Vec::new();
    for (from, to) in references() {
        for r in &to {
            let (a, b) = (top(&from), top(r));
            let fronts = (a == "cli" && b == "tui") || (a == "tui" && b == "cli");
            let up = BELOW_FRONT_ENDS.contains(&a) && matches!(b, "cli" | "tui");
            if fronts || up {
                wrong.push(format!("{from} -> {r}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_source_file_is_two_things() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = fs::read_to_string(f)
                .expect("a source file")
                .lines()
                .count();
            (lines > LONGEST_FILE).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "split along a seam:\n{}", long.join("\n"));
}

/// The checks themselves find what they look for.
#[test]
fn the_checks_see_a_circle_and_a_group_import() {
    let modules: BTreeSet<String> = ["tui", "tui::app", "tui::screens", "tui::screens::today"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let paths = paths_in("use crate::tui::{app::App, screens};\nlet x = super::super::app::Out;");
    let resolved: BTreeSet<String> = paths
        .iter()
        .filter_map(|p| resolve(&modules, "tui::screens::today", p))
        .collect();
    assert!(resolved.contains("tui::app"), "{resolved:?}");
    assert!(resolved.contains("tui::screens"), "{resolved:?}");
    assert!(!related("tui::screens::today", "tui::app"));
    assert!(related("tui::screens::today", "tui::screens"));
}
