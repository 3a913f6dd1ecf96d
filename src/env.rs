//! Tokenwarden's own settings from the environment (`TOKENWARDEN_*`), kept away from the
//! processes we start. `main` calls `take_snapshot` once, while the program is still one
//! thread: every `TOKENWARDEN_*` variable moves into a private copy and leaves the real
//! environment, so a browser, a file dialog helper or any other child inherits none of them
//! (one of them may be the vault passphrase). Code reads them through `var`; without a
//! snapshot (library tests, the GUI test harness) `var` reads the real environment.

use std::collections::HashMap;
use std::sync::OnceLock;

use zeroize::Zeroizing;

/// The prefix of every variable that is Tokenwarden's alone.
pub const PREFIX: &str = "TOKENWARDEN_";

/// Test-only: names a command that stands in for the system browser, so a test can see what
/// a started process receives. Never needed by a user.
pub const TEST_BROWSER_ENV: &str = "TOKENWARDEN_TEST_BROWSER";
/// Test-only: makes the program panic at a named point (`after_token_read`,
/// `after_secret_saved`), to prove that a crash leaves a report without a secret and that
/// a half-finished change is cleaned up later. Never needed by a user.
pub const TEST_PANIC_ENV: &str = "TOKENWARDEN_TEST_PANIC";

/// Test-only: `POINT=FILE` makes the program stop at a named point (`before_workspace_write`,
/// `before_token_swap`),
/// create FILE and wait until the test removes it (at most a minute), so a test can make
/// another member's change land exactly there. Never needed by a user.
pub const TEST_PAUSE_ENV: &str = "TOKENWARDEN_TEST_PAUSE";

/// Values are zeroized when dropped: one of them may be a passphrase.
static SNAPSHOT: OnceLock<HashMap<String, Zeroizing<String>>> = OnceLock::new();

/// Moves every `TOKENWARDEN_*` variable out of the process environment into the snapshot.
///
/// # Safety
/// Changes the process environment: call it only while no other thread exists (at the start
/// of `main`, before any runtime, logger or GUI starts), because another thread reading the
/// environment at the same time is undefined behaviour on most platforms.
pub unsafe fn take_snapshot() {
    let ours: Vec<(String, String)> = std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
        .filter(|(k, _)| k.starts_with(PREFIX))
        .collect();
    let mut snapshot = HashMap::new();
    for (k, v) in ours {
        // SAFETY: the caller promises that this thread is the only one (see above).
        unsafe { std::env::remove_var(&k) };
        snapshot.insert(k, Zeroizing::new(v));
    }
    // A non-UTF-8 TOKENWARDEN_ variable is none of ours; it is removed all the same.
    let odd: Vec<_> = std::env::vars_os()
        .map(|(k, _)| k)
        .filter(|k| k.to_string_lossy().starts_with(PREFIX))
        .collect();
    for k in odd {
        // SAFETY: as above.
        unsafe { std::env::remove_var(&k) };
    }
    let _ = SNAPSHOT.set(snapshot);
}

/// The value of one of our settings: from the snapshot once taken, else the environment.
pub fn var(name: &str) -> Option<String> {
    match SNAPSHOT.get() {
        Some(snapshot) => snapshot.get(name).map(|v| v.as_str().to_owned()),
        None => std::env::var(name).ok(),
    }
}

/// Every `TOKENWARDEN_*` name still in the real environment (none once the snapshot was
/// taken): what a `Command` we build must remove for its child.
pub fn names_to_scrub() -> Vec<std::ffi::OsString> {
    std::env::vars_os()
        .map(|(k, _)| k)
        .filter(|k| k.to_string_lossy().starts_with(PREFIX))
        .collect()
}

/// A `Command` for a child process with none of our variables, whether or not the snapshot
/// was taken (the GUI tests run without one).
pub fn scrub(command: &mut std::process::Command) -> &mut std::process::Command {
    for k in names_to_scrub() {
        command.env_remove(k);
    }
    command
}

/// Waits at the test-only pause point `point` when it was asked for (see `TEST_PAUSE_ENV`).
pub fn test_pause(point: &str) {
    let Some(asked) = var(TEST_PAUSE_ENV) else {
        return;
    };
    let Some(file) = asked.strip_prefix(point).and_then(|r| r.strip_prefix('=')) else {
        return;
    };
    let file = std::path::Path::new(file);
    if std::fs::write(file, b"paused").is_err() {
        return;
    }
    let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while file.exists() && std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// True when the test-only panic point `point` was asked for.
pub fn test_panic_requested(point: &str) -> bool {
    var(TEST_PANIC_ENV).as_deref() == Some(point)
}
