//! The system's file dialogs ("Export report…", "Open report…", backup and restore), behind a
//! small trait so tests hand over paths instead of opening a window. A dialog is built on the
//! window's thread and awaited by the worker (rfd's advice with eframe): the window never waits.

use std::collections::VecDeque;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};

/// What the user picked, once the dialog closes; `None` when it was cancelled.
pub type PathPick = Pin<Box<dyn Future<Output = Option<PathBuf>> + Send>>;

/// Which file a dialog asks for: decides its title, file type and suggested name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Where to save a support report.
    SaveReport,
    /// A support report to look at.
    OpenReport,
    /// Where to save a backup.
    SaveBackup,
    /// A backup to restore.
    OpenBackup,
}

impl FileKind {
    pub fn title(self) -> String {
        crate::words::t(match self {
            FileKind::SaveReport => "file-save-report",
            FileKind::OpenReport => "file-open-report",
            FileKind::SaveBackup => "file-save-backup",
            FileKind::OpenBackup => "file-open-backup",
        })
    }

    pub fn saves(self) -> bool {
        matches!(self, FileKind::SaveReport | FileKind::SaveBackup)
    }

    fn filter(self) -> (String, &'static str) {
        match self {
            FileKind::SaveReport | FileKind::OpenReport => {
                (crate::words::t("file-filter-report"), "json")
            }
            FileKind::SaveBackup | FileKind::OpenBackup => {
                (crate::words::t("file-filter-backup"), "age")
            }
        }
    }

    pub fn suggested_name(self) -> &'static str {
        match self {
            FileKind::SaveReport | FileKind::OpenReport => "tokenwarden-report.json",
            FileKind::SaveBackup | FileKind::OpenBackup => "tokenwarden-backup.age",
        }
    }
}

/// Asks the user for a file. Called on the window's thread; the returned future is awaited by
/// the worker.
pub trait FileDialogs: Send {
    fn pick(&mut self, kind: FileKind, folder: Option<PathBuf>) -> PathPick;
    /// Whether a dialog can be shown at all; without one the window asks for a path in a field
    /// (a dialog that cannot open would look like a cancel: a silent no-op).
    fn available(&self) -> bool {
        true
    }
}

/// Where files go unless the user says otherwise: the Documents folder (the home folder, the
/// temporary folder when there is none).
pub fn documents_dir() -> PathBuf {
    directories::UserDirs::new()
        .map(|u| {
            u.document_dir()
                .unwrap_or_else(|| u.home_dir())
                .to_path_buf()
        })
        .unwrap_or_else(std::env::temp_dir)
}

/// A dialog service on Linux and the BSDs: rfd asks the desktop portal over the D-Bus session
/// bus, and falls back to zenity. Elsewhere the system always has its own dialogs.
#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn dialog_service() -> bool {
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(name).is_file()))
    };
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty()) || on_path("zenity")
}

#[cfg(not(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
)))]
fn dialog_service() -> bool {
    true
}

/// The system's dialogs through `rfd` (the desktop portal on Linux, zenity as a fallback).
#[derive(Debug, Default)]
pub struct SystemDialogs;

impl FileDialogs for SystemDialogs {
    fn pick(&mut self, kind: FileKind, folder: Option<PathBuf>) -> PathPick {
        let (name, ext) = kind.filter();
        let mut dialog = rfd::AsyncFileDialog::new()
            .set_title(kind.title())
            .add_filter(name, &[ext]);
        if let Some(folder) = folder.filter(|f| f.is_dir()) {
            dialog = dialog.set_directory(folder);
        }
        if kind.saves() {
            let pick = dialog.set_file_name(kind.suggested_name()).save_file();
            Box::pin(async move { pick.await.map(|f| f.path().to_path_buf()) })
        } else {
            let pick = dialog.pick_file();
            Box::pin(async move { pick.await.map(|f| f.path().to_path_buf()) })
        }
    }

    fn available(&self) -> bool {
        dialog_service()
    }
}

/// For tests: a desktop with no file-dialog service (no portal, no zenity).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick(&mut self, _kind: FileKind, _folder: Option<PathBuf>) -> PathPick {
        Box::pin(std::future::ready(None))
    }

    fn available(&self) -> bool {
        false
    }
}

/// For tests: answers each dialog with the next queued path (cancelled when none is left) and
/// remembers which dialogs were asked for.
#[derive(Debug, Clone, Default)]
pub struct QueuedDialogs {
    answers: Arc<Mutex<VecDeque<Option<PathBuf>>>>,
    asked: Arc<Mutex<Vec<FileKind>>>,
}

impl QueuedDialogs {
    /// The next dialog returns `path`.
    pub fn answer(&self, path: impl Into<PathBuf>) {
        self.lock_answers().push_back(Some(path.into()));
    }

    /// The next dialog is cancelled.
    pub fn cancel_next(&self) {
        self.lock_answers().push_back(None);
    }

    pub fn asked(&self) -> Vec<FileKind> {
        self.asked
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn lock_answers(&self) -> std::sync::MutexGuard<'_, VecDeque<Option<PathBuf>>> {
        self.answers.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl FileDialogs for QueuedDialogs {
    fn pick(&mut self, kind: FileKind, _folder: Option<PathBuf>) -> PathPick {
        self.asked
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(kind);
        let answer = self.lock_answers().pop_front().flatten();
        Box::pin(std::future::ready(answer))
    }
}
