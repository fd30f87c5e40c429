//! The shape of every content file. Code knows these shapes; the wording lives in
//! `content/*.toml`. Every item is an array-of-tables entry (`[[skill]]`, `[[rule]]` …)
//! with a stable `id`, unique across all files, and a `source` naming the document and
//! section it was written from. Cross-references are written `kind:id`
//! (for example `exercise:soothing-breathing`) and are checked when content loads.

use toml::Spanned;

/// An id or a `kind:id` reference, with where it stands in its file.
pub type Located = Spanned<String>;

mod care;
mod checkin;
mod confidentiality;
mod exercise;
mod library;
mod registration;
mod rules;
mod signs;
mod support;
mod words;

pub use care::*;
pub use checkin::*;
pub use confidentiality::*;
pub use exercise::*;
pub use library::*;
pub use registration::*;
pub use rules::*;
pub use signs::*;
pub use support::*;
pub use words::*;
