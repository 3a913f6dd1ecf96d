//! The desktop app (eframe/egui): a channel list with details, checks with progress, the renew
//! and add dialogs, apps and settings. The window never waits: `worker` runs the service on its
//! own tokio runtime, the views push commands, and `app` applies what comes back.

use eframe::egui;
mod add;
mod app;
mod apps;
pub mod browser;
pub mod clipboard;
mod demo;
mod details;
mod facts;
mod jobs;
mod layout;
mod list;
pub mod messages;
mod renew;
mod settings;
pub mod state;
pub mod table;
pub mod theme;
mod token_box;
mod unlock;
pub mod worker;

use std::path::PathBuf;

pub use app::{Clock, GuiOptions, TICK, TokenwardenApp};
pub use worker::Startup;

/// Opens the window on `profile` (or the default profile), or on the demo; returns the exit code.
pub fn run(profile: Option<PathBuf>, demo: bool) -> i32 {
    let startup = if demo {
        Startup::Demo
    } else {
        Startup::Profile(profile)
    };
    let viewport = egui::ViewportBuilder::default()
        .with_title("Tokenwarden")
        .with_app_id(theme::APP_ID)
        .with_icon(theme::app_icon(128))
        .with_inner_size([1180.0, 760.0])
        .with_min_inner_size([760.0, 480.0]);
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Tokenwarden",
        options,
        Box::new(move |cc| {
            Ok(Box::new(TokenwardenApp::new(
                cc,
                startup,
                GuiOptions::system(),
            )))
        }),
    );
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!(
                "tokenwarden: the window could not be opened ({e}). The command line still works: \
                 see `tokenwarden --help`."
            );
            3
        }
    }
}
