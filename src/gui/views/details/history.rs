//! The "History" section of a channel's details: what happened to it, newest first, with the
//! time and the computer user — replacements with old → new fingerprint, roll-backs, restores
//! and checks that changed its health. No secret is ever in it.

use eframe::egui;
use egui::Ui;

use crate::gui::data::desktop::DesktopState;
use crate::gui::theme;
use crate::words::{t, t_args};

pub fn show(ui: &mut Ui, desktop: &DesktopState, channel: &str) {
    let h = &desktop.history;
    theme::section_title(ui, &t("details-history"));
    theme::card(ui, |ui| {
        let lines = match (&h.lines, h.channel.as_deref() == Some(channel)) {
            (Some(lines), true) => lines,
            _ => {
                ui.label(theme::weak(ui, t("details-history-reading")));
                return;
            }
        };
        match lines {
            Ok(lines) if lines.is_empty() => {
                ui.label(theme::weak(ui, t("details-history-nothing")));
            }
            Ok(entries) => {
                for entry in entries {
                    ui.add(egui::Label::new(crate::words::history::line(entry)).wrap());
                }
            }
            Err(e) => {
                let words = t_args(
                    "details-history-unreadable",
                    &[("detail", e.as_str().into())],
                );
                ui.add(egui::Label::new(words).wrap());
            }
        }
    });
}
