//! The whole program at one, ten and fifty years, run as a person runs it: the CPU of
//! `search` and `list` against the stock sqlite3 shell running the same SQL on the
//! same file (the floor for any program that opens it), the first key of search as
//! you type, `suggest`, export's time and peak memory, import, an encrypted diary's
//! `search` while unlocked against plaintext, and the app's memory at its first
//! screen in tmux. Each figure is printed at each size with its ratio to a year's.
//!
//! Run: `cargo bench --bench process`. The diaries are those of the startup bench,
//! each with a check-in every day. The sqlite3 comparison needs `sqlite3` on PATH, the
//! first screen needs tmux, and the unlocked figure a kernel keyring; each is left out
//! with a note when its tool is missing.
//!
//! Runs are interleaved (one of each command, then again), so a noisy machine slows
//! all of them alike, and each figure is a median.
//!
//! The program measured is the release build, which this bench makes itself: built
//! by `cargo bench`, the program's own function names carry another hash (the profile
//! is part of it), `link/startup.order` no longer finds them, and the first screen
//! holds about 2 MiB more.

mod common;

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::diaries;

const PROGRAM: &str = env!("CARGO_BIN_EXE_lantern");
const PASS: &str = "a bench passphrase";
const ROUNDS: usize = 15;

/// What one run of a program cost.
#[derive(Clone, Copy)]
struct Usage {
    wall_ms: f64,
    cpu_ms: f64,
    peak_mib: f64,
}

/// Runs `cmd` to its end and reads its cost from the kernel (`wait4`), so the
/// figures are the child's own and not this process's.
fn run(cmd: &mut Command) -> Usage {
    let start = Instant::now();
    // Reaped by wait4 below, which also gives its usage; `wait()` would not.
    #[allow(clippy::zombie_processes)]
    let child = cmd
        .stdout(Stdio::null())
        .spawn()
        .expect("the command starts"); // ok: bench
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our own child, not yet reaped; both pointers are live.
    let reaped = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let wall_ms = start.elapsed().as_secs_f64() * 1000.0;
    assert!(reaped > 0, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{cmd:?} failed"
    );
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    Usage {
        wall_ms,
        cpu_ms: ms(usage.ru_utime) + ms(usage.ru_stime),
        peak_mib: usage.ru_maxrss as f64 / 1024.0,
    }
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

/// `lantern --data-dir DIR ARGS` with none of the machine's own settings.
fn lantern(dir: &Path, home: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(PROGRAM);
    cmd.env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TZ", "UTC")
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null());
    cmd
}

/// The sqlite3 shell reading `sql` on `dir`'s diary, as a script on its input.
fn sqlite3(dir: &Path, sql: &Path) -> Command {
    let mut cmd = Command::new("sqlite3");
    cmd.arg("-init")
        .arg("/dev/null")
        .arg(dir.join("lantern.db"))
        .stdin(File::open(sql).expect("the SQL script")); // ok: bench
    cmd
}

fn has(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// What `search quokka` and `list -n 10` ask of SQLite, as `store::entries` asks it.
/// Written out here so the shell runs the same work; if the store's SQL changes, this
/// should follow.
const SEARCH_SQL: &str = r#"
SELECT count(*) FROM entry_fts WHERE entry_fts MATCH '"quokka"';
WITH shown AS MATERIALIZED (
    SELECT rowid AS id, bm25(entry_fts, 5.0, 1.0, 1.0) AS score
    FROM entry_fts WHERE entry_fts MATCH '"quokka"'
    ORDER BY score, rowid DESC LIMIT 20
)
SELECT e.id, e.created_utc, e.utc_offset, e.title, e.body, e.answers_text,
    substr(CASE WHEN e.body <> '' THEN e.body ELSE e.answers_text END, 1, 200) AS head
FROM shown JOIN entry e ON e.id = shown.id ORDER BY shown.score, e.id DESC;
"#;
const LIST_SQL: &str = r#"
SELECT e.id, e.created_utc, e.utc_offset, e.title, e.template_id,
    substr(CASE WHEN e.body <> '' THEN e.body ELSE e.answers_text END, 1, 200) AS head,
    (SELECT group_concat(tag, ',') FROM (SELECT tag FROM entry_tag t
        WHERE t.entry_id = e.id ORDER BY tag)) AS tags
FROM entry e WHERE 1 = 1 ORDER BY e.created_utc DESC, e.id DESC LIMIT 10 OFFSET 0;
"#;

/// The app's peak resident memory once its first screen is drawn, in a 100×30 tmux
/// pane; None if it did not show Today in time.
fn first_screen_mib(dir: &Path, home: &Path, socket: &str) -> Option<f64> {
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .args(["-L", socket, "-f", "/dev/null"])
            .args(args)
            .env_remove("TMUX")
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim_end().to_string())
    };
    let command = format!(
        "exec env -i HOME='{}' TZ=UTC TERM=tmux-256color '{}' --data-dir '{}'",
        home.display(),
        PROGRAM,
        dir.display()
    );
    tmux(&[
        "new-session",
        "-d",
        "-x",
        "100",
        "-y",
        "30",
        "-s",
        "bench",
        &command,
    ])?;
    let pid = tmux(&["display-message", "-p", "-t", "bench", "#{pane_pid}"])?;
    let until = Instant::now() + Duration::from_secs(10);
    let mut shown = false;
    while Instant::now() < until && !shown {
        std::thread::sleep(Duration::from_millis(20));
        shown = tmux(&["capture-pane", "-p", "-t", "bench"])
            .is_some_and(|s| s.contains("a after visit"));
    }
    // What the first screen loads after its first frame, let it finish.
    std::thread::sleep(Duration::from_millis(300));
    let peak = peak_mib(&format!("/proc/{pid}/status"));
    tmux(&["kill-server"]);
    peak.filter(|_| shown)
}

