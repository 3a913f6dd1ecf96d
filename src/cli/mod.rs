//! The `tokenwarden` command line: for scripts, support staff and tests. Secrets come from
//! standard input, never from argv. Exit codes and `--json` follow design.md.

mod app;
mod channels;
mod input;
pub mod json;
pub mod output;
mod report;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

use crate::graph::GraphConfig;
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
        #[arg(long)]
        json: bool,
    },
    /// Validates the token on standard input against the channel and replaces its token.
    Renew {
        channel: String,
        /// Save even when the token works but needs attention (expires soon, webhook missing).
        #[arg(long)]
        accept_warnings: bool,
        #[arg(long)]
        json: bool,
    },
    /// Restores the channel's previous token.
    Rollback {
        channel: String,
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
    },
}

/// Prints an error the way every command does, and returns its exit code.
pub fn fail(e: &ServiceError) -> i32 {
    eprintln!("tokenwarden: {e}");
    e.exit_code()
}

pub fn graph_config() -> Result<GraphConfig, ServiceError> {
    Ok(GraphConfig::from_env()?)
}

/// Opens the profile with the chosen secret store (asking for the vault passphrase if needed).
pub fn open_service(profile: Option<PathBuf>) -> Result<Service, ServiceError> {
    let profile = Profile::resolve(profile)?;
    let backend = SecretBackend::from_env(input::ask_passphrase)?;
    let store = Store::open(profile, backend)?;
    Service::new(store, graph_config()?)
}

/// Runs a command-line command; returns the process exit code.
pub fn run(profile: Option<PathBuf>, command: Command) -> i32 {
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("tokenwarden: could not start: {e}");
            return 3;
        }
    };
    rt.block_on(async move {
        match command {
            Command::List { json } => channels::list(profile, json),
            Command::Check { channel, json } => channels::check(profile, channel, json).await,
            Command::Debug { app, kind, json } => channels::debug(profile, app, kind, json).await,
            Command::Add {
                name,
                kind,
                app,
                json,
            } => channels::add(profile, name, kind, app, json).await,
            Command::Renew {
                channel,
                accept_warnings,
                json,
            } => channels::renew(profile, channel, accept_warnings, json).await,
            Command::Rollback { channel, json } => channels::rollback(profile, channel, json).await,
            Command::App {
                command:
                    AppCommand::Add {
                        id,
                        name,
                        secret_stdin,
                        client_token,
                    },
            } => app::add(profile, id, name, secret_stdin, client_token).await,
            Command::Export { redacted } => report::export(profile, redacted).await,
            Command::Inspect { file, json } => report::inspect(file, json),
            Command::Sim { port } => match crate::sim::run_standalone(port).await {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("tokenwarden: the simulator could not start on port {port}: {e}");
                    3
                }
            },
        }
    })
}
