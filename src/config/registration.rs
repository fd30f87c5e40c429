//! The two registration settings: which body a person is registered with, and the
//! day their registration is next renewed. Each is read alone, so a slip in one
//! leaves the other (and the diary) untouched.

use chrono::NaiveDate;
use toml::Value;

/// `registration = "nmc"`: a body id, checked against the content once it loads.
pub(super) fn body(value: &Value) -> Result<String, String> {
    match value.as_str().map(str::trim) {
        Some(id) if !id.is_empty() => Ok(id.to_lowercase()),
        _ => Err("expected a body id in quotes, such as \"nmc\" or \"swe\"".into()),
    }
}

/// `renewal = "2027-05-31"`, quoted or written as a TOML date.
pub(super) fn renewal(value: &Value) -> Result<NaiveDate, String> {
    let text = match value {
        Value::String(s) => s.trim().to_string(),
        Value::Datetime(d) if d.time.is_none() => d.to_string(),
        _ => String::new(),
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .map_err(|_| "expected a date as YYYY-MM-DD, such as \"2027-05-31\"".into())
}
