//! What the benchmarks share: the ten-year corpus, and a timer that prints medians.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The ten-year corpus as JSON Lines: LANTERN_BENCH_CORPUS, or generated once with
/// ../shared/bench/gen_corpus.py into the temp dir.
pub fn corpus() -> PathBuf {
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

/// The one-year corpus, made beside the ten-year one.
#[allow(dead_code)] // not every bench reads it
pub fn corpus_one_year() -> PathBuf {
    corpus().with_file_name("journal-1y.jsonl")
}

/// The ten-year corpus `times` over, each copy `10 * k` years earlier (with new uids),
/// for a diary of `10 * times` years.
#[allow(dead_code)] // not every bench builds one
pub fn repeated(
    batch: &lantern::domain::transfer::Batch,
    times: i32,
) -> lantern::domain::transfer::Batch {
    use chrono::Datelike;
    let mut entries = Vec::new();
    for k in 0..times {
        for e in &batch.entries {
            let shift = |t: chrono::DateTime<chrono::FixedOffset>| {
                let year = t.year() - 10 * k;
                // 29 February of a year with none becomes the 28th.
                t.with_year(year)
                    .or_else(|| t.with_day(28).and_then(|t| t.with_year(year)))
                    .unwrap_or(t)
            };
            let mut e = e.clone();
            e.uid = format!("{}-{k}", e.uid);
            e.created = shift(e.created);
            e.updated = shift(e.updated);
            entries.push(e);
        }
    }
    lantern::domain::transfer::Batch {
        format: batch.format,
        entries,
        checkins: batch.checkins.clone(),
    }
}

/// Runs `f` `runs` times and prints the median, min and max.
pub fn measure(name: &str, runs: usize, mut f: impl FnMut()) -> f64 {
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
        "{name:<40} median {median:>9.3} ms   min {:>9.3}   max {:>9.3}   ({runs} runs)",
        times[0],
        times[times.len() - 1]
    );
    median
}
