//! The catalog with 10,000 channels: reading `catalog.json`, classifying and sorting in this
//! process, then the real `tokenwarden list` (and `list --json`) binary with its CPU time and
//! peak memory as the operating system counts them. Synthetic channels, no network.
//!
//! `cargo bench --bench catalog` prints the medians of 10 runs each. `TOKENWARDEN_BENCH_BIN`
//! runs another build of `tokenwarden` for the `list` figures (e.g. a release binary while the
//! bench itself was built quickly with `--profile dev`); `TOKENWARDEN_BENCH_PROFILE=DIR` keeps
//! the generated profile in DIR.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tokenwarden::model::Thresholds;
use tokenwarden::service::views_of;
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

fn time_ms(mut f: impl FnMut()) -> f64 {
    median(
        (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
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

fn main() {
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

    let load = time_ms(|| {
        catalog.load().expect("catalog loads");
    });
    println!("load (read + parse): {load:.1} ms");
    let loaded = catalog.load().expect("catalog loads");
    let th = Thresholds::default();
    let classify = time_ms(|| {
        let views = views_of(loaded.channels.clone(), now(), &th);
        assert_eq!(views.len(), CHANNELS);
    });
    println!("classify + sort by urgency: {classify:.1} ms");

    let bin = std::env::var_os("TOKENWARDEN_BENCH_BIN")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_tokenwarden").into());
    println!("binary: {}", bin.to_string_lossy());
    #[cfg(unix)]
    for args in [&["list"][..], &["list", "--json"][..]] {
        let mut cpu = Vec::new();
        let mut rss = Vec::new();
        let mut wall = Vec::new();
        for _ in 0..RUNS {
            let mut cmd = Command::new(&bin);
            cmd.args(args)
                .env("TOKENWARDEN_PROFILE", &profile.dir)
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
