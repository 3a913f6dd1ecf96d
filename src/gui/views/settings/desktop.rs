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

pub fn show(
    ui: &mut Ui,
    desktop: &mut DesktopState,
    can_act: bool,
    exporting: bool,
    out: &mut Vec<UiCommand>,
) {
    reminders::settings_card(ui, desktop, can_act, out);
    let picking = desktop.picking.is_some();

    theme::section_title(ui, "Support report");
    theme::card(ui, |ui| {
        ui.label(
            "A report of every channel's facts, reasons and fingerprints for whoever helps you. \
             It never contains a token or a secret.",
        );
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    can_act && !exporting && !picking,
                    egui::Button::new("Export report…"),
                )
                .clicked()
            {
                out.push(act(DesktopAction::Pick(FileKind::SaveReport)));
            }
            if ui
                .add_enabled(!picking, egui::Button::new("Open report…"))
                .on_hover_text("Look at a report someone sent you, read-only")
                .clicked()
            {
                out.push(act(DesktopAction::Pick(FileKind::OpenReport)));
            }
            if exporting {
                crate::gui::theme::spinner::spinner(ui);
            }
        });
    });

    theme::section_title(ui, "Backup and restore");
    theme::card(ui, |ui| {
        ui.label(
            "Move your channels, apps and tokens to another computer, or hand them over, in one \
             file locked with a passphrase.",
        );
        ui.horizontal(|ui| {
            if ui
                .add_enabled(can_act && !picking, egui::Button::new("Back up…"))
                .clicked()
            {
                out.push(act(DesktopAction::OpenBackup));
            }
            if ui
                .add_enabled(
                    can_act && !picking,
                    egui::Button::new("Restore from a backup…"),
                )
                .clicked()
            {
                out.push(act(DesktopAction::Pick(FileKind::OpenBackup)));
            }
        });
    });
}
