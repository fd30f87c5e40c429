//! Lantern's speed at a ten-year diary's scale: content load, import, list and search.
//!
//! Run: `cargo bench --bench store` (needs python3 and ../shared/bench/gen_corpus.py,
//! or LANTERN_BENCH_CORPUS pointing at a journal-10y.jsonl). Prints the median, min
//! and max of each measure, in milliseconds.

mod common;

use common::{corpus, measure};

use lantern::content;
use lantern::domain::transfer::parse_import;
use lantern::store::{EntryFilter, Store};

fn main() {
    // `cargo test --benches` runs this with --bench absent; keep that quick.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let text = std::fs::read_to_string(corpus()).expect("the corpus is readable"); // ok: bench
    let dir = tempfile::tempdir().expect("a temp dir"); // ok: bench

    measure("content: load and check all", 50, || {
        let c = content::built_in();
        assert!(!c.skills.is_empty());
    });

    let batch = parse_import(&text).expect("the corpus parses"); // ok: bench
    println!(
        "corpus: {} entries, {:.1} MB",
        batch.entries.len(),
        text.len() as f64 / 1e6
    );
    let mut n = 0;
    measure("import: 10-year corpus (fresh diary)", 5, || {
        n += 1;
        let mut store =
            Store::open_or_create(&dir.path().join(format!("import-{n}.db")), None).expect("open");
        store.import(&batch).expect("import");
    });

    let store = Store::open_or_create(&dir.path().join("import-1.db"), None).expect("open"); // ok: bench
    measure("open: existing diary", 50, || {
        Store::open_or_create(&dir.path().join("import-1.db"), None).expect("open");
    });
    measure("list: newest 10", 200, || {
        let rows = store
            .list_entries(&EntryFilter {
                limit: Some(10),
                ..Default::default()
            })
            .expect("list");
        assert_eq!(rows.len(), 10);
    });
    measure("list: tag filter, newest 10", 200, || {
        store
            .list_entries(&EntryFilter {
                limit: Some(10),
                tag: Some("gratitude".into()),
                ..Default::default()
            })
            .expect("list");
    });
    measure("search: quokka (37 hits)", 200, || {
        let hits = store.search("quokka", 50).expect("search");
        assert_eq!(hits.len(), 37);
    });
    measure("search: common word, top 20", 200, || {
        store.search("supervision", 20).expect("search");
    });

    // One entry of ten megabytes: a search must cost about what it does for a page
    // (FTS5's snippet() grew with the square of the entry's size).
    let mut body = String::new();
    for e in batch.entries.iter().cycle() {
        if body.len() >= 10_000_000 {
            break;
        }
        body.push_str(&e.body);
        body.push('\n');
    }
    let mut big = batch.entries[0].clone();
    big.uid = "bench-one-huge-entry".into();
    big.body = body;
    let mut huge = Store::open_or_create(&dir.path().join("huge.db"), None).expect("open"); // ok: bench
    huge.add_entry(&big).expect("add"); // ok: bench
    measure("search: one 10 MB entry, a common word", 20, || {
        let hits = huge.search("the", 20).expect("search");
        assert_eq!(hits.len(), 1);
    });
}
