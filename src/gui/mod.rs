//! The desktop app (eframe/egui): a channel list with details, checks with progress, the renew
//! and add dialogs, apps and settings. The window never waits: `worker` runs the service on its
//! own tokio runtime, the views push commands, and `app` applies what comes back.

use eframe::egui;
mod add;
mod app;
mod apps;
mod backup;
pub mod browser;
pub mod clipboard;
mod demo;
mod desktop;
pub mod desktop_jobs;
mod details;
pub mod dialogs;
mod facts;
mod flows;
mod groups;
mod guide;
mod history;
pub mod instance;
mod job_steps;
mod jobs;
mod layout;
pub mod lifecycle;
mod lifecycle_jobs;
mod list;
mod login;
pub mod login_jobs;
pub mod messages;
mod page_picker;
mod reminders;
mod renew;
mod renew_login;
mod report_view;
mod rollback;
mod settings;
mod settings_desktop;
mod spinner;
pub mod state;
pub mod table;
mod technical;
pub mod theme;
mod token_box;
mod unlock;
pub mod worker;

use std::path::PathBuf;

pub use app::{Clock, DesktopOptions, GuiOptions, TICK, TokenwardenApp};
pub use worker::Startup;

/// Opens the window on `profile` (or the default profile), or on the demo; returns the exit code.
pub fn run(profile: Option<PathBuf>, demo: bool) -> i32 {
    crate::process::limit_malloc_arenas();
    // One window per profile; the demo's throw-away profile needs no lock.
    let _instance = match instance_lock(profile.clone(), demo) {
        Ok(lock) => lock,
        Err(()) => return instance::refuse(),
    };
    let startup = if demo {
        Startup::Demo
    } else {
        Startup::Profile(profile)
    };
    let viewport = egui::ViewportBuilder::default()
        .with_title("Tokenwarden")
        .with_app_id(theme::APP_ID)
        .with_icon(theme::app_icon())
        .with_inner_size([1180.0, 760.0])
        .with_min_inner_size(theme::WINDOW_MIN_SIZE);
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Tokenwarden",
        options,
        Box::new(move |cc| {
            Ok(Box::new(TokenwardenApp::with_desktop(
                cc,
                startup,
                GuiOptions::system(),
                DesktopOptions::system(),
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

/// The profile's instance lock, kept by the caller while the window is open. `Err` when another
/// window has the profile; a profile that cannot be resolved or locked is left to the worker,
/// which explains the problem in the window.
fn instance_lock(
    profile: Option<PathBuf>,
    demo: bool,
) -> Result<Option<instance::InstanceLock>, ()> {
    if demo {
        return Ok(None);
    }
    let Ok(profile) = crate::store::Profile::resolve(profile) else {
        return Ok(None);
    };
    match instance::acquire(&profile.dir) {
        Ok(lock) => Ok(Some(lock)),
        Err(instance::InstanceError::AlreadyOpen) => Err(()),
        Err(instance::InstanceError::Unavailable(e)) => {
            tracing::warn!("no single-instance lock: {e}");
            Ok(None)
        }
    }
}
