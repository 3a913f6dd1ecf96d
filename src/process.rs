//! This process's own protections, set once at the start of `main`: files we create are the
//! owner's alone (umask 077), a crash leaves no core dump (which would hold every token in
//! memory), and a panic writes a short report without secrets to the profile's `logs/` folder
//! instead of printing its raw message. Also how a child process is prepared: without our
//! `TOKENWARDEN_*` variables and with the umask and core limit the user had, so a browser we
//! start behaves as if the user had started it (`open_detached`, used by the CLI and the GUI).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// What the user had before `harden`, restored in children.
#[cfg(unix)]
#[derive(Debug, Clone, Copy)]
struct Original {
    umask: libc::mode_t,
    core: libc::rlimit,
}

#[cfg(unix)]
static ORIGINAL: OnceLock<Original> = OnceLock::new();

/// Where a panic report goes (the profile's log folder), once known.
static REPORT_DIR: OnceLock<PathBuf> = OnceLock::new();

/// Private file mode and no core dumps for this process. Call once, early in `main`.
pub fn harden() {
    #[cfg(unix)]
    {
        let mut core = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: plain system calls with valid pointers to local values; umask and
        // getrlimit/setrlimit have no memory-safety preconditions.
        unsafe {
            let umask = libc::umask(0o077);
            if libc::getrlimit(libc::RLIMIT_CORE, &mut core) != 0 {
                core = libc::rlimit {
                    rlim_cur: libc::RLIM_INFINITY,
                    rlim_max: libc::RLIM_INFINITY,
                };
            }
            let _ = ORIGINAL.set(Original { umask, core });
            // The soft limit 0 is enough to stop dumps; the hard limit stays so that a child
            // gets the user's own limit back.
            let none = libc::rlimit {
                rlim_cur: 0,
                rlim_max: core.rlim_max,
            };
            libc::setrlimit(libc::RLIMIT_CORE, &none);
        }
    }
    // Linux also hands a dying process to a core handler (systemd-coredump, apport) that may
    // ignore the limit; not dumpable keeps it, and other users' debuggers, away from memory.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    // SAFETY: prctl with PR_SET_DUMPABLE takes plain integers.
    unsafe {
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
}

/// Prepares `command` to start a process of the user's: none of our variables, and the
/// user's own umask and core limit back.
pub fn for_child(command: &mut Command) -> &mut Command {
    crate::env::scrub(command);
    #[cfg(unix)]
    if let Some(original) = ORIGINAL.get().copied() {
        use std::os::unix::process::CommandExt;
        // SAFETY: the closure runs between fork and exec and only makes two async-signal-safe
        // system calls on copied plain values; it allocates nothing and takes no lock.
        unsafe {
            command.pre_exec(move || {
                libc::umask(original.umask);
                libc::setrlimit(libc::RLIMIT_CORE, &original.core);
                Ok(())
            });
        }
    }
    command
}

/// Opens `target` (a web address or a folder) with the user's default application, as a
/// process of its own that outlives us and gets none of our variables. Tests may name a
/// stand-in command in `TOKENWARDEN_TEST_BROWSER`.
pub fn open_detached(target: &str) -> Result<(), String> {
    let commands = match crate::env::var(crate::env::TEST_BROWSER_ENV) {
        Some(program) => {
            let mut c = Command::new(program);
            c.arg(target);
            vec![c]
        }
        None => open::commands(target),
    };
    let mut last_error = String::from("no way to open it is known on this system");
    for mut command in commands {
        for_child(&mut command)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        // Its own process group: Ctrl-C in our terminal must not close the user's browser.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        match command.spawn() {
            Ok(mut child) => {
                // Reaped on a side thread, so no zombie is left behind while we run on.
                let _ = std::thread::Builder::new()
                    .name("tokenwarden-opener".into())
                    .spawn(move || child.wait());
                return Ok(());
            }
            Err(e) => last_error = e.to_string(),
        }
    }
    Err(format!("The browser could not be opened: {last_error}"))
}

/// From now on a panic report goes into `dir` (the profile's log folder).
pub fn set_report_dir(dir: &Path) {
    let _ = REPORT_DIR.set(dir.to_path_buf());
}

/// Replaces the default panic message (which prints whatever the panic carried, possibly a
/// token) with a short report in the log folder and one line on standard error saying where.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_else(|| "unknown place".into());
        let raw = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let message = sanitize(&raw);
        let thread = std::thread::current()
            .name()
            .unwrap_or("unnamed")
            .to_string();
        let report = format!(
            "Tokenwarden {} had an internal error.\n\
             time: {}\nthread: {thread}\nplace: {location}\nmessage (shortened, \
             long words removed): {message}\n\
             No token or secret is written here.\n",
            env!("CARGO_PKG_VERSION"),
            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        );
        match REPORT_DIR.get().map(|d| write_report(d, &report)) {
            Some(Ok(path)) => eprintln!(
                "tokenwarden: an internal error happened (at {location}). A short report \
                 without tokens is in {}; please send it to whoever supports you. Saved changes \
                 are all or nothing, so nothing was half saved; run the command again to see \
                 where things stand.",
                path.display()
            ),
            _ => eprintln!("tokenwarden: an internal error happened (at {location}): {message}"),
        }
    }));
}

