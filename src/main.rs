//! `tokenwarden`: the desktop app, or with a command, the command line (see `cli`).

use clap::Parser;
use tokenwarden::cli::{Cli, run};

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(command) => run(cli.profile, command),
        None => tokenwarden::gui::run(cli.profile, cli.demo),
    };
    std::process::exit(code);
}
