#![cfg_attr(windows, windows_subsystem = "windows")]
//! `tokenwarden`: the desktop app, or with a command, the command line (see `cli`).
//!
//! On Windows it is a GUI program, so no console window flashes up behind the app; started with
//! arguments from a terminal, it attaches to that terminal so that the command line still prints.

use clap::{CommandFactory, FromArgMatches};
use tokenwarden::cli::{Cli, run};

fn main() {
    // `tokenwarden list | head` should just stop when the reader goes away, as other Unix
    // tools do, not panic with "Broken pipe": Rust ignores SIGPIPE unless told otherwise.
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to the default, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    #[cfg(windows)]
    if std::env::args_os().len() > 1 {
        attach_parent_console();
    }
    tokenwarden::process::harden();
    tokenwarden::process::install_panic_hook();
    // Before clap: `--help` speaks the user's language too.
    tokenwarden::words::init_from_env();
    let matches =
        tokenwarden::cli::help::matches_or_exit(tokenwarden::cli::help::localized(Cli::command()));
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| tokenwarden::cli::help::exit(e));
    // SAFETY: still the only thread (no runtime, logger or GUI has started), and clap has
    // read its arguments: from here on our settings live in the snapshot, not the environment
    // that a browser or file dialog we start would inherit.
    unsafe { tokenwarden::env::take_snapshot() };
    let command = matches
        .subcommand_name()
        .unwrap_or(if cli.demo { "demo" } else { "gui" })
        .to_string();
    start_logging(&cli, &command);
    tracing::info!(command, version = env!("CARGO_PKG_VERSION"), "start");
    let code = match cli.command {
        Some(command) => run(cli.profile, command),
        None => tokenwarden::gui::run(cli.profile, cli.demo),
    };
    tracing::info!(command, exit_code = code, "end");
    std::process::exit(code);
}

/// Commands that use no profile (and the throw-away demo) log to standard error only.
fn start_logging(cli: &Cli, command: &str) {
    let dir = match command {
        "sim" | "inspect" | "demo" => None,
        _ => tokenwarden::store::Profile::resolve(cli.profile.clone())
            .ok()
            .map(|p| tokenwarden::logging::log_dir(&p.dir)),
    };
    if let Some(dir) = &dir {
        tokenwarden::process::set_report_dir(dir);
    }
    tokenwarden::logging::init(dir.as_deref(), cli.verbose);
}

#[cfg(windows)]
fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: a plain Win32 call with a constant argument. It fails when there is no parent
    // console (started from Explorer), which is exactly when nothing should be printed.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}
