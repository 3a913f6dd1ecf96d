//! In place of a file dialog when the desktop has none (no portal, no zenity): the path in a
//! field, filled with the Documents folder and the usual file name, so the user still chooses.

use eframe::egui;
use egui::Ui;

use crate::gui::data::desktop::PathEntry;
use crate::gui::intents::{DesktopAction, UiCommand, desktop as act};
use crate::gui::theme;
use crate::gui::widgets;
use crate::gui::widgets::dialog::Dialog;
use crate::words::t;

pub fn show(ui: &mut Ui, entry: &mut PathEntry, out: &mut Vec<UiCommand>) {
    let saves = entry.kind.saves();
    let shell = Dialog::new("path-entry", entry.kind.title())
        .width(theme::NARROW_DIALOG_WIDTH)
        .dismiss(crate::words::t_static("dialog-cancel"));
    let shown = shell.show(ui, |d| {
        let submit = d.body(|ui| {
            let why = if saves {
                "gui-no-file-dialog-save"
            } else {
                "gui-no-file-dialog-open"
            };
            ui.add(egui::Label::new(t(why)).wrap());
            ui.add_space(theme::GAP);
            let label = ui.label(t("gui-file-path"));
            let field = egui::TextEdit::singleline(&mut entry.text)
                .desired_width(f32::INFINITY)
                .font(egui::TextStyle::Monospace);
            let r = ui.add(field).labelled_by(label.id);
            theme::focus_first(ui, &r);
            widgets::entered(ui, &r)
        });
        d.buttons(|ui| {
            let words = if saves {
                t("gui-file-save-here")
            } else {
                t("gui-file-open")
            };
            let ready = !entry.text.trim().is_empty();
            let clicked = ui.add_enabled(ready, theme::primary(ui, words)).clicked();
            if clicked || (submit && ready) {
                out.push(act(DesktopAction::UseTypedPath));
            }
        });
    });
    if shown.close {
        out.push(act(DesktopAction::CancelTypedPath));
    }
}
