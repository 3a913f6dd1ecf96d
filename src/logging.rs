//! Logs for support: `tracing` into daily files in the profile's `logs/` folder (a week kept),
//! and with `--verbose` on standard error as well. What a support person needs — the command,
//! each check's result with fingerprint and reason codes, errors with Meta's `fbtrace_id` — and
//! never a token or secret: nothing here is handed a `Secret`, and the filter keeps the HTTP
//! libraries (whose debug lines may carry URLs with tokens in the query) out. The folder is
//! owner-only (0700, files 0600 through the process umask, see `process`), and a crash report
//! from `process`'s panic hook lands in it too.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use tracing::Level;
use tracing_appender::rolling::{Builder, Rotation};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::prelude::*;

use crate::service::ChannelView;

/// The folder inside the profile that holds the log files.
pub const LOG_DIR: &str = "logs";
/// Daily files kept; older ones are deleted by the appender.
const KEEP_FILES: usize = 7;

/// Where the logs of a profile go.
pub fn log_dir(profile_dir: &Path) -> PathBuf {
    profile_dir.join(LOG_DIR)
}

/// Starts logging for this process: to files in `dir` (when given and writable) and, when
/// `verbose`, to standard error. Failing to log is never a reason to fail the command.
pub fn init(dir: Option<&Path>, verbose: bool) {
    // Only our own events: the HTTP stack below logs request URLs, which carry tokens.
    let ours = |level| Targets::new().with_target("tokenwarden", level);
    let file = dir.and_then(|d| match file_appender(d) {
        Ok(appender) => Some(
            tracing_subscriber::fmt::layer()
                .with_writer(appender)
                .with_ansi(false)
                .with_filter(ours(Level::INFO)),
        ),
        Err(e) => {
            if verbose {
                eprintln!("tokenwarden: not writing log files to {}: {e}", d.display());
            }
            None
        }
    });
    let stderr = verbose.then(|| {
        tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_ansi(std::io::stderr().is_terminal())
            .with_filter(ours(Level::DEBUG))
    });
    // A second init (tests in one process) keeps the first subscriber; that is fine.
    let _ = tracing_subscriber::registry()
        .with(file)
        .with(stderr)
        .try_init();
}

fn file_appender(dir: &Path) -> Result<tracing_appender::rolling::RollingFileAppender, String> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| e.to_string())?;
    // A planted link would send the log somewhere else; the appender itself would follow it.
    let meta = std::fs::symlink_metadata(dir).map_err(|e| e.to_string())?;
    if !meta.is_dir() {
        return Err("it is a symbolic link or not a folder".into());
    }
    Builder::new()
        .rotation(Rotation::DAILY)
        .filename_prefix("tokenwarden")
        .filename_suffix("log")
        .max_log_files(KEEP_FILES)
        .build(dir)
        .map_err(|e| e.to_string())
}

/// One line per checked channel: what support asks for first.
pub(crate) fn checked(view: &ChannelView) {
    let c = &view.channel;
    let reasons: Vec<&str> = view
        .diagnosis
        .reasons
        .iter()
        .map(|r| r.code.code())
        .collect();
    let graph_error = c
        .last_failure
        .as_ref()
        .and_then(|f| f.graph_error.as_ref())
        .or_else(|| c.last_report.as_ref().and_then(|r| r.error.as_ref()));
    tracing::info!(
        channel = %c.id,
        name = %c.name,
        fingerprint = %c.token.fingerprint,
        health = view.diagnosis.health.code(),
        reasons = ?reasons,
        graph_code = graph_error.map(|e| e.code),
        fbtrace_id = graph_error.and_then(|e| e.fbtrace_id.as_deref()),
        failure = c.last_failure.as_ref().map(|f| f.detail.as_str()),
        "checked"
    );
}
