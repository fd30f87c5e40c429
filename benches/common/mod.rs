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
