//! Lantern's speed at a ten-year diary's scale: content load, import, list and search.
//!
//! Run: `cargo bench --bench store` (needs python3 and ../shared/bench/gen_corpus.py,
//! or LANTERN_BENCH_CORPUS pointing at a journal-10y.jsonl). Prints the median, min
//! and max of each measure, in milliseconds.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use lantern::content;
use lantern::domain::transfer::parse_import;
use lantern::store::{EntryFilter, Store};

fn corpus() -> PathBuf {
    if let Some(path) = std::env::var_os("LANTERN_BENCH_CORPUS") {
        return PathBuf::from(path);
    }
    let out = std::env::temp_dir().join("lantern-bench-corpus");
    let file = out.join("journal-10y.jsonl");
    if !file.exists() {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_corpus.py");
        let status = Command::new("python3")
            .arg(&script)
            .arg(&out)
            .status()
            .expect("python3 runs the corpus generator"); // ok: a bench, not the app
        assert!(status.success(), "the corpus generator failed");
    }
    file
}

/// Runs `f` `runs` times and prints the median, min and max.
fn measure(name: &str, runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    let median = times[times.len() / 2];
    println!(
        "{name:<34} median {median:>9.3} ms   min {:>9.3}   max {:>9.3}   ({runs} runs)",
        times[0],
        times[times.len() - 1]
    );
    median
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
            Store::open(&dir.path().join(format!("import-{n}.db")), None).expect("open");
        store.import(&batch).expect("import");
    });

    let store = Store::open(&dir.path().join("import-1.db"), None).expect("open"); // ok: bench
    measure("open: existing diary", 50, || {
        Store::open(&dir.path().join("import-1.db"), None).expect("open");
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
}
