//! The confidentiality check over a ten-year diary's text (every entry's title, body
//! and answers, about 6.6 MB), as an export of everything would run it. Goal: under
//! 200 ms. Run: `cargo bench --bench confidentiality`.

mod common;

use common::{corpus, measure};
use lantern::content;
use lantern::domain::confidentiality::{check_text, Detectors};
use lantern::domain::transfer::parse_import;

fn main() {
    let text = std::fs::read_to_string(corpus()).expect("the corpus reads"); // ok: bench
    let batch = parse_import(&text).expect("the corpus parses"); // ok: bench
    let mut all = String::new();
    for entry in &batch.entries {
        all.push_str(&entry.title);
        all.push('\n');
        all.push_str(&entry.body);
        all.push('\n');
        for answer in &entry.answers {
            all.push_str(&answer.text);
            all.push('\n');
        }
    }
    let content = content::built_in();
    let watch = vec!["Grace".to_string(), "Okafor".to_string()];
    measure("build the detectors", 10, || {
        std::hint::black_box(Detectors::new(&content, &watch));
    });
    let detectors = Detectors::new(&content, &watch);
    let mut found = 0;
    measure(
        &format!("check {:.1} MB of diary text", all.len() as f64 / 1e6),
        7,
        || found = check_text(std::hint::black_box(&all), &detectors).len(),
    );
    println!("findings: {found}");
}
