//! The Settings cards for living on the desktop: reminders, the support report (export one,
//! open one read-only) and backup and restore.

use eframe::egui;
use egui::Ui;

use crate::gui::data::desktop::DesktopState;
use crate::gui::intents::UiCommand;
use crate::gui::intents::{DesktopAction, desktop as act};
use crate::gui::platform::dialogs::FileKind;
use crate::gui::theme;
use crate::gui::views::reminders;
use crate::words::t;

pub fn show(
    ui: &mut Ui,
    desktop: &mut DesktopState,
    can_act: bool,
    exporting: bool,
    out: &mut Vec<UiCommand>,
) {
    reminders::settings_card(ui, desktop, can_act, out);
    let picking = desktop.picking.is_some();

    theme::section_title(ui, &t("settings-report"));
    theme::card(ui, |ui| {
        ui.add(egui::Label::new(t("settings-report-text")).wrap());
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    can_act && !exporting && !picking,
                    egui::Button::new(t("settings-export-report")),
                )
                .clicked()
            {
                out.push(act(DesktopAction::Pick(FileKind::SaveReport)));
            }
            if ui
                .add_enabled(!picking, egui::Button::new(t("settings-open-report")))
                .on_hover_text(t("settings-open-report-hover"))
                .clicked()
            {
                out.push(act(DesktopAction::Pick(FileKind::OpenReport)));
            }
            if exporting {
                crate::gui::theme::spinner::spinner(ui);
            }
        });
    });

    theme::section_title(ui, &t("settings-backup"));
    theme::card(ui, |ui| {
        ui.add(egui::Label::new(t("settings-backup-text")).wrap());
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    can_act && !picking,
                    egui::Button::new(t("settings-back-up")),
                )
                .clicked()
            {
                out.push(act(DesktopAction::OpenBackup));
            }
            if ui
                .add_enabled(
                    can_act && !picking,
                    egui::Button::new(t("settings-restore")),
                )
                .clicked()
            {
                out.push(act(DesktopAction::Pick(FileKind::OpenBackup)));
            }
        });
    });
}
