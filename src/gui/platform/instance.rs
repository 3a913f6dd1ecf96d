//! One copy of the window per profile: `acquire` takes an exclusive lock on
//! `<profile>/instance.lock` for the life of the window (a crash releases it). A second launch
//! says so in a small window and on stderr. The command line does not use this lock: it keeps
//! working beside the window through the catalog's own lock.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use eframe::egui;

/// "Tokenwarden is already open for this profile…", in the user's language.
pub fn already_open() -> String {
    crate::words::t("instance-already-open")
}

/// Held while the window is open.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
}

#[derive(Debug)]
pub enum InstanceError {
    /// Another window has this profile open.
    AlreadyOpen,
    /// The lock file could not be made (read-only folder, …): the window opens anyway.
    Unavailable(String),
}

/// Takes the profile's instance lock, or says why not.
pub fn acquire(profile_dir: &Path) -> Result<InstanceLock, InstanceError> {
    let path = profile_dir.join("instance.lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| InstanceError::Unavailable(format!("{}: {e}", path.display())))?;
    match file.try_lock() {
        Ok(()) => Ok(InstanceLock { _file: file }),
        Err(TryLockError::WouldBlock) => Err(InstanceError::AlreadyOpen),
        Err(TryLockError::Error(e)) => Err(InstanceError::Unavailable(format!(
            "{}: {e}",
            path.display()
        ))),
    }
}

/// The small window of a second launch: the message and OK.
#[derive(Default)]
pub struct AlreadyOpenApp;

impl eframe::App for AlreadyOpenApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, show_already_open);
    }

    /// The main window's saved layout is not this window's to overwrite.
    fn persist_egui_memory(&self) -> bool {
        false
    }
}

/// The contents of that window (also used by tests).
pub fn show_already_open(ui: &mut egui::Ui) {
    ui.add_space(8.0);
    ui.add(egui::Label::new(already_open()).wrap());
    ui.add_space(12.0);
    if ui.button(crate::words::t("instance-ok")).clicked() {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// Says that the profile is already open (stderr and a small window); returns exit code 1.
pub fn refuse() -> i32 {
    eprintln!("tokenwarden: {}", already_open());
    let viewport = egui::ViewportBuilder::default()
        .with_title("Tokenwarden")
        .with_app_id(crate::gui::theme::APP_ID)
        .with_inner_size([420.0, 130.0])
        .with_resizable(false);
    let options = eframe::NativeOptions {
        viewport,
        persist_window: false,
        renderer: super::drawing::renderer(),
        ..Default::default()
    };
    // Without a display the message on stderr is all there is; the exit code says the same.
    let _ = eframe::run_native(
        "Tokenwarden",
        options,
        Box::new(|_| Ok(Box::new(AlreadyOpenApp))),
    );
    1
}
