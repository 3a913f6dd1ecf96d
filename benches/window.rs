//! The real window with 10,000 channels under Xvfb: time until the window is on screen and
//! its memory once idle, for each renderer the build offers. Skipped (with a message) where
//! there is no `Xvfb`. Under Xvfb drawing is done in software (Mesa llvmpipe / lavapipe), so
//! the figures compare renderers on equal terms but are not those of a machine with a GPU.
//!
//! `cargo bench --bench window` prints, per renderer: time to the window being viewable, and
//! resident memory (VmRSS) and its peak (VmHWM) after 8 s of idling with the list loaded.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tokenwarden::store::{Catalog, CatalogFile, Profile, StoreError};

#[path = "support/synthetic.rs"]
mod synthetic;

const CHANNELS: usize = 10_000;
const IDLE: Duration = Duration::from_secs(8);
const ROUNDS: usize = 3;

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(tool).is_file()))
}

fn status_kb(pid: u32, field: &str) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn viewable(display: &str) -> bool {
    Command::new("xwininfo")
        .args(["-display", display, "-name", "Tokenwarden"])
        .stderr(Stdio::null())
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("IsViewable"))
}

fn window(display: &str, profile: &Path, vars: &[(&str, &str)]) -> Child {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tokenwarden"));
    c.env("DISPLAY", display)
        .env_remove("WAYLAND_DISPLAY")
        .env("TOKENWARDEN_PROFILE", profile)
        .env("TOKENWARDEN_SECRETS", "vault")
        .env(
            "TOKENWARDEN_VAULT_PASSPHRASE",
            "correct horse battery staple",
        )
        .env("TOKENWARDEN_VAULT_WORK_FACTOR", "10")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    for (k, v) in vars {
        c.env(k, v);
    }
    c.spawn().expect("the window starts")
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// One start of the window: (ms until viewable, idle RSS MB, peak RSS MB), or `None` when the
/// window never showed. With ImageMagick's `import`, a screenshot proves what was shown.
fn measure(
    display: &str,
    profile: &Path,
    vars: &[(&str, &str)],
    shot: &Path,
) -> Option<(f64, f64, f64)> {
    let start = Instant::now();
    let mut child = window(display, profile, vars);
    let pid = child.id();
    let mut shown = None;
    while start.elapsed() < Duration::from_secs(60) {
        if child.try_wait().ok().flatten().is_some() {
            break;
        }
        if viewable(display) {
            shown = Some(start.elapsed().as_secs_f64() * 1000.0);
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    if shown.is_some() {
        std::thread::sleep(IDLE);
    }
    let rss = status_kb(pid, "VmRSS:").unwrap_or(f64::NAN) / 1024.0;
    let peak = status_kb(pid, "VmHWM:").unwrap_or(f64::NAN) / 1024.0;
    if shown.is_some() && on_path("import") {
        let _ = Command::new("import")
            .args(["-display", display, "-window", "root"])
            .arg(shot)
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
    Some((shown?, rss, peak))
}

fn main() {
    if !cfg!(target_os = "linux") || !on_path("Xvfb") || !on_path("xwininfo") {
        println!("window bench skipped: needs Linux with Xvfb and xwininfo");
        return;
    }
    // A display nobody holds (another Xvfb leaves /tmp/.X{n}-lock).
    let Some(display) = (90..200)
        .find(|n| !Path::new(&format!("/tmp/.X{n}-lock")).exists())
        .map(|n| format!(":{n}"))
    else {
        println!("window bench skipped: no free X display number");
        return;
    };
    let mut xvfb = Command::new("Xvfb")
        .args([
            display.as_str(),
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb starts");
    std::thread::sleep(Duration::from_secs(1));

    let dir = tempfile::tempdir().expect("temp dir");
    let renderers: &[(&str, &[(&str, &str)])] = &[
        ("wgpu, Vulkan (default)", &[]),
        ("wgpu, OpenGL", &[("WGPU_BACKEND", "gl")]),
    ];
    let shots = std::env::temp_dir();
    for (i, (label, vars)) in renderers.iter().enumerate() {
        for channels in [0, CHANNELS] {
            // A profile per run: the window keeps its layout in the profile.
            let dir = dir.path().join(format!("p{i}-{channels}"));
            let profile = Profile::resolve(Some(dir)).expect("profile");
            let list = synthetic::synthetic(channels);
            CatalogFile::new(&profile)
                .update(move |c: &mut Catalog| {
                    c.channels = list;
                    Ok::<_, StoreError>(())
                })
                .expect("catalog written");
            let shot = shots.join(format!("tokenwarden-window-{i}-{channels}.png"));
            let runs: Vec<_> = (0..ROUNDS)
                .map_while(|_| measure(&display, &profile.dir, vars, &shot))
                .collect();
            if runs.len() < ROUNDS {
                println!("{label}: the window did not open (this build may lack the renderer)");
                break;
            }
            let pick = |f: fn(&(f64, f64, f64)) -> f64| median(runs.iter().map(f).collect());
            println!(
                "{label}, {channels} channels: window viewable after {:.0} ms; idle RSS {:.0} MB \
                 (peak {:.0} MB); median of {ROUNDS}; screenshot {}",
                pick(|r| r.0),
                pick(|r| r.1),
                pick(|r| r.2),
                shot.display()
            );
        }
    }
    // SIGTERM, not kill(): Xvfb then removes its lock file and socket.
    // SAFETY: signals our own child.
    unsafe { libc::kill(xvfb.id() as i32, libc::SIGTERM) };
    let _ = xvfb.wait();
}
