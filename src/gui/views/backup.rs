//! The backup and restore dialogs. Backup asks for a passphrase twice, then where to save the
//! file. Restore opens a file, asks its passphrase, shows what it would add, replace or keep
//! (a newer token on this computer is kept unless the user ticks the box), then applies it.

use std::path::Path;

use eframe::egui;
use egui::{Id, RichText, Ui};

use crate::gui::intents::UiCommand;
use crate::gui::intents::{DesktopAction, desktop as act};
use crate::gui::platform::dialogs::FileKind;
use crate::gui::theme;
use crate::gui::widgets;
use crate::gui::widgets::dialog::Dialog;
use crate::gui::widgets::secret_field::{self, SecretField};
use crate::model::Secret;
use crate::service::{AppRestoreAction, BackupSummary, RestoreAction, RestoreOutcome, RestorePlan};
use crate::words::{t, t_args, t_static};

#[derive(Debug)]
pub struct BackupDialog {
    passphrase: SecretField,
    confirm: SecretField,
    pub busy: bool,
    problem: Option<String>,
}

impl Default for BackupDialog {
    fn default() -> Self {
        BackupDialog {
            passphrase: SecretField::new(Id::unique("backup-passphrase")),
            confirm: SecretField::new(Id::unique("backup-confirm")),
            busy: false,
            problem: None,
        }
    }
}

impl BackupDialog {
    /// The passphrase to encrypt with, once both fields agree; the fields are emptied.
    pub fn take_passphrase(&mut self) -> Option<Secret> {
        if self.passphrase.is_empty() || self.passphrase.text() != self.confirm.text() {
            self.busy = false;
            return None;
        }
        self.confirm.wipe();
        Some(self.passphrase.take())
    }

    pub fn failed(&mut self, problem: String) {
        self.busy = false;
        self.problem = Some(problem);
    }
}

pub struct RestoreDialog {
    pub path: std::path::PathBuf,
    passphrase: SecretField,
    busy: bool,
    problem: Option<String>,
    plan: Option<Box<RestorePlan>>,
    overwrite_newer: bool,
}

impl RestoreDialog {
    pub fn new(path: std::path::PathBuf) -> Self {
        RestoreDialog {
            path,
            passphrase: SecretField::new(Id::unique("restore-passphrase")),
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
        self.busy = true;
        self.problem = None;
        Some(self.passphrase.take())
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

/// A labelled passphrase row of a form grid; whether Enter was pressed in it.
fn password_row(ui: &mut Ui, label: &str, field: &mut SecretField) -> bool {
    let label = ui.label(label);
    let r = field.ui(ui, &label);
    ui.end_row();
    widgets::entered(ui, &r)
}

fn problem(ui: &mut Ui, text: &Option<String>) {
    if let Some(text) = text {
        theme::callout(ui, theme::Tone::Error, |ui| {
            ui.add(egui::Label::new(text.as_str()).wrap());
        });
    }
}

pub fn show_backup(ui: &mut Ui, dialog: &mut BackupDialog, out: &mut Vec<UiCommand>) {
    let shell = Dialog::new("backup", t("backup-title"))
        .dismiss(t_static("dialog-cancel"))
        .width(theme::NARROW_DIALOG_WIDTH)
        .busy(dialog.busy, Some(&t("gui-backup-writing")));
    let shown = shell.show(ui, |d| {
        let (submit, ready) = d.body(|ui| {
            ui.add(egui::Label::new(t("backup-explain")).wrap());
            problem(ui, &dialog.problem);
            ui.add_space(theme::GAP);
            let mut submit = false;
            theme::form_grid(ui, "backup-form", |ui| {
                submit |= password_row(ui, &t("dialog-passphrase"), &mut dialog.passphrase);
                submit |= password_row(ui, &t("dialog-passphrase-again"), &mut dialog.confirm);
            });
            let ready = secret_field::new_passphrase_ready(ui, &dialog.passphrase, &dialog.confirm);
            (submit, ready)
        });
        d.buttons(|ui| {
            let save = theme::primary(ui, t("backup-choose-where"));
            let clicked = ui.add_enabled(ready && !dialog.busy, save).clicked();
            if (clicked || (submit && ready)) && !dialog.busy {
                dialog.busy = true;
                dialog.problem = None;
                out.push(act(DesktopAction::Pick(FileKind::SaveBackup)));
            }
        });
    });
    if shown.close {
        dialog.passphrase.clear(ui.ctx());
        dialog.confirm.clear(ui.ctx());
        out.push(act(DesktopAction::CloseBackup));
    }
}

pub fn show_restore(ui: &mut Ui, dialog: &mut RestoreDialog, out: &mut Vec<UiCommand>) {
    let shell = Dialog::new("restore", t("restore-title"))
        .dismiss(t_static("dialog-cancel"))
        .width(theme::NARROW_DIALOG_WIDTH)
        .busy(dialog.busy, Some(&t("gui-restore-working")));
    let shown = shell.show(ui, |d| {
        let submit = d.body(|ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(t("restore-file"));
                ui.label(RichText::new(dialog.path.display().to_string()).monospace());
            });
            problem(ui, &dialog.problem);
            ui.add_space(theme::GAP);
            match dialog.plan.clone() {
                None => ask_passphrase(ui, dialog),
                Some(plan) => {
                    show_plan(ui, dialog, &plan);
                    false
                }
            }
        });
        d.buttons(|ui| match dialog.plan.clone() {
            None => passphrase_buttons(ui, dialog, submit, out),
            Some(plan) => plan_buttons(ui, dialog, &plan, out),
        });
    });
    if shown.close {
        dialog.passphrase.clear(ui.ctx());
        out.push(act(DesktopAction::CloseRestore));
    }
}

