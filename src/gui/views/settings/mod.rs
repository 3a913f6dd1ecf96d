//! The Settings page: where the profile lives, which secret store holds the tokens, the
//! appearance, and the redacted support report.

pub mod desktop;

use eframe::egui;
use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::gui::data::lock::Lock;
use crate::gui::data::prefs::{LanguageChoice, Prefs, ThemeChoice};
use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::store::SecretStoreKind;
use crate::words::{t, t_args};

pub struct SettingsInput<'a> {
    pub profile_dir: Option<&'a Path>,
    /// On a team workspace: what Settings shows of it.
    pub team: Option<&'a crate::gui::data::team::TeamView>,
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
    ui.heading(t("page-settings"));
    ui.add_space(theme::GAP);

    theme::section_title(ui, &t("settings-profile"));
    theme::card(ui, |ui| {
        let dir = input
            .profile_dir
            .map_or_else(|| t("settings-not-opened"), |d| d.display().to_string());
        ui.add(egui::Label::new(t("settings-profile-text")).wrap());
        ui.add(egui::Label::new(RichText::new(&dir).monospace()).selectable(true));
        ui.add(egui::Label::new(theme::weak(ui, t("settings-profile-no-token"))).wrap());
        if let Some(d) = input.profile_dir
            && ui.button(t("settings-open-folder")).clicked()
        {
            out.push(UiCommand::OpenFolder(d.to_path_buf()));
        }
    });

    if let Some(team) = input.team {
        show_team(ui, team);
    }

    theme::section_title(ui, &t("settings-store"));
    theme::card(ui, |ui| match input.lock {
        Lock::Open(kind) => {
            ui.label(t_args(
                "settings-store-unlocked",
                &[("store", t(store_name(*kind)).into())],
            ));
            ui.add(egui::Label::new(theme::weak(ui, t(store_words(*kind)))).wrap());
        }
        Lock::Locked { .. } => {
            ui.add(egui::Label::new(t("settings-store-locked")).wrap());
            if ui.button(input.lock.open_words()).clicked() {
                out.push(UiCommand::ShowUnlock);
            }
        }
        Lock::Opening => {
            ui.label(t("settings-store-opening"));
        }
        Lock::Failed(message) => {
            ui.add(egui::Label::new(message).wrap());
        }
    });

    theme::section_title(ui, &t("settings-language"));
    ui.horizontal_wrapped(|ui| {
        for choice in LanguageChoice::ALL {
            // Each language is named in its own language, so it can be found in any.
            let words = match choice {
                LanguageChoice::System => t("settings-language-system"),
                LanguageChoice::English => "English".to_string(),
                LanguageChoice::Spanish => "Español".to_string(),
            };
            // Applied from the next frame on (`TokenwardenApp::speak`), saved with the prefs.
            if ui.radio(prefs.language == choice, words).clicked() {
                prefs.language = choice;
                ui.ctx().request_repaint();
            }
        }
    });

    theme::section_title(ui, &t("settings-appearance"));
    ui.horizontal_wrapped(|ui| {
        for (choice, words) in [
            (ThemeChoice::System, t("settings-theme-system")),
            (ThemeChoice::Light, t("settings-theme-light")),
            (ThemeChoice::Dark, t("settings-theme-dark")),
        ] {
            if ui.radio(prefs.theme == choice, words).clicked() && prefs.theme != choice {
                out.push(UiCommand::SetTheme(choice));
            }
        }
    });

    // Reminders, the support report, backup and restore.
    let can_act = matches!(input.lock, Lock::Open(_));
    crate::gui::views::settings::desktop::show(ui, desktop, can_act, input.exporting, out);

    theme::section_title(ui, &t("settings-about"));
    ui.add(
        egui::Label::new(t_args(
            "settings-about-text",
            &[("version", env!("CARGO_PKG_VERSION").into())],
        ))
        .wrap(),
    );
}

/// The workspace's server (no password), who this member is, and the members with roles.
fn show_team(ui: &mut Ui, team: &crate::gui::data::team::TeamView) {
    use crate::words::workspace::role;
    theme::section_title(ui, &t("ws-team-title"));
    theme::card(ui, |ui| {
        ui.label(t_args(
            "ws-team-server",
            &[("server", team.server.as_str().into())],
        ));
        let me = team.me.as_str();
        let you = match team.my_role {
            Some(r) => t_args(
                "ws-team-you",
                &[("name", me.into()), ("role", role(r).into())],
            ),
            None if team.offline => t_args(
                "ws-team-you",
                &[("name", me.into()), ("role", t("ws-status-offline").into())],
            ),
            None => t_args("ws-team-you-not-invited", &[("name", me.into())]),
        };
        ui.add(egui::Label::new(you).wrap());
        ui.add_space(theme::GAP);
        ui.label(RichText::new(t("ws-team-members")).strong());
        if team.offline {
            ui.add(egui::Label::new(theme::weak(ui, t("ws-team-offline"))).wrap());
        }
        for (name, r) in &team.members {
            ui.label(t_args(
                "ws-team-member",
                &[("name", name.as_str().into()), ("role", role(*r).into())],
            ));
        }
        ui.add(egui::Label::new(theme::weak(ui, t("ws-team-history"))).wrap());
    });
}

fn store_name(kind: SecretStoreKind) -> &'static str {
    match kind {
        SecretStoreKind::Keyring => "settings-store-keyring",
        SecretStoreKind::Vault => "settings-store-vault",
        SecretStoreKind::Workspace => "settings-store-workspace",
        SecretStoreKind::Memory => "settings-store-memory",
    }
}

fn store_words(kind: SecretStoreKind) -> &'static str {
    match kind {
        SecretStoreKind::Keyring => "settings-store-keyring-text",
        SecretStoreKind::Vault => "settings-store-vault-text",
        SecretStoreKind::Workspace => "settings-store-workspace-text",
        SecretStoreKind::Memory => "settings-store-memory-text",
    }
}

pub fn default_report_path() -> PathBuf {
    crate::gui::platform::dialogs::documents_dir().join("tokenwarden-report.json")
}
