//! "Your browser didn't open. Copy this link:" — shown where the user asked for a page when the
//! system browser could not be started, with the link to select and a Copy button. The launcher's
//! own complaint (its name, its exit status) is never shown: it helps nobody at a support desk.
//!
//! The app remembers the failed address in the egui context (`remember`) and forgets it when the
//! page changes, a dialog closes or a later address opens (`forget`); the views only `offer`.

use eframe::egui;
use egui::{RichText, Ui};

use crate::gui::intents::{LoginUi, UiCommand};
use crate::gui::theme;

fn key() -> egui::Id {
    egui::Id::unique("tokenwarden-unopened-link")
}

/// The browser did not open `url`: the view that asked offers it from the next frame on.
pub fn remember(ctx: &egui::Context, url: &str) {
    ctx.data_mut(|d| d.insert_temp(key(), url.to_string()));
}

/// Nothing is waiting to be copied any more.
pub fn forget(ctx: &egui::Context) {
    ctx.data_mut(|d| d.remove::<String>(key()));
}

/// The address the browser last failed to open, if it is still offered.
pub fn unopened(ctx: &egui::Context) -> Option<String> {
    ctx.data(|d| d.get_temp::<String>(key()))
}

/// Shows the way forward when the browser failed to open an address this place asked for
/// (`asked` says which).
pub fn offer(ui: &mut Ui, asked: impl Fn(&str) -> bool, out: &mut Vec<UiCommand>) {
    let Some(failed) = unopened(ui.ctx()) else {
        return;
    };
    // Under an open dialog the user cannot reach it: the dialog offers it instead.
    let modal = ui.ctx().memory(|m| m.top_modal_layer());
    if !asked(&failed) || modal.is_some_and(|layer| layer != ui.layer_id()) {
        return;
    }
    theme::callout(ui, theme::Tone::Warning, |ui| {
        ui.label(RichText::new(crate::words::t("gui-browser-not-opened")).strong());
        ui.add(
            egui::Label::new(RichText::new(&failed).monospace())
                .selectable(true)
                .wrap(),
        );
        if ui.button(crate::words::t("gui-copy-link")).clicked() {
            out.push(UiCommand::Login(LoginUi::CopyText(failed.clone())));
        }
    });
}
