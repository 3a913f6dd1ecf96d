//! The Settings page: where the profile lives, which secret store holds the tokens, the
//! appearance, and the redacted support report.

pub mod desktop;

use eframe::egui;
use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::gui::data::lock::Lock;
use crate::gui::data::prefs::{Prefs, ThemeChoice};
use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::store::SecretStoreKind;

pub struct SettingsInput<'a> {
    pub profile_dir: Option<&'a Path>,
    pub lock: &'a Lock,
    pub exporting: bool,
}

pub fn show(
    ui: &mut Ui,
    prefs: &mut Prefs,
    desktop: &mut crate::gui::data::desktop::DesktopState,
    input: &SettingsInput<'_>,
    out: &mut Vec<UiCommand>,
) {
    ui.heading("Settings");
    ui.add_space(theme::GAP);

    theme::section_title(ui, "Profile");
    theme::card(ui, |ui| {
        let dir = input
            .profile_dir
            .map_or_else(|| "not opened".to_string(), |d| d.display().to_string());
        ui.label("Your channels and their last known facts are saved in this folder:");
        ui.add(egui::Label::new(RichText::new(&dir).monospace()).selectable(true));
        ui.label(theme::weak(
            ui,
            "It holds no token in clear text: tokens are kept in the secret store below.",
        ));
        if let Some(d) = input.profile_dir
            && ui.button("Open the profile folder").clicked()
        {
            out.push(UiCommand::OpenFolder(d.to_path_buf()));
        }
    });

    theme::section_title(ui, "Secret store");
    theme::card(ui, |ui| match input.lock {
        Lock::Open(kind) => {
            ui.label(format!("{} — unlocked", kind.label()));
            ui.label(theme::weak(ui, store_words(*kind)));
        }
        Lock::Locked { .. } => {
            ui.label("Locked: channels can be looked at but not checked or renewed.");
            if ui.button(input.lock.open_words()).clicked() {
                out.push(UiCommand::ShowUnlock);
            }
        }
        Lock::Opening => {
            ui.label("Opening…");
        }
        Lock::Failed(message) => {
            ui.add(egui::Label::new(message).wrap());
        }
    });

    theme::section_title(ui, "Appearance");
    ui.horizontal(|ui| {
        for (choice, words) in [
            (ThemeChoice::System, "Follow the system"),
            (ThemeChoice::Light, "Light"),
            (ThemeChoice::Dark, "Dark"),
        ] {
            if ui.radio(prefs.theme == choice, words).clicked() && prefs.theme != choice {
                out.push(UiCommand::SetTheme(choice));
            }
        }
    });

    // Reminders, the support report, backup and restore.
    let can_act = matches!(input.lock, Lock::Open(_));
    crate::gui::views::settings::desktop::show(ui, desktop, can_act, input.exporting, out);

    theme::section_title(ui, "About");
    ui.label(format!(
        "Tokenwarden {} — keeps the access tokens of your channels alive.",
        env!("CARGO_PKG_VERSION")
    ));
}

fn store_words(kind: SecretStoreKind) -> &'static str {
    match kind {
        SecretStoreKind::Keyring => {
            "Tokens are kept by your system's keychain (Keychain, Credential Manager or Secret Service)."
        }
        SecretStoreKind::Vault => {
            "Tokens are kept in vault.age in the profile folder, encrypted with your passphrase."
        }
        SecretStoreKind::Workspace => {
            "Tokens are sealed to the renewers of your team workspace; only their own keys open them."
        }
        SecretStoreKind::Memory => {
            "Tokens are kept in memory only and are gone when the window closes (demo)."
        }
    }
}

pub fn default_report_path() -> PathBuf {
    crate::gui::platform::dialogs::documents_dir().join("tokenwarden-report.json")
}
