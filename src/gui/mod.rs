//! The desktop app (eframe/egui): a channel list with details, checks with progress, the renew
//! and add dialogs, apps and settings. The window never waits: `worker` runs the service on its
//! own tokio runtime, the `views` push `intents`, and `app` carries them out (`app::handle`) and
//! applies what the worker answers (`app::apply`).
//!
//! Layers, each using only those after it: `app` → `views` → `widgets` → `intents` → `data` →
//! `worker` → `platform` → `theme`. Nothing after `app` uses it (the `module_graph` tests check
//! that rule and that no import cycle is left).

use eframe::egui;
pub mod app;
pub mod data;
pub mod intents;
pub mod platform;
pub mod theme;
pub mod views;
pub mod widgets;
pub mod worker;

use std::path::PathBuf;

pub use app::{Clock, DesktopOptions, GuiOptions, TICK, TokenwardenApp};
pub use worker::Startup;

/// Opens the window on `profile` (or the default profile), or on the demo; returns the exit code.
pub fn run(profile: Option<PathBuf>, demo: bool) -> i32 {
    crate::process::limit_malloc_arenas();
    crate::process::fix_malloc_mmap_threshold();
    // This window's language setting is the whole process's: a notification phrased off the
    // window's thread speaks it too.
    app::speak_for_the_process();
    // One window per profile; the demo's throw-away profile needs no lock.
    let _instance = match instance_lock(profile.clone(), demo) {
        Ok(lock) => lock,
        Err(()) => return platform::instance::refuse(),
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
        .with_inner_size(theme::WINDOW_SIZE)
        .with_min_inner_size(theme::WINDOW_MIN_SIZE);
    let options = eframe::NativeOptions {
        viewport,
        renderer: platform::drawing::renderer(),
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
            let detail = e.to_string();
            let words = crate::words::t_args("window-could-not-open", &[("detail", detail.into())]);
            eprintln!("{}", crate::words::errors::prefixed(&words));
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
) -> Result<Option<platform::instance::InstanceLock>, ()> {
    if demo {
        return Ok(None);
    }
    let Ok(profile) = crate::store::Profile::resolve(profile) else {
        return Ok(None);
    };
    match platform::instance::acquire(&profile.dir) {
        Ok(lock) => Ok(Some(lock)),
        Err(platform::instance::InstanceError::AlreadyOpen) => Err(()),
        Err(platform::instance::InstanceError::Unavailable(e)) => {
            tracing::warn!("no single-instance lock: {e}");
            Ok(None)
        }
    }
}
