//! What the benchmarks share: the ten-year corpus, diaries of one, ten and fifty years
//! made from it, and a timer that prints medians.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chrono::{DateTime, Duration, Local};
use lantern::domain::checkin::{CheckIn, CheckInKind};
use lantern::domain::transfer::{parse_import, Batch};
use lantern::store::Store;

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
#[allow(dead_code)] // the process bench times whole programs instead
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

/// A check-in every day for `years` years up to today.
#[allow(dead_code)] // not every bench builds diaries
pub fn daily_checkins(years: i64) -> Vec<CheckIn> {
    let end = Local::now().date_naive();
    let mut date = end - Duration::days(365 * years);
    let mut out = Vec::new();
    let mut n: i64 = 0;
    while date <= end {
        let at = DateTime::parse_from_rfc3339(&format!("{date}T17:30:00+00:00")).expect("a time"); // ok: bench
        out.push(CheckIn {
            uid: format!("bench-{date}"),
            kind: CheckInKind::Daily,
            at,
            pleasantness: 1 + n % 10,
            energy: 1 + (n * 3) % 10,
            stress: (n * 5) % 11,
            system: None,
            words: Vec::new(),
            tags: Vec::new(),
            note: None,
            good_moment: None,
        });
        n += 1;
        date = date.succ_opt().expect("a next day"); // ok: bench
    }
    out
}

/// A data folder for each size, in `root`, encrypted with `passphrase` if given.
#[allow(dead_code)] // not every bench builds diaries
pub fn diaries(root: &Path, passphrase: Option<&str>) -> Vec<(&'static str, PathBuf)> {
    let sizes = [("1 year", "a1"), ("10 years", "a10"), ("50 years", "a50")];
    if let (Some(from), None) = (std::env::var_os("LANTERN_BENCH_DIARIES"), passphrase) {
        return sizes
            .iter()
            .map(|(name, dir)| {
                let to = root.join(dir);
                std::fs::create_dir_all(&to).expect("a data folder"); // ok: bench
                std::fs::copy(
                    Path::new(&from).join(dir).join("lantern.db"),
                    to.join("lantern.db"),
                )
                .expect("the diary copies"); // ok: bench
                (*name, to)
            })
            .collect();
    }
    let text = std::fs::read_to_string(corpus()).expect("the corpus"); // ok: bench
    let ten: Batch = parse_import(&text).expect("the corpus parses"); // ok: bench
    let one = std::fs::read_to_string(corpus_one_year()).expect("the 1-year corpus"); // ok: bench
    let batches = [
        (parse_import(&one).expect("parses"), 1), // ok: bench
        (repeated(&ten, 1), 10),
        (repeated(&ten, 5), 50),
    ];
    sizes
        .iter()
        .zip(batches)
        .map(|((name, dir), (mut batch, years))| {
            batch.checkins = daily_checkins(years);
            let to = root.join(dir);
            std::fs::create_dir_all(&to).expect("a data folder"); // ok: bench
            let mut store = match passphrase {
                Some(p) => Store::create_encrypted(&to.join("lantern.db"), p),
                None => Store::open_or_create(&to.join("lantern.db"), None),
            }
            .expect("a diary"); // ok: bench
            store.import(&batch).expect("import"); // ok: bench
            (*name, to)
        })
        .collect()
}
