//! A validation's verdict drawn right under Validate: the one sentence of `words::verdict`
//! first, then the refusals worth reading (another Page's token is refused for that alone).
//! Shared by the renew and the add-channel dialogs.

use chrono::{DateTime, Utc};
use eframe::egui;
use egui::{RichText, Ui};

use crate::gui::theme;
use crate::service::Validation;
use crate::words::reasons::sentence;
use crate::words::t;
use crate::words::verdict::{Tone, real_refusals, verdict};

/// The verdict sentence and, when it does not say it all, the refusals that count.
/// `ours` is the channel's Page name when the token must be that Page's.
pub fn show(ui: &mut Ui, v: &Validation, ours: Option<&str>, now: DateTime<Utc>) {
    let said = verdict(v, ours, now);
    let tone = match said.tone {
        Tone::Works => theme::Tone::Success,
        Tone::Attention => theme::Tone::Warning,
        Tone::Refused => theme::Tone::Error,
    };
    theme::callout(ui, tone, |ui| {
        ui.add(egui::Label::new(RichText::new(&said.sentence).strong()).wrap());
        let kept = real_refusals(&v.refusals);
        if said.tone != Tone::Refused || said.says_all || kept.is_empty() {
            return;
        }
        ui.add_space(theme::SMALL_GAP);
        ui.label(t("dialog-refusals-heading"));
        for r in kept {
            ui.add(egui::Label::new(format!("• {}", sentence(r, now))).wrap());
        }
    });
}
