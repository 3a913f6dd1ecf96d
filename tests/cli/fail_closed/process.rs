//! Fail-closed tests: process. Processes we start (the browser) get none of our
//! `TOKENWARDEN_*` variables; only an https Meta address from a device login is opened; a
//! crash leaves a report without the token and no core dump.

// The stand-in browser is a shell script, and the limits are read from Linux's /proc.
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::support::{self, Env};
use tokenwarden::sim::scenario::*;

/// A stand-in browser: records its address, its environment and its parent's limits, then
/// renames the environment file into place so the test sees all of it at once.
struct FakeBrowser {
    dir: tempfile::TempDir,
}

impl FakeBrowser {
    fn new() -> FakeBrowser {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().display();
        let script = format!(
            "#!/bin/sh\n\
             printf '%s' \"$1\" > '{d}/url.txt'\n\
             cat /proc/$PPID/limits > '{d}/parent_limits.txt' 2>/dev/null\n\
             cat /proc/$PPID/status > '{d}/parent_status.txt' 2>/dev/null\n\
             env > '{d}/env.part'\n\
             mv '{d}/env.part' '{d}/env.txt'\n"
        );
        let path = dir.path().join("browser.sh");
        std::fs::write(&path, script).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        FakeBrowser { dir }
    }

    fn program(&self) -> PathBuf {
        self.dir.path().join("browser.sh")
    }

    fn file(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name)).unwrap_or_default()
    }

    /// Waits until the browser ran (true) or `limit` passed (false).
    fn wait_opened(&self, limit: Duration) -> bool {
        let started = Instant::now();
        while started.elapsed() < limit {
            if self.dir.path().join("env.txt").exists() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }
}

/// Starts a device login that adds a channel; it waits for approval until killed.
fn start_login(env: &Env, browser: &FakeBrowser) -> Child {
    let mut c = env.command(&[
        "login",
        "--app",
        ACME_APP_ID,
        "--name",
        "New Shoes",
        "--kind",
        "messenger",
        "--page",
        SHOES_PAGE_ID,
    ]);
    c.env("TOKENWARDEN_TEST_BROWSER", browser.program())
        .env("SOMETHING_OF_THE_USERS", "kept")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c.spawn().expect("tokenwarden starts")
}

fn stop(mut child: Child) -> String {
    let _ = child.kill();
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn proc_file(pid: u32, name: &str) -> String {
    std::fs::read_to_string(Path::new("/proc").join(pid.to_string()).join(name)).unwrap_or_default()
}

/// The soft limit from a `/proc/PID/limits` text's "Max core file size" line.
fn core_limit(limits: &str) -> Option<String> {
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))?;
    line.split_whitespace().nth(4).map(str::to_string)
}

#[cfg(target_os = "linux")]
#[test]
fn the_browser_gets_none_of_our_variables_and_the_app_dumps_no_core() {
    let env = Env::new();
    env.add_acme_app_with_client_token();
    let browser = FakeBrowser::new();
    let child = start_login(&env, &browser);
    let pid = child.id();
    let opened = browser.wait_opened(Duration::from_secs(30));
    // Read while the login still waits for approval.
    let limits = proc_file(pid, "limits");
    let status = proc_file(pid, "status");
    let stderr = stop(child);
    assert!(opened, "the browser was started: {stderr}");

    assert_eq!(browser.file("url.txt"), "https://www.facebook.com/device");
    let env_text = browser.file("env.txt");
    assert!(
        env_text.contains("SOMETHING_OF_THE_USERS=kept"),
        "the user's own environment is passed on: {env_text}"
    );
    let ours: Vec<&str> = env_text
        .lines()
        .filter(|l| l.starts_with("TOKENWARDEN_"))
        .collect();
    assert!(ours.is_empty(), "the browser got {ours:?}");
    assert!(!env_text.contains(support::PASSPHRASE));

    assert_eq!(core_limit(&limits).as_deref(), Some("0"), "{limits}");
    let parent = browser.file("parent_limits.txt");
    assert_eq!(core_limit(&parent).as_deref(), Some("0"), "{parent}");
    assert!(status.contains("Umask:\t0077"), "{status}");
}

#[cfg(unix)]
#[test]
fn a_device_login_address_that_is_not_https_on_meta_is_not_opened() {
    for offered in [
        "http://www.facebook.com/device",
        "https://facebook.com.login-check.example/device",
    ] {
        let env = Env::new();
        env.add_acme_app_with_client_token();
        env.control.set_device_verification_uri(offered);
        let browser = FakeBrowser::new();
        let child = start_login(&env, &browser);
        let opened = browser.wait_opened(Duration::from_secs(30));
        let stderr = stop(child);
        assert!(opened, "{stderr}");
        assert_eq!(
            browser.file("url.txt"),
            "https://www.facebook.com/device",
            "{offered} was not opened"
        );
        assert!(!stderr.contains(offered), "{offered} not shown: {stderr}");
        assert!(
            stderr.contains("https://www.facebook.com/device")
                && stderr.contains("enter this code"),
            "{stderr}"
        );
    }
}

#[test]
fn a_crash_leaves_a_report_without_the_token_and_says_where() {
    let env = Env::new();
    env.add_acme_app();
    let token = env.token("shoes_messenger");
    let mut c = env.command(&["add", "--name", "Shoes", "--kind", "messenger"]);
    c.env("TOKENWARDEN_TEST_PANIC", "after_token_read");
    let out = support::run_command(c, &token);
    assert_eq!(out.code, 101, "it crashed: {}", out.stderr);
    assert!(!out.stderr.contains(&token), "{}", out.stderr);
    assert!(!out.stderr.contains(&token[..12]), "{}", out.stderr);

    let logs = env.profile_dir().join("logs");
    let reports: Vec<PathBuf> = std::fs::read_dir(&logs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("crash-")
        })
        .collect();
    assert_eq!(reports.len(), 1, "{:?}", std::fs::read_dir(&logs).unwrap());
    let report = std::fs::read_to_string(&reports[0]).unwrap();
    assert!(report.contains("input.rs"), "says where: {report}");
    assert!(!report.contains(&token[..12]), "{report}");
    assert!(
        out.stderr.contains(&reports[0].display().to_string()),
        "stderr names the report: {}",
        out.stderr
    );
    // Nothing was saved by the command that crashed.
    let list = env.list_json();
    assert!(list["channels"].as_array().unwrap().is_empty(), "{list:#}");
    env.assert_no_secret_leaked();
}
