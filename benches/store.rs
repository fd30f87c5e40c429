//! Lantern's speed at a ten-year diary's scale: content load, import, list and search;
//! and import and export at one, ten and fifty years (the ten-year corpus five times
//! over, years shifted), with each one's ratio to a year's.
//!
//! Run: `cargo bench --bench store` (needs python3 and ../shared/bench/gen_corpus.py,
//! or LANTERN_BENCH_CORPUS pointing at a journal-10y.jsonl). Prints the median, min
//! and max of each measure, in milliseconds.

mod common;

use std::io::Write;

use common::{corpus, corpus_one_year, measure, repeated};

use lantern::content;
use lantern::domain::transfer::{self, parse_import, Each, ExportOf, Markdown, Record};
use lantern::store::{EntryFilter, Store, StoreError};

/// The JSON export, streamed as `lantern export` streams it.
fn export_json(store: &Store, out: &mut impl Write) {
    store
        .with_entries(None, None, |entries| {
            store.with_checkins(None, None, |checkins| {
                let doc = ExportOf {
                    format: transfer::FORMAT_NAME,
                    version: transfer::FORMAT_VERSION,
                    exported: chrono::Local::now().fixed_offset(),
                    entries: Each::<_, StoreError>::new(entries),
                    checkins: Each::<_, StoreError>::new(checkins),
                };
                serde_json::to_writer_pretty(&mut *out, &doc).expect("export"); // ok: bench
            })
        })
        .expect("entries") // ok: bench
        .expect("check-ins"); // ok: bench
}

/// The Markdown export, streamed as `lantern export --format markdown` streams it.
fn export_markdown(store: &Store, out: &mut impl Write) {
    store
        .with_records_by_local_time(None, None, |records| {
            let mut md = Markdown::new(|_: &str| None);
            out.write_all(md.start().as_bytes()).expect("write"); // ok: bench
            for record in records {
                let text = match record.expect("a record") {
                    // ok: bench
                    Record::Entry(e) => md.entry(&e),
                    Record::CheckIn(c) => md.checkin(&c),
                };
                out.write_all(text.as_bytes()).expect("write"); // ok: bench
            }
        })
        .expect("records"); // ok: bench
}

/// "quokka" typed one key at a time, as the search screen asks after each key (each
/// word but the last whole, the last as a prefix). Returns the slowest key's median.
fn typing(store: &Store, name: &str) -> f64 {
    let word = "quokka";
    (1..=word.len())
        .map(|n| {
            let query = format!("{}*", &word[..n]);
            measure(&format!("search as you type: {name}, {query}"), 15, || {
                store.search(&query, 50).expect("search"); // ok: bench
            })
        })
        .fold(0.0, f64::max)
}

/// Import and export at one, ten and fifty years, and how each grows.
fn growth(dir: &std::path::Path, ten: &transfer::Batch) {
    let one = std::fs::read_to_string(corpus_one_year()).expect("the 1-year corpus"); // ok: bench
    let diaries = [
        ("1 year", parse_import(&one).expect("parses")), // ok: bench
        ("10 years", repeated(ten, 1)),
        ("50 years", repeated(ten, 5)),
    ];
    let mut first: Option<[f64; 4]> = None;
    for (name, batch) in &diaries {
        let mut n = 0;
        let import = measure(&format!("import: {name} (fresh diary)"), 3, || {
            n += 1;
            let path = dir.join(format!("grow-{}-{n}.db", batch.entries.len()));
            let mut store = Store::open_or_create(&path, None).expect("open"); // ok: bench
            store.import(batch).expect("import"); // ok: bench
        });
        let path = dir.join(format!("grow-{}-1.db", batch.entries.len()));
        let store = Store::open(&path, None).expect("open"); // ok: bench
        let json = measure(&format!("export json: {name}"), 3, || {
            export_json(&store, &mut std::io::BufWriter::new(std::io::sink()));
        });
        let md = measure(&format!("export markdown: {name}"), 3, || {
            export_markdown(&store, &mut std::io::BufWriter::new(std::io::sink()));
        });
        let typed = typing(&store, name);
        let [i0, j0, m0, t0] = *first.get_or_insert([import, json, md, typed]);
        println!(
            "{name}: {} entries; to one year: import {:.1}x, export json {:.1}x, markdown {:.1}x, \
             worst key {:.1}x",
            batch.entries.len(),
            import / i0,
            json / j0,
            md / m0,
            typed / t0
        );
        if let Some(keep) = std::env::var_os("LANTERN_BENCH_KEEP") {
            let _ = std::fs::copy(
                &path,
                std::path::Path::new(&keep).join(format!("{name}.db")),
            );
        }
    }
}

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

    growth(dir.path(), &batch);
}