/// The restore form's field; whether Enter was pressed in it.
fn ask_passphrase(ui: &mut Ui, dialog: &mut RestoreDialog) -> bool {
    ui.add(egui::Label::new(t("restore-ask")).wrap());
    let mut submit = false;
    theme::form_grid(ui, "restore-form", |ui| {
        submit |= password_row(ui, &t("restore-passphrase"), &mut dialog.passphrase);
    });
    submit
}

/// "Open the backup", also on Enter in the field.
fn passphrase_buttons(ui: &mut Ui, dialog: &RestoreDialog, submit: bool, out: &mut Vec<UiCommand>) {
    let ready = !dialog.passphrase.is_empty() && !dialog.busy;
    let open = theme::primary(ui, t("restore-open"));
    if ui.add_enabled(ready, open).clicked() || (submit && ready) {
        out.push(act(DesktopAction::PlanRestore));
    }
}

/// What the backup would add, replace or keep.
fn show_plan(ui: &mut Ui, dialog: &mut RestoreDialog, plan: &RestorePlan) {
    let made = t_args(
        "restore-made-by",
        &[
            ("by", plan.made_by.as_str().into()),
            ("when", crate::words::time::at(plan.made_at).into()),
        ],
    );
    ui.add(egui::Label::new(theme::weak(ui, made)).wrap());
    let mut groups: [(&str, Vec<String>); 5] = [
        ("restore-will-add", vec![]),
        ("restore-will-replace", vec![]),
        ("restore-will-keep", vec![]),
        ("restore-same", vec![]),
        ("restore-will-not", vec![]),
    ];
    for item in &plan.channels {
        let (i, line) = match &item.action {
            RestoreAction::Add { .. } => (0, item.channel_name.clone()),
            RestoreAction::Replace {
                from_fingerprint,
                to_fingerprint,
            } => (
                1,
                // In words: the window's font has no arrow.
                t_args(
                    "restore-replace-line",
                    &[
                        ("name", item.channel_name.as_str().into()),
                        ("from", from_fingerprint.as_str().into()),
                        ("to", to_fingerprint.as_str().into()),
                    ],
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
    for (title, names) in groups.iter().filter(|(_, n)| !n.is_empty()) {
        theme::section_title(ui, &t_args(title, &[("count", names.len().into())]));
        for name in names {
            ui.add(egui::Label::new(format!("• {name}")).wrap());
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
        theme::section_title(
            ui,
            &t_args("restore-apps-to-add", &[("count", apps.len().into())]),
        );
        for line in apps {
            ui.label(line);
        }
    }
    ui.add_space(theme::GAP);
    let newer = plan.has_newer_in_profile();
    if newer {
        ui.checkbox(&mut dialog.overwrite_newer, t("restore-overwrite-newer"));
    }
    let changes = plan.changes_anything() || (newer && dialog.overwrite_newer);
    if !changes {
        ui.add(egui::Label::new(t("restore-nothing-to-do")).wrap());
    }
}

/// Restore, once the plan changes anything.
fn plan_buttons(ui: &mut Ui, dialog: &RestoreDialog, plan: &RestorePlan, out: &mut Vec<UiCommand>) {
    let newer = plan.has_newer_in_profile();
    let changes = plan.changes_anything() || (newer && dialog.overwrite_newer);
    let restore = theme::primary(ui, t("restore-apply"));
    if ui.add_enabled(changes && !dialog.busy, restore).clicked() {
        out.push(act(DesktopAction::ApplyRestore {
            overwrite_newer: newer && dialog.overwrite_newer,
        }));
    }
}

pub fn backed_up_words(path: &Path, summary: &BackupSummary) -> String {
    let mut words = t_args(
        "backup-saved",
        &[
            ("path", path.display().to_string().into()),
            ("channels", summary.channels.into()),
            ("apps", summary.apps.into()),
        ],
    );
    if !summary.skipped.is_empty() {
        let names = summary.skipped.join(", ");
        words.push(' ');
        words.push_str(&t_args("backup-left-out-names", &[("names", names.into())]));
    }
    words
}

pub fn restored_words(outcome: &RestoreOutcome) -> String {
    let count =
        |f: fn(&RestoreAction) -> bool| outcome.channels.iter().filter(|i| f(&i.action)).count();
    let added = count(|a| matches!(a, RestoreAction::Add { .. }));
    let replaced = count(|a| matches!(a, RestoreAction::Replace { .. }));
    let kept = count(|a| matches!(a, RestoreAction::KeepNewer { .. }));
    let mut words = t_args(
        "restore-result",
        &[("added", added.into()), ("replaced", replaced.into())],
    );
    if kept > 0 {
        words.push(' ');
        words.push_str(&t_args("restore-result-kept", &[("kept", kept.into())]));
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

#[cfg(test)]
mod tests {
    //! The backup and restore dialogs by their labels (no window, no worker): what a passphrase
    //! must be, the steps while the worker is busy, and the plan shown before anything changes.

    use super::*;
    use chrono::Utc;
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};

    use crate::gui::intents::UiCommand::Desktop;
    use crate::model::ChannelKind;
    use crate::service::RestoreItem;
    use crate::store::BackupContents;

    const LONG: &str = "a long backup passphrase";
    const SAVE: &str = "Choose where to save…";

    struct Open<D> {
        dialog: D,
        out: Vec<UiCommand>,
    }

    fn window<D: 'static>(
        dialog: D,
        show: fn(&mut Ui, &mut D, &mut Vec<UiCommand>),
    ) -> Harness<'static, Open<D>> {
        let open = Open {
            dialog,
            out: vec![],
        };
        let mut h = Harness::builder()
            .with_size([900.0, 800.0])
            .with_max_steps(16)
            .build_ui_state(
                move |ui, open: &mut Open<D>| show(ui, &mut open.dialog, &mut open.out),
                open,
            );
        h.run_ok();
        h
    }

    /// Replaces the text of the passphrase field `field` with `text`.
    fn type_in<D>(h: &mut Harness<'static, Open<D>>, field: &str, text: &str) {
        h.get_by_role_and_label(Role::PasswordInput, field).click();
        h.run_ok();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.event(egui::Event::Paste(text.into()));
        h.run_ok();
    }

    fn enabled<D>(h: &Harness<'static, Open<D>>, button: &str) -> bool {
        !h.get_by_label(button).accesskit_node().is_disabled()
    }

    fn shows<D>(h: &Harness<'static, Open<D>>, text: &str) -> bool {
        h.query_all_by_label_contains(text).next().is_some()
    }

    fn press<D>(h: &mut Harness<'static, Open<D>>, button: &str) {
        h.get_by_label(button).click();
        h.run_ok();
    }

    #[test]
    fn a_backup_needs_the_same_passphrase_twice_and_at_least_8_characters() {
        let mut h = window(BackupDialog::default(), show_backup);
        assert!(!enabled(&h, SAVE), "no passphrase yet");
        type_in(&mut h, "Passphrase", "short");
        assert!(shows(&h, "Use at least 8 characters."));
        assert!(!enabled(&h, SAVE));
        type_in(&mut h, "Passphrase", LONG);
        assert!(!shows(&h, "Use at least 8 characters."));
        type_in(&mut h, "Passphrase again", "a long backup passphrase!");
        assert!(shows(&h, "The two passphrases are not the same."));
        assert!(!enabled(&h, SAVE), "a mismatch cannot be saved");
        type_in(&mut h, "Passphrase again", LONG);
        assert!(!shows(&h, "The two passphrases are not the same."));
        assert!(enabled(&h, SAVE));

        press(&mut h, SAVE);
        assert!(matches!(
            h.state().out.as_slice(),
            [Desktop(DesktopAction::Pick(FileKind::SaveBackup))]
        ));
        assert!(
            !enabled(&h, SAVE),
            "busy while the file is chosen and written"
        );
        let secret = h.state_mut().dialog.take_passphrase();
        assert_eq!(secret.as_ref().map(Secret::expose), Some(LONG));

        h.state_mut()
            .dialog
            .failed("The folder cannot be written to.".into());
        h.run_ok();
        assert!(shows(&h, "The folder cannot be written to."));
    }

    #[test]
    fn a_made_backup_names_its_file_its_counts_and_what_was_left_out() {
        let summary = BackupSummary {
            channels: 3,
            apps: 1,
            skipped: vec!["Acme Toys".into()],
        };
        let words = backed_up_words(Path::new("/home/you/tokens.twbackup"), &summary);
        assert!(
            words.starts_with("Backup saved to /home/you/tokens.twbackup: 3 channels and 1 app."),
            "{words}"
        );
        assert!(
            words.contains("Left out because their token is missing on this computer: Acme Toys."),
            "{words}"
        );
    }

    fn item(name: &str, action: RestoreAction) -> RestoreItem {
        RestoreItem {
            channel_id: name.to_lowercase(),
            channel_name: name.into(),
            kind: ChannelKind::Messenger,
            action,
        }
    }

    /// A backup that adds "Acme Books" and holds an older token of "Acme Shoes".
    fn plan() -> Box<RestorePlan> {
        let made_at = Utc::now();
        Box::new(RestorePlan {
            source: "/home/you/tokens.twbackup".into(),
            made_at,
            made_by: "ann on support-laptop".into(),
            channels: vec![
                item(
                    "Acme Books",
                    RestoreAction::Add {
                        fingerprint: "sha256:b".into(),
                    },
                ),
                item(
                    "Acme Shoes",
                    RestoreAction::KeepNewer {
                        profile_fingerprint: "sha256:new".into(),
                        backup_fingerprint: "sha256:old".into(),
                    },
                ),
            ],
            apps: vec![],
            contents: BackupContents {
                made_at,
                made_by: "ann on support-laptop".into(),
                tokenwarden_version: "0.1.0".into(),
                apps: vec![],
                channels: vec![],
            },
        })
    }

    #[test]
    fn a_restore_opens_with_the_passphrase_and_shows_its_plan_before_changing_anything() {
        let mut h = window(
            RestoreDialog::new("/home/you/tokens.twbackup".into()),
            show_restore,
        );
        assert!(!enabled(&h, "Open the backup"), "no passphrase yet");
        type_in(&mut h, "Backup passphrase", "wrong passphrase");
        press(&mut h, "Open the backup");
        assert!(matches!(
            h.state_mut().out.pop(),
            Some(Desktop(DesktopAction::PlanRestore))
        ));
        assert!(h.state_mut().dialog.take_passphrase().is_some());
        h.run_ok();
        assert!(
            !enabled(&h, "Open the backup"),
            "busy while the file is read"
        );

        h.state_mut()
            .dialog
            .planned(Err("The passphrase does not open this backup.".into()));
        h.run_ok();
        assert!(shows(&h, "The passphrase does not open this backup."));
        type_in(&mut h, "Backup passphrase", LONG);
        assert!(enabled(&h, "Open the backup"), "another try");
        press(&mut h, "Open the backup");
        assert!(h.state_mut().dialog.take_passphrase().is_some());
        h.state_mut().dialog.planned(Ok(plan()));
        h.run_ok();

        assert!(shows(&h, "Made by ann on support-laptop"));
        assert!(shows(&h, "Will be added (1)"));
        assert!(shows(
            &h,
            "Kept, because this computer's token is newer (1)"
        ));
        assert!(!shows(&h, "The passphrase does not open this backup."));
        h.state_mut().out.clear();
        press(&mut h, "Restore");
        assert!(matches!(
            h.state_mut().out.pop(),
            Some(Desktop(DesktopAction::ApplyRestore {
                overwrite_newer: false
            }))
        ));
        press(&mut h, "Also replace newer tokens");
        press(&mut h, "Restore");
        assert!(matches!(
            h.state_mut().out.pop(),
            Some(Desktop(DesktopAction::ApplyRestore {
                overwrite_newer: true
            }))
        ));

        assert!(h.state_mut().dialog.start_applying().is_some());
        h.run_ok();
        assert!(!enabled(&h, "Restore"), "busy while restoring");
        assert!(
            h.state_mut().dialog.start_applying().is_none(),
            "no second restore meanwhile"
        );
    }

    #[test]
    fn a_done_restore_counts_what_it_did_and_says_why_an_item_was_not_restored() {
        let outcome = RestoreOutcome {
            channels: vec![
                item(
                    "Acme Books",
                    RestoreAction::Add {
                        fingerprint: "sha256:b".into(),
                    },
                ),
                item(
                    "Acme Shoes",
                    RestoreAction::KeepNewer {
                        profile_fingerprint: "sha256:new".into(),
                        backup_fingerprint: "sha256:old".into(),
                    },
                ),
                item(
                    "Acme Toys",
                    RestoreAction::Refused {
                        fingerprint: "sha256:t".into(),
                        why: "its token no longer works.".into(),
                    },
                ),
            ],
            apps: vec![],
        };
        assert_eq!(
            restored_words(&outcome),
            "Restored: 1 channel added, 0 replaced. 1 kept because this computer's token is \
             newer. Acme Toys: its token no longer works."
        );
    }
}
