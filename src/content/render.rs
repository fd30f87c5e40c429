//! Plain-text rendering of one content item for `lantern content show`. It reads the
//! item's own TOML, so every field prints in the order its file gives, whatever its kind.

use toml::{Table, Value};

use super::Found;

/// Fields that are for the app, not for reading.
const NOT_FOR_READING: &[&str] = &[
    "kind",
    "number",
    "related",
    "needs",
    "settings",
    "formality",
    "rhythm",
    "form",
    "tags",
    "pleasantness",
    "energy",
    "priority",
    "when",
    "offer",
    "strain",
    "offer_help",
    "paced",
    "category",
    "answers",
    "signpost",
];

/// The item as a person reads it in the app: no ids, no fields meant for the code.
pub fn plain(found: &Found<'_>) -> Option<String> {
    render(found, true)
}

pub fn item(found: &Found<'_>) -> Option<String> {
    render(found, false)
}

fn render(found: &Found<'_>, plain: bool) -> Option<String> {
    let text: &str = &found.source.text;
    let chunk = super::parse::chunk_at(text, found.offset);
    let mut doc: Table = toml::from_str(chunk).ok()?;
    let table = match doc.remove(found.kind.name())? {
        Value::Array(mut items) if !items.is_empty() => match items.remove(0) {
            Value::Table(t) => t,
            _ => return None,
        },
        _ => return None,
    };
    let mut out = String::new();
    // An item with no name (a sign) is headed by its category, its text below.
    let category = table.get("category").and_then(Value::as_str).map(label);
    let name = table
        .get("name")
        .and_then(Value::as_str)
        .map(str::to_string)
        .or(category)
        .unwrap_or_else(|| found.id.to_string());
    out.push_str(&format!("{name}\n"));
    if !plain {
        out.push_str(&format!("{}:{}\n", found.kind.name(), found.id));
    }
    for (key, value) in &table {
        if matches!(key.as_str(), "id" | "name" | "source")
            || (plain && NOT_FOR_READING.contains(&key.as_str()))
        {
            continue;
        }
        field(&mut out, key, value, plain);
    }
    if let Some(source) = table.get("source").and_then(Value::as_str) {
        out.push_str(&format!("\nSource: {source}\n"));
    }
    Some(out)
}

/// A table with a name and a list under it, like `[[tool.sections]]`.
fn is_section(value: &Value) -> bool {
    value.as_table().is_some_and(|t| {
        t.get("name").is_some_and(Value::is_str) && t.values().any(Value::is_array)
    })
}

fn section(out: &mut String, table: &Table) {
    let name = table.get("name").and_then(Value::as_str).unwrap_or("");
    out.push_str(&format!("\n{}:\n", name.trim().trim_end_matches(':')));
    for (_, value) in table.iter().filter(|(k, _)| k.as_str() != "name") {
        if let Value::Array(lines) = value {
            for line in lines {
                let text = scalar(line).unwrap_or_else(|| line.to_string());
                out.push_str(&format!("  - {text}\n"));
            }
        }
    }
}

fn label(key: &str) -> String {
    let spaced = key.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => spaced,
    }
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Integer(i) => Some(i.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Boolean(b) => Some(if *b { "yes" } else { "no" }.to_string()),
        _ => None,
    }
}

fn inline(table: &Table) -> String {
    table
        .iter()
        .map(|(k, v)| match scalar(v) {
            Some(s) => format!("{}: {s}", k.replace('_', " ")),
            None => format!("{}: {}", k.replace('_', " "), v),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn field(out: &mut String, key: &str, value: &Value, plain: bool) {
    match value {
        Value::String(s) if key == "summary" || key == "text" => {
            out.push_str(&format!("\n{}\n", s.trim()))
        }
        // Sections of questions (a leader's tool): each its own heading and list.
        Value::Array(items) if plain && items.iter().all(is_section) && !items.is_empty() => {
            for item in items {
                if let Value::Table(t) = item {
                    section(out, t);
                }
            }
        }
        Value::Array(items) if items.is_empty() => {}
        Value::Array(items) => {
            out.push_str(&format!("\n{}:\n", label(key)));
            for (n, item) in items.iter().enumerate() {
                match item {
                    Value::Table(t) => {
                        let main = ["text", "name"]
                            .iter()
                            .find_map(|k| t.get(*k).and_then(Value::as_str));
                        let rest: Table = t
                            .iter()
                            .filter(|(k, _)| !matches!(k.as_str(), "text" | "name" | "id"))
                            .map(|(k, v)| (k.clone(), v.clone()))
                            .collect();
                        let mut line = format!("  {}. {}", n + 1, main.unwrap_or(""));
                        if !rest.is_empty() && !plain {
                            line.push_str(&format!(" ({})", inline(&rest)));
                        }
                        out.push_str(&line);
                        out.push('\n');
                    }
                    // Steps are done in order, so they are numbered.
                    other if key == "steps" => {
                        let text = scalar(other).unwrap_or_else(|| other.to_string());
                        out.push_str(&format!("  {}. {text}\n", n + 1));
                    }
                    other => {
                        let text = scalar(other).unwrap_or_else(|| other.to_string());
                        out.push_str(&format!("  - {text}\n"));
                    }
                }
            }
        }
        Value::Table(t) => out.push_str(&format!("\n{}: {}\n", label(key), inline(t))),
        other => {
            let text = scalar(other).unwrap_or_default();
            if text.len() > 60 || text.contains('\n') {
                out.push_str(&format!("\n{}:\n  {}\n", label(key), text.trim()));
            } else {
                out.push_str(&format!("{}: {text}\n", label(key)));
            }
        }
    }
}
