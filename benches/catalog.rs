//! The catalog with 10,000 channels: reading `catalog.json`, classifying and sorting in this
//! process, then the real `tokenwarden list` (and `list --json`) binary with its CPU time and
//! peak memory as the operating system counts them. Synthetic channels, no network.
//!
//! `cargo bench --bench catalog` prints the medians of 10 runs each, in CPU time: the steps of
//! `list` one by one in this process, then the binary as a whole. `TOKENWARDEN_BENCH_BIN`
//! runs another build of `tokenwarden` for the `list` figures (e.g. a release binary while the
//! bench itself was built quickly with `--profile dev`); `TOKENWARDEN_BENCH_PROFILE=DIR` keeps
//! the generated profile in DIR.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tokenwarden::cli::{json, output};
use tokenwarden::model::Thresholds;
use tokenwarden::service::groups::root_cause_groups;
use tokenwarden::service::{ChannelView, sort_by_urgency, views_of};
use tokenwarden::store::{Catalog, CatalogFile, Profile, StoreError};

#[path = "support/synthetic.rs"]
mod synthetic;
use synthetic::{now, synthetic};

const CHANNELS: usize = 10_000;
const RUNS: usize = 10;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// This thread's CPU time in ms: on a machine shared with other builds, wall time would count
/// their work too.
#[cfg(unix)]
fn cpu_now_ms() -> f64 {
    let mut t: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is a valid out-parameter.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 * 1000.0 + t.tv_nsec as f64 / 1e6
}

#[cfg(not(unix))]
fn cpu_now_ms() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

/// Median CPU time of `f` (ms) over the runs.
fn time_ms(mut f: impl FnMut()) -> f64 {
    median(
        (0..RUNS)
            .map(|_| {
                let t = cpu_now_ms();
                f();
                cpu_now_ms() - t
            })
            .collect(),
    )
}

/// CPU time (user + system, ms) and peak resident memory (MB) of one finished child.
#[cfg(unix)]
fn run_child(mut cmd: Command) -> (f64, f64, Duration) {
    let start = Instant::now();
    // Reaped by wait4 below, which also reports the child's own resource use.
    let child_id = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("tokenwarden starts")
        .id() as i32;
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child; `usage` is a valid out-parameter.
    let pid = unsafe { libc::wait4(child_id, &mut status, 0, &mut usage) };
    assert_eq!(pid, child_id, "wait4 failed");
    let wall = start.elapsed();
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    let cpu = ms(usage.ru_utime) + ms(usage.ru_stime);
    (cpu, usage.ru_maxrss as f64 / 1024.0, wall)
}

/// Set for the copy of this bench that runs the binary: the profile folder to list.
const RUN_LIST_IN: &str = "TOKENWARDEN_BENCH_RUN_LIST_IN";

/// `tokenwarden list` (and `list --json`) on the profile in `dir`, timed by the OS.
#[cfg(unix)]
fn run_list(dir: &std::ffi::OsStr) {
    let bin = std::env::var_os("TOKENWARDEN_BENCH_BIN")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_tokenwarden").into());
    println!("binary: {}", bin.to_string_lossy());
    for args in [&["list"][..], &["list", "--json"][..]] {
        let mut cpu = Vec::new();
        let mut rss = Vec::new();
        let mut wall = Vec::new();
        for _ in 0..RUNS {
            let mut cmd = Command::new(&bin);
            cmd.args(args)
                .env("TOKENWARDEN_PROFILE", dir)
                .env("NO_COLOR", "1");
            let (c, r, w) = run_child(cmd);
            cpu.push(c);
            rss.push(r);
            wall.push(w.as_secs_f64() * 1000.0);
        }
        println!(
            "tokenwarden {}: CPU {:.0} ms, peak RSS {:.0} MB, wall {:.0} ms (median of {RUNS})",
            args.join(" "),
            median(cpu),
            median(rss),
            median(wall)
        );
    }
}

fn main() {
    #[cfg(unix)]
    if let Some(dir) = std::env::var_os(RUN_LIST_IN) {
        return run_list(&dir);
    }
    let dir = tempfile::tempdir().expect("temp dir");
    // TOKENWARDEN_BENCH_PROFILE keeps the generated profile there, for a profiler afterwards.
    let keep = std::env::var_os("TOKENWARDEN_BENCH_PROFILE").map(std::path::PathBuf::from);
    let profile = Profile::resolve(Some(keep.unwrap_or_else(|| dir.path().join("profile"))))
        .expect("profile");
    let catalog = CatalogFile::new(&profile);
    let channels = synthetic(CHANNELS);
    catalog
        .update(move |c: &mut Catalog| {
            c.channels = channels;
            Ok::<_, StoreError>(())
        })
        .expect("catalog written");
    let size = std::fs::metadata(catalog.path()).expect("catalog").len();
    println!(
        "catalog.json with {CHANNELS} channels: {:.1} MB",
        size as f64 / 1e6
    );

    // `list`'s steps one by one, in this process, to see which one the time goes to.
    let load = time_ms(|| {
        catalog.load().expect("catalog loads");
    });
    println!("load (read + parse): {load:.1} ms");
    let read = time_ms(|| {
        std::fs::read(catalog.path()).expect("catalog read");
    });
    // Parsed as the loader does: from text checked for UTF-8 once.
    let text = std::fs::read_to_string(catalog.path()).expect("catalog read");
    let parse = time_ms(|| {
        serde_json::from_str::<Catalog>(&text).expect("catalog parses");
    });
    println!("  of which read {read:.1} ms, parse {parse:.1} ms");
    let loaded = catalog.load().expect("catalog loads");
    let th = Thresholds::default();
    let classify = time_ms(|| {
        let views = views_of(loaded.channels.clone(), now(), &th);
        assert_eq!(views.len(), CHANNELS);
    });
    let clone = time_ms(|| {
        assert_eq!(loaded.channels.clone().len(), CHANNELS);
    });
    let unsorted: Vec<ChannelView> = loaded
        .channels
        .iter()
        .map(|c| ChannelView::of(c.clone(), now(), &th))
        .collect();
    let sort = time_ms(|| {
        let mut views = unsorted.clone();
        sort_by_urgency(&mut views);
    });
    let copy = time_ms(|| {
        assert_eq!(unsorted.clone().len(), CHANNELS);
    });
    println!(
        "classify + sort by urgency: {:.1} ms (sort alone {:.1} ms)",
        classify - clone,
        sort - copy
    );
    let views = views_of(loaded.channels.clone(), now(), &th);
    let mut table = Vec::new();
    let format = time_ms(|| {
        table.clear();
        output::write_table(&mut table, &views, now()).expect("table written");
    });
    let groups = time_ms(|| {
        root_cause_groups(&views);
    });
    println!(
        "table into memory: {format:.1} ms ({:.1} MB); root-cause groups {groups:.1} ms",
        table.len() as f64 / 1e6
    );
    let json = time_ms(|| {
        let list = json::ListJson {
            checked_at: None,
            channels: views.iter().map(json::channel_json).collect(),
        };
        serde_json::to_vec_pretty(&list).expect("JSON written");
    });
    println!("--json into memory: {json:.1} ms");

    // The binary is run from a fresh, small copy of this bench: Linux hands a child started
    // with vfork the parent's peak memory as its own starting peak, and this process has held
    // 10,000 channels several times over.
    #[cfg(unix)]
    {
        let status = Command::new(std::env::current_exe().expect("this bench"))
            .env(RUN_LIST_IN, &profile.dir)
            .status()
            .expect("the bench starts again");
        assert!(status.success());
    }
}
