//! The backup and restore dialogs. Backup asks for a passphrase twice, then where to save the
//! file. Restore opens a file, asks its passphrase, shows what it would add, replace or keep
//! (a newer token on this computer is kept unless the user ticks the box), then applies it.

use std::path::Path;

use eframe::egui;
use egui::{Id, RichText, Ui};
use zeroize::Zeroize;

use crate::gui::intents::UiCommand;
use crate::gui::intents::{DesktopAction, desktop as act};
use crate::gui::platform::dialogs::FileKind;
use crate::gui::theme;
use crate::model::{Health, Secret};
use crate::service::{AppRestoreAction, BackupSummary, RestoreAction, RestoreOutcome, RestorePlan};

const BACKUP_PASS: &str = "backup-passphrase";
const BACKUP_CONFIRM: &str = "backup-confirm";
const RESTORE_PASS: &str = "restore-passphrase";

#[derive(Default)]
pub struct BackupDialog {
    passphrase: String,
    confirm: String,
    pub busy: bool,
    problem: Option<String>,
}

impl BackupDialog {
    /// The passphrase to encrypt with, once both fields agree; the fields are emptied.
    pub fn take_passphrase(&mut self) -> Option<Secret> {
        if self.passphrase.is_empty() || self.passphrase != self.confirm {
            self.busy = false;
            return None;
        }
        let secret = Secret::new(self.passphrase.clone());
        self.passphrase.zeroize();
        self.confirm.zeroize();
        Some(secret)
    }

    pub fn failed(&mut self, problem: String) {
        self.busy = false;
        self.problem = Some(problem);
    }
}

impl Drop for BackupDialog {
    fn drop(&mut self) {
        self.passphrase.zeroize();
        self.confirm.zeroize();
    }
}

pub struct RestoreDialog {
    pub path: std::path::PathBuf,
    passphrase: String,
    busy: bool,
    problem: Option<String>,
    plan: Option<Box<RestorePlan>>,
    overwrite_newer: bool,
}

impl RestoreDialog {
    pub fn new(path: std::path::PathBuf) -> Self {
        RestoreDialog {
            path,
            passphrase: String::new(),
            busy: false,
            problem: None,
            plan: None,
            overwrite_newer: false,
        }
    }

    pub fn take_passphrase(&mut self) -> Option<Secret> {
        if self.passphrase.is_empty() || self.busy {
            return None;
        }
        let secret = Secret::new(self.passphrase.clone());
        self.passphrase.zeroize();
        self.busy = true;
        self.problem = None;
        Some(secret)
    }

    pub fn planned(&mut self, result: Result<Box<RestorePlan>, String>) {
        self.busy = false;
        match result {
            Ok(plan) => self.plan = Some(plan),
            Err(e) => self.problem = Some(e),
        }
    }

    pub fn start_applying(&mut self) -> Option<Box<RestorePlan>> {
        let plan = self.plan.clone().filter(|_| !self.busy)?;
        self.busy = true;
        self.problem = None;
        Some(plan)
    }

    pub fn failed(&mut self, problem: String) {
        self.busy = false;
        self.problem = Some(problem);
    }
}

impl Drop for RestoreDialog {
    fn drop(&mut self) {
        self.passphrase.zeroize();
    }
}

