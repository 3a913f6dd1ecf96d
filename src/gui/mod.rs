//! The desktop app (eframe/egui). Placeholder until the GUI lands.

use std::path::PathBuf;

pub fn run(_profile: Option<PathBuf>, _demo: bool) -> i32 {
    eprintln!(
        "tokenwarden: the desktop app is not built yet; see `tokenwarden --help` for the command line."
    );
    2
}
