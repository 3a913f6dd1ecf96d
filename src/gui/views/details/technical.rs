//! The collapsed "Details" section of a channel, for support: the reason and remedy codes behind
//! the words, the last Graph error and a failed check's cause, with Meta's trace id to quote.

use eframe::egui;
use egui::{RichText, Ui};

use crate::gui::theme;
use crate::gui::views::details::DetailsInput;

pub fn technical(ui: &mut Ui, input: &DetailsInput<'_>) {
    let channel = &input.view.channel;
    ui.add_space(theme::GAP);
    egui::CollapsingHeader::new("Details")
        .id_salt("technical-details")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(theme::weak(
                ui,
                "For support: the codes behind the words above.",
            ));
            ui.label(format!("Channel id: {}", channel.id));
            for r in &input.view.diagnosis.reasons {
                ui.label(format!(
                    "Reason: {} (remedy: {})",
                    r.code.code(),
                    r.remedy.code()
                ));
            }
            if let Some(e) = channel.last_report.as_ref().and_then(|r| r.error.as_ref()) {
                graph_error(ui, "Token error", e);
            }
            if let Some(f) = &channel.last_failure {
                ui.label(format!(
                    "Last check failed ({:?}) at {}: {}",
                    f.kind,
                    f.at.format("%Y-%m-%d %H:%M:%S UTC"),
                    f.detail
                ));
                if let Some(e) = &f.graph_error {
                    graph_error(ui, "Check error", e);
                }
            }
        });
}

fn graph_error(ui: &mut Ui, title: &str, e: &crate::model::GraphErrorInfo) {
    let sub = e
        .subcode
        .map(|s| format!(", subcode {s}"))
        .unwrap_or_default();
    ui.add(egui::Label::new(format!("{title}: code {}{sub}: {}", e.code, e.message)).wrap());
    if let Some(trace) = &e.fbtrace_id {
        ui.add(
            egui::Label::new(RichText::new(format!("fbtrace_id: {trace}")).monospace())
                .selectable(true),
        );
    }
}