fn forget_fields(ctx: &egui::Context, ids: &[&'static str]) {
    ctx.data_mut(|d| {
        for id in ids {
            d.remove::<egui::text_edit::TextEditState>(Id::unique(*id));
        }
    });
}

fn password_row(ui: &mut Ui, label: &str, id: &'static str, text: &mut String) -> bool {
    let label = ui.label(label);
    let r = ui
        .add(
            egui::TextEdit::singleline(text)
                .id(Id::unique(id))
                .password(true)
                .desired_width(280.0),
        )
        .labelled_by(label.id);
    ui.end_row();
    r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}

fn problem(ui: &mut Ui, text: &Option<String>) {
    if let Some(text) = text {
        theme::callout(ui, theme::Tone::Error, |ui| {
            ui.add(egui::Label::new(text.as_str()).wrap());
        });
    }
}

pub fn show_backup(ui: &mut Ui, dialog: &mut BackupDialog, out: &mut Vec<UiCommand>) {
    let modal = theme::dialog("backup-dialog").show(ui.ctx(), |ui| {
        ui.set_width(theme::DIALOG_WIDTH - 80.0);
        ui.heading("Back up your channels");
        ui.add(
            egui::Label::new(
                "One file with every channel, app and token, locked with a passphrase you \
                 choose. Use it to move to a new computer or to hand over to a colleague. \
                 Without the passphrase nobody can open it — not even you.",
            )
            .wrap(),
        );
        problem(ui, &dialog.problem);
        ui.add_space(theme::GAP);
        let mut submit = false;
        egui::Grid::new("backup-form")
            .num_columns(2)
            .spacing([theme::GAP, 6.0])
            .show(ui, |ui| {
                submit |= password_row(ui, "Passphrase", BACKUP_PASS, &mut dialog.passphrase);
                submit |= password_row(ui, "Passphrase again", BACKUP_CONFIRM, &mut dialog.confirm);
            });
        let mismatch = !dialog.confirm.is_empty() && dialog.passphrase != dialog.confirm;
        let short = !dialog.passphrase.is_empty() && dialog.passphrase.chars().count() < 8;
        if mismatch {
            let red = theme::health_color(ui.visuals(), Health::Broken);
            ui.label(RichText::new("The two passphrases are not the same.").color(red));
        } else if short {
            ui.label(theme::weak(ui, "Use at least 8 characters."));
        }
        let ready =
            !dialog.passphrase.is_empty() && !mismatch && !short && !dialog.confirm.is_empty();
        ui.add_space(theme::GAP);
        ui.horizontal(|ui| {
            let save = theme::primary(ui, "Choose where to save…");
            let clicked = ui.add_enabled(ready && !dialog.busy, save).clicked();
            if (clicked || (submit && ready)) && !dialog.busy {
                dialog.busy = true;
                dialog.problem = None;
                out.push(act(DesktopAction::Pick(FileKind::SaveBackup)));
            }
            if ui.button("Cancel").clicked() {
                forget_fields(ui.ctx(), &[BACKUP_PASS, BACKUP_CONFIRM]);
                out.push(act(DesktopAction::CloseBackup));
            }
            if dialog.busy {
                crate::gui::theme::spinner::spinner(ui);
            }
        });
    });
    theme::settle_dialog(ui.ctx(), "backup", modal.response.rect);
}

pub fn show_restore(ui: &mut Ui, dialog: &mut RestoreDialog, out: &mut Vec<UiCommand>) {
    let modal = theme::dialog("restore-dialog").show(ui.ctx(), |ui| {
        ui.set_width(theme::DIALOG_WIDTH - 80.0);
        ui.heading("Restore from a backup");
        ui.horizontal_wrapped(|ui| {
            ui.label("File:");
            ui.label(RichText::new(dialog.path.display().to_string()).monospace());
        });
        problem(ui, &dialog.problem);
        ui.add_space(theme::GAP);
        match dialog.plan.clone() {
            None => ask_passphrase(ui, dialog, out),
            Some(plan) => show_plan(ui, dialog, &plan, out),
        }
    });
    theme::settle_dialog(ui.ctx(), "restore", modal.response.rect);
}

fn ask_passphrase(ui: &mut Ui, dialog: &mut RestoreDialog, out: &mut Vec<UiCommand>) {
    ui.label("Type the passphrase that was chosen when the backup was made. Nothing changes yet.");
    let mut submit = false;
    egui::Grid::new("restore-form")
        .num_columns(2)
        .spacing([theme::GAP, 6.0])
        .show(ui, |ui| {
            submit |= password_row(
                ui,
                "Backup passphrase",
                RESTORE_PASS,
                &mut dialog.passphrase,
            );
        });
    ui.add_space(theme::GAP);
    ui.horizontal(|ui| {
        let ready = !dialog.passphrase.is_empty() && !dialog.busy;
        let open = theme::primary(ui, "Open the backup");
        if ui.add_enabled(ready, open).clicked() || (submit && ready) {
            out.push(act(DesktopAction::PlanRestore));
        }
        if ui.button("Cancel").clicked() {
            forget_fields(ui.ctx(), &[RESTORE_PASS]);
            out.push(act(DesktopAction::CloseRestore));
        }
        if dialog.busy {
            crate::gui::theme::spinner::spinner(ui);
        }
    });
}

fn show_plan(
    ui: &mut Ui,
    dialog: &mut RestoreDialog,
    plan: &RestorePlan,
    out: &mut Vec<UiCommand>,
) {
    ui.label(theme::weak(
        ui,
        format!(
            "Made by {} on {}.",
            plan.made_by,
            plan.made_at.format("%Y-%m-%d %H:%M UTC")
        ),
    ));
    let mut groups: [(&str, Vec<String>); 5] = [
        ("Will be added", vec![]),
        (
            "Will be replaced (the token on this computer is kept: \"Roll back\" puts it back)",
            vec![],
        ),
        ("Kept, because this computer's token is newer", vec![]),
        ("Already the same", vec![]),
        ("Will not be restored", vec![]),
    ];
    for item in &plan.channels {
        let (i, line) = match &item.action {
            RestoreAction::Add { .. } => (0, item.channel_name.clone()),
            RestoreAction::Replace {
                from_fingerprint,
                to_fingerprint,
            } => (
                1,
                format!(
                    "{}: {from_fingerprint} → {to_fingerprint}",
                    item.channel_name
                ),
            ),
            RestoreAction::KeepNewer { .. } => (2, item.channel_name.clone()),
            RestoreAction::Unchanged { .. } => (3, item.channel_name.clone()),
            RestoreAction::Refused { why, .. } | RestoreAction::Skipped { why, .. } => {
                (4, format!("{}: {why}", item.channel_name))
            }
        };
        groups[i].1.push(line);
    }
    egui::ScrollArea::vertical()
        .id_salt("restore-plan")
        .max_height(300.0)
        .show(ui, |ui| {
            for (title, names) in groups.iter().filter(|(_, n)| !n.is_empty()) {
                theme::section_title(ui, &format!("{title} ({})", names.len()));
                for name in names {
                    ui.label(format!("• {name}"));
                }
            }
            let apps: Vec<String> = plan
                .apps
                .iter()
                .filter(|a| {
                    matches!(
                        a.action,
                        AppRestoreAction::Add { .. } | AppRestoreAction::AddSecret
                    )
                })
                .map(|a| format!("• {} ({})", a.app_name, a.app_id))
                .collect();
            if !apps.is_empty() {
                theme::section_title(ui, &format!("Apps to add ({})", apps.len()));
                for line in apps {
                    ui.label(line);
                }
            }
        });
    ui.add_space(theme::GAP);
    let newer = plan.has_newer_in_profile();
    if newer {
        ui.checkbox(&mut dialog.overwrite_newer, "Also replace newer tokens");
    }
    let changes = plan.changes_anything() || (newer && dialog.overwrite_newer);
    if !changes {
        ui.label("Nothing to restore: this computer already has everything in the backup.");
    }
    ui.horizontal(|ui| {
        let restore = theme::primary(ui, "Restore");
        if ui.add_enabled(changes && !dialog.busy, restore).clicked() {
            out.push(act(DesktopAction::ApplyRestore {
                overwrite_newer: newer && dialog.overwrite_newer,
            }));
        }
        if ui.button("Cancel").clicked() {
            out.push(act(DesktopAction::CloseRestore));
        }
        if dialog.busy {
            crate::gui::theme::spinner::spinner(ui);
        }
    });
}

pub fn backed_up_words(path: &Path, summary: &BackupSummary) -> String {
    let mut words = format!(
        "Backup saved to {}: {} channels and {} apps. Keep the passphrase safe: the backup \
         cannot be opened without it.",
        path.display(),
        summary.channels,
        summary.apps
    );
    if !summary.skipped.is_empty() {
        words.push_str(&format!(
            " Left out because their token is missing on this computer: {}.",
            summary.skipped.join(", ")
        ));
    }
    words
}

pub fn restored_words(outcome: &RestoreOutcome) -> String {
    let count =
        |f: fn(&RestoreAction) -> bool| outcome.channels.iter().filter(|i| f(&i.action)).count();
    let added = count(|a| matches!(a, RestoreAction::Add { .. }));
    let replaced = count(|a| matches!(a, RestoreAction::Replace { .. }));
    let kept = count(|a| matches!(a, RestoreAction::KeepNewer { .. }));
    let mut words = format!("Restored: {added} channels added, {replaced} replaced.");
    if kept > 0 {
        words.push_str(&format!(
            " {kept} kept because this computer's token is newer."
        ));
    }
    for item in &outcome.channels {
        if let RestoreAction::Refused { why, .. } | RestoreAction::Skipped { why, .. } =
            &item.action
        {
            words.push_str(&format!(" {}: {why}", item.channel_name));
        }
    }
    words
}