/// Writes `report` to a new owner-only file in `dir`; returns its path.
fn write_report(dir: &Path, report: &str) -> std::io::Result<PathBuf> {
    use std::io::Write;
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    let name = format!(
        "crash-{}-{}.txt",
        chrono::Utc::now().format("%Y%m%dT%H%M%SZ"),
        std::process::id()
    );
    let path = dir.join(name);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(&path)?.write_all(report.as_bytes())?;
    Ok(path)
}

/// Longest word kept from a panic message: ids, numbers and tokens are longer.
const LONGEST_WORD: usize = 12;
/// Characters kept from a panic message.
const LONGEST_MESSAGE: usize = 200;

/// A panic message fit for a report: its first line only, anything in quotes or brackets
/// removed (where formatted values usually sit), and every long word — a token, an id, a
/// number — replaced by "…". Conservative on purpose: a report may lose a detail, never leak.
pub fn sanitize(message: &str) -> String {
    let first_line = message.lines().next().unwrap_or_default();
    let mut out = String::new();
    let mut depth = 0usize;
    let mut quoted: Option<char> = None;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.chars().count() > LONGEST_WORD || word.chars().any(|c| c.is_ascii_digit()) {
            out.push('…');
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in first_line.chars() {
        if let Some(q) = quoted {
            if c == q {
                quoted = None;
                out.push('…');
                out.push(q);
            }
            continue;
        }
        match c {
            '"' | '\'' | '`' if depth == 0 => {
                flush(&mut word, &mut out);
                out.push(c);
                quoted = Some(c);
            }
            '(' | '[' | '{' => {
                flush(&mut word, &mut out);
                if depth == 0 {
                    out.push(c);
                    out.push('…');
                }
                depth += 1;
            }
            ')' | ']' | '}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(c);
                }
            }
            _ if depth > 0 => {}
            c if c.is_alphanumeric() || c == '_' || c == '-' => word.push(c),
            c if c.is_control() => {}
            c => {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
    }
    flush(&mut word, &mut out);
    out.chars().take(LONGEST_MESSAGE).collect()
}

/// Hands memory the allocator keeps after a big load back to the system. glibc keeps freed
/// blocks (of every thread's arena) for reuse; after the window replaced a catalog of 10,000
/// channels, that was tens of megabytes the idle window went on holding.
pub fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory; it takes the allocator's own locks.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// At most two glibc malloc arenas for the window's process. glibc gives each thread that
/// allocates its own arena (up to 8 per core), and the window runs many (the runtime, the
/// renderer's, fonts, D-Bus); freed memory then stays spread over arenas that `malloc_trim`
/// cannot fully return. Measured with 10,000 channels under Xvfb (`cargo bench --bench
/// window`): idle private memory 84 -> 63 MB, RSS 178 -> 157 MB (medians of 6 and 7 runs).
/// A `MALLOC_ARENA_MAX` set by the user wins. Call it before other threads start.
pub fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only changes the allocator's own settings, under its own lock.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}

/// Blocks of 128 KiB and up always come straight from the system in the window's process, so
/// freeing one returns it. glibc otherwise raises that threshold to the largest block freed so
/// far (loading 10,000 channels frees blocks of megabytes) and then keeps such blocks in its
/// heap once freed. Measured with 10,000 channels under Xvfb (glow): idle RSS 143/176/143 MB
/// -> 144/143/142 MB in three runs each, peak 202 -> 188 MB. A `MALLOC_MMAP_THRESHOLD_` set
/// by the user wins.
pub fn fix_malloc_mmap_threshold() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_none() {
        // SAFETY: mallopt only changes the allocator's own settings, under its own lock.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_message_keeps_its_words_and_loses_its_values() {
        let token = "EAABwzLixnjYBO1234abcdEFGH";
        let msg = format!("called `Result::unwrap()` on an `Err` value: Bad {{ token: {token} }}");
        let clean = sanitize(&msg);
        assert!(!clean.contains(token), "{clean}");
        assert!(!clean.contains("EAAB"), "{clean}");
        assert!(
            clean.starts_with("called `…` on an `…` value: Bad {…}"),
            "{clean}"
        );
        assert_eq!(sanitize(&format!("token was {token}")), "token was …");
        assert_eq!(sanitize("id 123 missing\nsecond line"), "id … missing");
        assert_eq!(sanitize("said \"EAAB x y\" twice"), "said \"…\" twice");
    }
}
