//! The `tokenwarden` command line: for scripts, support staff and tests. Secrets come from
//! standard input, never from argv. Exit codes and `--json` follow design.md.

mod app;
mod backup;
mod channels;
pub mod help;
mod history;
mod import;
mod input;
pub mod json;
mod lifecycle;
mod login;
pub mod output;
mod reminders;
mod report;
mod workspace;

use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;

use crate::graph::GraphConfig;
use crate::service::login::RenewOptions;
use crate::service::{Service, ServiceError};
use crate::store::{Profile, SecretBackend, Store};

#[derive(Parser, Debug)]
#[command(
    name = "tokenwarden",
    version,
    about = "Keeps the access tokens of your Facebook, Messenger, Instagram and WhatsApp channels alive.",
    after_help = "Without a command, the desktop app opens. Tokens are read from standard input, never from the command line."
)]
pub struct Cli {
    /// Use this profile folder instead of the default (also TOKENWARDEN_PROFILE).
    #[arg(long, global = true, value_name = "DIR")]
    pub profile: Option<PathBuf>,
    /// Open the desktop app on a throw-away profile with a built-in simulated Facebook.
    #[arg(long)]
    pub demo: bool,
    /// Also print the log on standard error (it always goes to the profile's logs/ folder).
    #[arg(long, short, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Saved channels with their last known health (no network needed).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Checks all channels (or one) online and saves the result.
    Check {
        /// Channel id or exact name; all channels when left out.
        channel: Option<String>,
        #[arg(long)]
        json: bool,
        /// Raise a desktop notification for each channel that turned broken or needs attention
        /// since the last one (for cron, launchd or Task Scheduler). Checks all channels.
        #[arg(long, conflicts_with = "channel")]
        notify: bool,
        /// With --notify: remind this many days before a token expires (default: the setting,
        /// 7 days).
        #[arg(long, requires = "notify", value_name = "DAYS")]
        lead_days: Option<u32>,
    },
    /// Shows the debugger facts of a token read from standard input; saves nothing.
    Debug {
        #[arg(long, value_name = "APP_ID")]
        app: Option<String>,
        /// Judge the token as the token of this kind of channel.
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Validates the token on standard input and saves it as a new channel.
    Add {
        #[arg(long)]
        name: String,
        /// facebook_page, messenger, instagram or whatsapp.
        #[arg(long)]
        kind: String,
        #[arg(long, value_name = "APP_ID")]
        app: Option<String>,
        /// The Page's id, when the pasted token is a person's (User) token: its Page token is used.
        #[arg(long, value_name = "PAGE_ID")]
        page: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Adds many channels: JSON lines on standard input, one {"name", "kind", "app", "page",
    /// "token"} per channel (app and page optional, as for add). Each token is validated like
    /// add's; bad lines are refused by number, the rest saved; a summary at the end.
    Import {
        #[arg(long)]
        json: bool,
    },
    /// Validates the token on standard input against the channel and replaces its token.
    Renew {
        channel: String,
        /// Save even when the token works but needs attention (expires soon, webhook missing).
        #[arg(long)]
        accept_warnings: bool,
        /// Subscribe the Page to the app's webhook again if the renewal leaves it unsubscribed.
        #[arg(long)]
        subscribe_webhook: bool,
        /// With a person's (User) token: renew every channel that broke for the same cause of
        /// the same person (e.g. one password change) from this one login.
        #[arg(long)]
        group: bool,
        #[arg(long)]
        json: bool,
    },
    /// Logs in with Facebook (device code), then renews a channel or adds a new one.
    #[command(group(clap::ArgGroup::new("target").required(true).args(["channel", "name"])))]
    Login {
        #[arg(long, value_name = "APP_ID")]
        app: String,
        /// The channel to renew.
        #[arg(long, conflicts_with_all = ["name", "kind", "page"])]
        channel: Option<String>,
        /// Also renew every channel broken for the same cause of the same person.
        #[arg(long, requires = "channel")]
        group: bool,
        /// Name of a new channel to add (with --kind and --page).
        #[arg(long, requires_all = ["kind", "page"])]
        name: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long, value_name = "PAGE_ID")]
        page: Option<String>,
        /// Only print the address and code; do not open the browser.
        #[arg(long)]
        no_browser: bool,
        #[arg(long)]
        accept_warnings: bool,
        #[arg(long)]
        subscribe_webhook: bool,
        #[arg(long)]
        json: bool,
    },
    /// Step-by-step renewal guide for a channel, to follow or send to a customer (no token in it).
    Guide { channel: String },
    /// Restores the channel's previous token after checking online that it still works for
    /// the channel.
    Rollback {
        channel: String,
        /// Put it back without checking it (offline, or on purpose).
        #[arg(long)]
        force: bool,
        #[arg(long)]
        json: bool,
    },
    /// Removes a channel: its tokens are deleted from the secret store, its history stays.
    Remove {
        /// Channel id or exact name.
        channel: String,
        /// Remove without asking (needed when not run on a terminal).
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
    /// Gives a channel another name.
    Rename {
        /// Channel id or exact name.
        channel: String,
        new_name: String,
        #[arg(long)]
        json: bool,
    },
    /// Meta apps the channels belong to.
    App {
        #[command(subcommand)]
        command: AppCommand,
    },
    /// Writes a redacted report (no tokens, no secrets) for support.
    Export {
        #[arg(long, value_name = "FILE")]
        redacted: PathBuf,
    },
    /// Shows a report made by `export`, with countdowns recomputed to now.
    Inspect {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Writes every app, channel and token to one passphrase-protected file (asked twice, or
    /// TOKENWARDEN_BACKUP_PASSPHRASE).
    Backup { file: PathBuf },
    /// Restores a backup: shows what it will add or change, then applies it when confirmed.
    Restore {
        file: PathBuf,
        /// Apply without asking.
        #[arg(long)]
        yes: bool,
        /// Also replace tokens saved in this profile after the backup was made.
        #[arg(long)]
        overwrite_newer: bool,
    },
    /// What happened to a channel: added, replaced, rolled back, restored, health changes.
    History {
        channel: String,
        #[arg(long)]
        json: bool,
    },
    /// No reminders for a channel for some days.
    Snooze {
        channel: String,
        #[arg(long, default_value_t = 7)]
        days: u32,
        /// Turn the channel's reminders back on.
        #[arg(long, conflicts_with = "days")]
        off: bool,
    },
    /// A team workspace on PostgreSQL: the catalog shared, tokens sealed to its renewers.
    Workspace {
        #[command(subcommand)]
        command: workspace::WorkspaceCommand,
    },
    /// Runs the Graph API simulator alone (training, tests).
    Sim {
        #[arg(long, default_value_t = 8765)]
        port: u16,
    },
}

#[derive(Subcommand, Debug)]
pub enum AppCommand {
    /// Saves a Meta app. The secret is read from standard input with --secret-stdin.
    Add {
        #[arg(long)]
        id: String,
        #[arg(long)]
        name: String,
        /// Read the app secret from standard input (it is stored in the secret store).
        #[arg(long)]
        secret_stdin: bool,
        /// The app's client token (Settings > Advanced); not a secret.
        #[arg(long)]
        client_token: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Removes a saved app and its secret; refused while a channel uses it.
    Remove {
        app_id: String,
        /// Remove without asking (needed when not run on a terminal).
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
    /// Gives a saved app another name.
    Rename {
        app_id: String,
        new_name: String,
        #[arg(long)]
        json: bool,
    },
}

/// Prints an error the way every command does, and returns its exit code.
pub fn fail(e: &ServiceError) -> i32 {
    let fbtrace_id = match e {
        ServiceError::Graph(g) => g.graph_error().and_then(|g| g.fbtrace_id.clone()),
        _ => None,
    };
    // The log stays in English for whoever reads it later; the person reads their language.
    tracing::error!(exit_code = e.exit_code(), fbtrace_id, "{e}");
    output::eprint_error(&crate::words::errors::error(e));
    e.exit_code()
}

pub fn graph_config() -> Result<GraphConfig, ServiceError> {
    Ok(GraphConfig::from_env()?)
}

/// Opens the profile with the chosen secret store (asking for the vault passphrase if needed).
/// A vault that does not exist yet gets a new passphrase by the desktop app's rules: typed
/// twice on a terminal, at least 8 characters wherever it comes from.
pub fn open_service(profile: Option<PathBuf>) -> Result<Service, ServiceError> {
    let profile = Profile::resolve(profile)?;
    let backend = choose_backend(&profile)?;
    let store = Store::open(profile, backend)?;
    Service::new(store, graph_config()?)
}

/// The profile's own secret store as the environment chooses it, asking for a passphrase when
/// needed (see `open_service`).
pub fn choose_backend(profile: &Profile) -> Result<SecretBackend, ServiceError> {
    let creating = !profile.vault_path().exists();
    let mut asked: Option<ServiceError> = None;
    let backend = SecretBackend::from_env(|| {
        if !creating {
            return input::ask_passphrase();
        }
        if !std::io::stdin().is_terminal() {
            return None;
        }
        input::ask_new_passphrase("vault")
            .map_err(|e| asked = Some(e))
            .ok()
    });
    if let Some(e) = asked {
        return Err(e);
    }
    let backend = backend?;
    if let (true, SecretBackend::Vault { passphrase }) = (creating, &backend) {
        input::check_new_passphrase(passphrase, "vault")?;
    }
    Ok(backend)
}

/// A command is a short run: glibc's allocator hands each large block (the catalog file's
/// bytes, a list's vectors) back to the system when it is freed and takes fresh pages for the
/// next, and every fresh page is a page fault. Kept for reuse instead, `list` of 10,000
/// channels takes a quarter fewer faults and about a fifth less CPU. Not for the window, which
/// runs for hours and should give memory back.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn reuse_freed_memory() {
    // SAFETY: mallopt only sets two of glibc's allocation thresholds (32 MB, its largest
    // mmap threshold; 64 MB), under glibc's own arena lock.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
    }
    heap_in_huge_pages();
}

/// Even kept, every page a command touches first is a fault, and on this kind of virtual
/// machine a fault costs about 2.5 µs: `list` of 10,000 channels touches 17 MB of heap in
/// 4,000 faults, a quarter of its CPU time. The heap's next 24 MB are therefore marked for
/// transparent huge pages (2 MB a fault), as glibc's own `glibc.malloc.hugetlb=1` tunable
/// does, which a program cannot set for itself once started: the heap is grown by one block
/// that is freed again (it stays, under the trim threshold) and the kernel is told about the
/// range. Untouched, the range costs no memory; where the kernel has no huge pages, or they
/// are switched off, the advice changes nothing.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn heap_in_huge_pages() {
    const HEAP: usize = 24 << 20;
    const HUGE: usize = 2 << 20;
    // SAFETY: a block from malloc, freed once; madvise(MADV_HUGEPAGE) changes no byte and no
    // mapping, only how the kernel backs the range, and is only given heap pages (below
    // the program break) that the block spanned.
    unsafe {
        let block = libc::malloc(HEAP);
        if block.is_null() {
            return;
        }
        let (start, brk) = (block as usize, libc::sbrk(0) as usize);
        libc::free(block);
        // A block from mmap instead (no room to grow the heap) was given back by free.
        if start + HEAP > brk || brk - start > HEAP + HUGE {
            return;
        }
        let first = start.next_multiple_of(HUGE);
        if first < brk {
            libc::madvise(first as *mut libc::c_void, brk - first, libc::MADV_HUGEPAGE);
        }
    }
}

/// Runs a command-line command; returns the process exit code.
pub fn run(profile: Option<PathBuf>, command: Command) -> i32 {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    reuse_freed_memory();
    // `list` reads one file and prints: no runtime, whose worker threads it would only start
    // and stop (and whose memory arenas count in its peak).
    if let Command::List { json } = command {
        return channels::list(profile, json);
    }
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            output::eprint_error(&crate::words::t_args(
                "cli-could-not-start",
                &[("detail", e.to_string().into())],
            ));
            return 3;
        }
    };
    rt.block_on(async move {
        match command {
            Command::List { json } => channels::list(profile, json),
            Command::Check {
                json,
                notify: true,
                lead_days,
                ..
            } => reminders::check_notify(profile, json, lead_days).await,
            Command::Check { channel, json, .. } => channels::check(profile, channel, json).await,
            Command::Backup { file } => backup::backup(profile, file).await,
            Command::Restore {
                file,
                yes,
                overwrite_newer,
            } => backup::restore(profile, file, yes, overwrite_newer).await,
            Command::History { channel, json } => history::history(profile, channel, json),
            Command::Snooze { channel, days, off } => {
                reminders::snooze(profile, channel, days, off).await
            }
            Command::Debug { app, kind, json } => channels::debug(profile, app, kind, json).await,
            Command::Add {
                name,
                kind,
                app,
                page,
                json,
            } => channels::add(profile, name, kind, app, page, json).await,
            Command::Import { json } => import::import(profile, json).await,
            Command::Renew {
                channel,
                accept_warnings,
                subscribe_webhook,
                group,
                json,
            } => {
                let opts = RenewOptions {
                    accept_warnings,
                    subscribe_webhook,
                    group,
                };
                channels::renew(profile, channel, opts, json).await
            }
            Command::Login {
                app,
                channel,
                group,
                name,
                kind,
                page,
                no_browser,
                accept_warnings,
                subscribe_webhook,
                json,
            } => {
                let opts = RenewOptions {
                    accept_warnings,
                    subscribe_webhook,
                    group,
                };
                let target = match (channel, name, kind, page) {
                    (Some(c), ..) => login::Target::Renew(c),
                    (None, Some(n), Some(k), Some(p)) => login::Target::Add {
                        name: n,
                        kind: k,
                        page: p,
                    },
                    _ => {
                        return fail(&ServiceError::said(crate::words::t("cli-login-target")));
                    }
                };
                login::login(profile, app, target, opts, no_browser, json).await
            }
            Command::Guide { channel } => channels::guide(profile, channel).await,
            Command::Rollback {
                channel,
                force,
                json,
            } => channels::rollback(profile, channel, force, json).await,
            Command::App {
                command:
                    AppCommand::Add {
                        id,
                        name,
                        secret_stdin,
                        client_token,
                        json,
                    },
            } => app::add(profile, id, name, secret_stdin, client_token, json).await,
            Command::App {
                command: AppCommand::Remove { app_id, yes, json },
            } => lifecycle::app_remove(profile, app_id, yes, json).await,
            Command::App {
                command:
                    AppCommand::Rename {
                        app_id,
                        new_name,
                        json,
                    },
            } => lifecycle::app_rename(profile, app_id, new_name, json),
            Command::Remove { channel, yes, json } => {
                lifecycle::remove(profile, channel, yes, json).await
            }
            Command::Rename {
                channel,
                new_name,
                json,
            } => lifecycle::rename(profile, channel, new_name, json),
            Command::Workspace { command } => workspace::run(profile, command).await,
            Command::Export { redacted } => report::export(profile, redacted).await,
            Command::Inspect { file, json } => report::inspect(file, json),
            Command::Sim { port } => match crate::sim::run_standalone(port).await {
                Ok(()) => 0,
                Err(e) => {
                    output::eprint_error(&crate::words::t_args(
                        "cli-sim-could-not-start",
                        &[("port", port.into()), ("detail", e.to_string().into())],
                    ));
                    3
                }
            },
        }
    })
}
