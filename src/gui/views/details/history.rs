//! The "History" section of a channel's details: what happened to it, newest first, with the
//! time and the computer user — replacements with old → new fingerprint, roll-backs, restores
//! and checks that changed its health. No secret is ever in it.

use eframe::egui;
use egui::Ui;

use crate::gui::data::desktop::DesktopState;
use crate::gui::theme;

pub fn show(ui: &mut Ui, desktop: &DesktopState, channel: &str) {
    let h = &desktop.history;
    theme::section_title(ui, "History");
    theme::card(ui, |ui| {
        let lines = match (&h.lines, h.channel.as_deref() == Some(channel)) {
            (Some(lines), true) => lines,
            _ => {
                ui.label(theme::weak(ui, "Reading the history…"));
                return;
            }
        };
        match lines {
            Ok(lines) if lines.is_empty() => {
                ui.label(theme::weak(ui, "Nothing recorded yet."));
            }
            Ok(lines) => {
                for line in lines {
                    ui.add(egui::Label::new(line.as_str()).wrap());
                }
            }
            Err(e) => {
                ui.add(egui::Label::new(format!("The history could not be read: {e}")).wrap());
            }
        }
    });
}