/// The peak resident memory a `/proc/…/status` file gives (its VmHWM), in MiB.
fn peak_mib(status: &str) -> Option<f64> {
    let text = std::fs::read_to_string(status).ok()?;
    let kib: f64 = text
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib / 1024.0)
}

/// A figure at each size, as printed.
struct Row {
    what: String,
    at: Vec<Option<f64>>,
    unit: &'static str,
}

fn print(rows: &[Row]) {
    println!(
        "\n{:<58} {:>10} {:>18} {:>18}",
        "", "1 year", "10 years", "50 years"
    );
    for row in rows {
        let mut line = format!("{:<58}", row.what);
        let base = row.at.first().copied().flatten();
        for (i, v) in row.at.iter().enumerate() {
            let cell = match (v, base) {
                (Some(v), _) if i == 0 => format!("{v:.2}{}", row.unit),
                (Some(v), Some(b)) if row.unit != "×" => {
                    format!("{v:.2}{} ({:.2}×)", row.unit, v / b)
                }
                (Some(v), _) => format!("{v:.2}{}", row.unit),
                (None, _) => "-".to_string(),
            };
            line.push_str(&format!(" {cell:>18}"));
        }
        println!("{line}");
    }
}

/// Peak memory as the kernel counts it for a child includes the memory of the
/// process that started it, so the diaries (a fifty-year corpus held whole) are made
/// by a run of this bench of their own, and this one stays small.
const MAKE_DIARIES: &str = "--make-diaries-in";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == MAKE_DIARIES) {
        let root = Path::new(&args[at + 1]);
        diaries(&root.join("plain"), None);
        diaries(&root.join("secret"), Some(PASS));
        return;
    }
    // `cargo test --benches` runs this with --bench absent; keep that quick.
    if !args.iter().any(|a| a == "--bench") {
        return;
    }
    let built = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["build", "--release", "--quiet", "--bin", "lantern"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .is_ok_and(|s| s.success());
    assert!(built, "cargo build --release failed");
    let root = tempfile::tempdir().expect("a temp dir"); // ok: bench
    let home = root.path().join("home");
    std::fs::create_dir_all(&home).expect("a home"); // ok: bench
    let made = Command::new(std::env::current_exe().expect("this bench")) // ok: bench
        .arg(MAKE_DIARIES)
        .arg(root.path())
        .status()
        .expect("the diaries are made"); // ok: bench
    assert!(made.success(), "making the diaries failed");
    let sized = |kind: &str| -> Vec<std::path::PathBuf> {
        ["a1", "a10", "a50"]
            .iter()
            .map(|d| root.path().join(kind).join(d))
            .collect()
    };
    let (plain, secret) = (sized("plain"), sized("secret"));
    let search_sql = root.path().join("search.sql");
    let list_sql = root.path().join("list.sql");
    std::fs::write(&search_sql, SEARCH_SQL).expect("writes"); // ok: bench
    std::fs::write(&list_sql, LIST_SQL).expect("writes"); // ok: bench
    let shell = has("sqlite3", "-version");
    let tmux = has("tmux", "-V");
    if !shell {
        println!("no sqlite3 on PATH: the comparison with the shell is left out");
    }
    if !tmux {
        println!("no tmux on PATH: the first screen's memory is left out");
    }

    // Once, unmeasured: a diary made before today's schema is brought up to date.
    for dir in &plain {
        run(&mut lantern(dir, &home, &["list", "-n", "1"]));
    }
    let unlocked: Vec<bool> = secret
        .iter()
        .map(|dir| {
            let out = lantern(dir, &home, &["unlock", "--for", "30m"])
                .env("LANTERN_PASSPHRASE", PASS)
                .output()
                .expect("lantern runs"); // ok: bench
            let said = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success() || said.contains("keyring is not available"),
                "lantern unlock failed: {said}"
            );
            out.status.success()
        })
        .collect();
    if !unlocked.iter().all(|u| *u) {
        println!("no kernel keyring here: the unlocked figures are left out");
    }

    let names = [
        "search quokka, CPU (ms)",
        "  the same SQL in the sqlite3 shell, CPU (ms)",
        "list -n 10, CPU (ms)",
        "  the same SQL in the sqlite3 shell, CPU (ms)",
        "search 'q*', the first key of search as you type, CPU (ms)",
        "suggest (Today's recent check-ins), CPU (ms)",
        "search quokka, encrypted and unlocked, CPU (ms)",
    ];
    let mut cpu: Vec<Vec<Vec<f64>>> = vec![vec![Vec::new(); plain.len()]; names.len()];
    for _ in 0..ROUNDS {
        for (s, (dir, locked)) in plain.iter().zip(&secret).enumerate() {
            let mut cmds = [
                Some(lantern(dir, &home, &["search", "quokka"])),
                shell.then(|| sqlite3(dir, &search_sql)),
                Some(lantern(dir, &home, &["list", "-n", "10"])),
                shell.then(|| sqlite3(dir, &list_sql)),
                Some(lantern(dir, &home, &["search", "q*"])),
                Some(lantern(dir, &home, &["suggest"])),
                unlocked[s].then(|| lantern(locked, &home, &["search", "quokka"])),
            ];
            for (i, cmd) in cmds.iter_mut().enumerate() {
                if let Some(cmd) = cmd {
                    cpu[i][s].push(run(cmd).cpu_ms);
                }
            }
        }
    }
    let mut rows: Vec<Row> = names
        .iter()
        .zip(&cpu)
        .map(|(what, at)| Row {
            what: what.to_string(),
            at: at
                .iter()
                .map(|xs| (!xs.is_empty()).then(|| median(xs.clone())))
                .collect(),
            unit: " ms",
        })
        .collect();
    let ratio = |what: &str, a: usize, b: usize| Row {
        what: what.to_string(),
        at: (0..plain.len())
            .map(|s| Some(rows[a].at[s]? / rows[b].at[s]?))
            .collect(),
        unit: "×",
    };
    let ratios = [
        ratio("search quokka / the sqlite3 shell", 0, 1),
        ratio("list -n 10 / the sqlite3 shell", 2, 3),
        ratio("search quokka, unlocked / plaintext", 6, 0),
    ];
    rows.extend(ratios);

    // The heavier commands, fewer times: export (time and peak memory), then import
    // of that export into a new, empty diary, and the first screen.
    let mut heavy: Vec<Vec<Vec<f64>>> = vec![vec![Vec::new(); plain.len()]; 5];
    for round in 0..5 {
        for (s, dir) in plain.iter().enumerate() {
            let file = root.path().join(format!("export-{s}.json"));
            let export = run(&mut lantern(
                dir,
                &home,
                &["export", "--force", "-o", &file.to_string_lossy()],
            ));
            heavy[0][s].push(export.wall_ms / 1000.0);
            heavy[1][s].push(export.peak_mib);
            if round < 3 {
                let fresh = root.path().join(format!("import-{s}-{round}"));
                run(&mut lantern(&fresh, &home, &["init"]));
                let import = run(&mut lantern(
                    &fresh,
                    &home,
                    &["import", &file.to_string_lossy()],
                ));
                heavy[2][s].push(import.wall_ms / 1000.0);
                heavy[3][s].push(import.cpu_ms / 1000.0);
                let _ = std::fs::remove_dir_all(&fresh);
            }
            if tmux {
                let socket = format!("lantern-bench-{}", std::process::id());
                if let Some(mib) = first_screen_mib(dir, &home, &socket) {
                    heavy[4][s].push(mib);
                }
            }
        }
    }
    let heavy_rows = [
        ("export (JSON) to a file, wall (s)", " s"),
        ("  its peak memory (MiB)", " MiB"),
        ("import of that export into a new diary, wall (s)", " s"),
        ("  its CPU (s)", " s"),
        ("the app's first screen, peak memory in tmux (MiB)", " MiB"),
    ];
    for ((what, unit), at) in heavy_rows.iter().zip(heavy) {
        rows.push(Row {
            what: what.to_string(),
            at: at
                .into_iter()
                .map(|xs| (!xs.is_empty()).then(|| median(xs)))
                .collect(),
            unit,
        });
    }
    print(&rows);
    println!(
        "\n(this bench's own peak memory, below which no child's can be read: {:.2} MiB)",
        peak_mib("/proc/self/status").unwrap_or(0.0)
    );

    for dir in &secret {
        let _ = lantern(dir, &home, &["lock"]).output();
    }
}
