//! The collapsed "Details" section of a channel, for support: the reason and remedy codes behind
//! the words, the last Graph error and a failed check's cause, with Meta's trace id to quote.

use eframe::egui;
use egui::{RichText, Ui};

use crate::gui::theme;
use crate::gui::views::details::DetailsInput;
use crate::words::{t, t_args};

pub fn technical(ui: &mut Ui, input: &DetailsInput<'_>) {
    let channel = &input.view.channel;
    ui.add_space(theme::GAP);
    egui::CollapsingHeader::new(t("technical-title"))
        .id_salt("technical-details")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(theme::weak(ui, t("technical-intro")));
            ui.label(t_args(
                "technical-channel-id",
                &[("id", channel.id.as_str().into())],
            ));
            for r in &input.view.diagnosis.reasons {
                ui.label(t_args(
                    "technical-reason",
                    &[
                        ("reason", r.code.code().into()),
                        ("remedy", r.remedy.code().into()),
                    ],
                ));
            }
            if let Some(e) = channel.last_report.as_ref().and_then(|r| r.error.as_ref()) {
                graph_error(ui, &t("technical-token-error"), e);
            }
            if let Some(f) = &channel.last_failure {
                let failed = t_args(
                    "technical-check-failed",
                    &[
                        ("kind", format!("{:?}", f.kind).into()),
                        ("when", crate::words::time::at(f.at).into()),
                        ("detail", f.detail.as_str().into()),
                    ],
                );
                ui.add(egui::Label::new(failed).wrap());
                if let Some(e) = &f.graph_error {
                    graph_error(ui, &t("technical-check-error"), e);
                }
            }
        });
}

fn graph_error(ui: &mut Ui, title: &str, e: &crate::model::GraphErrorInfo) {
    let code = match e.subcode {
        Some(sub) => t_args(
            "technical-code-subcode",
            &[("code", e.code.into()), ("subcode", sub.into())],
        ),
        None => t_args("technical-code", &[("code", e.code.into())]),
    };
    ui.add(egui::Label::new(format!("{title}: {code}: {}", e.message)).wrap());
    if let Some(trace) = &e.fbtrace_id {
        ui.add(
            egui::Label::new(RichText::new(format!("fbtrace_id: {trace}")).monospace())
                .selectable(true),
        );
    }
}
