//! The masked box a token is pasted into (with show/hide and live feedback from the paste
//! parser), and the record of which exact text passed validation. Shared by the renew and the
//! add-channel dialogs. The text is a `SecretField`, wiped when the box goes away.

use eframe::egui;
use std::sync::atomic::{AtomicU64, Ordering};

use egui::{Id, Response, RichText, Ui};

use crate::gui::theme;
use crate::gui::widgets::secret_field::SecretField;
use crate::gui::worker::Failure;
use crate::model::secret::fingerprint_of;
use crate::model::{PasteError, PastedToken, Secret, parse_pasted_token};
use crate::service::Validation;
use crate::words::t;

static NEXT_TICKET: AtomicU64 = AtomicU64::new(1);

/// A number that ties a validation answer to the question it answers.
pub fn ticket() -> u64 {
    NEXT_TICKET.fetch_add(1, Ordering::Relaxed)
}

#[derive(Debug)]
pub struct TokenBox {
    field: SecretField,
}

impl TokenBox {
    pub fn new(id: Id) -> Self {
        let field = SecretField::new(id)
            .with_toggle()
            .hint("token-paste-hint")
            .width(f32::INFINITY);
        TokenBox { field }
    }

    pub fn parsed(&self) -> Result<PastedToken, PasteError> {
        parse_pasted_token(self.field.text())
    }

    /// Identifies the text now in the box without keeping it.
    pub fn text_key(&self) -> String {
        fingerprint_of(self.field.text())
    }

    pub fn is_empty(&self) -> bool {
        self.field.text().trim().is_empty()
    }

    /// The labelled box, the show/hide button and the live feedback.
    pub fn ui(&mut self, ui: &mut Ui, label: &str) -> Response {
        let response = ui
            .horizontal(|ui| {
                let label = ui.label(label);
                let edit = self.field.ui(ui, &label);
                // In a dialog the paste box is where the user starts.
                theme::focus_first(ui, &edit);
                edit
            })
            .inner;
        if !self.is_empty() {
            match self.parsed() {
                Ok(p) => {
                    ui.horizontal(|ui| {
                        theme::requirement_mark(ui, Some(true));
                        ui.label(crate::words::errors::paste_source(p.source));
                    });
                }
                Err(e) => {
                    ui.horizontal(|ui| {
                        theme::requirement_mark(ui, Some(false));
                        ui.add(egui::Label::new(e.to_string()).wrap());
                    });
                }
            }
        }
        response
    }

    /// Wipes the text and egui's own copy of the field (its undo history).
    pub fn wipe(&mut self, ctx: &egui::Context) {
        self.field.clear(ctx);
    }
}

/// The last validation asked for and the last answer, each tied to the exact input it was for.
#[derive(Default)]
pub struct ValidationSlot {
    pending: Option<(u64, String)>,
    answer: Option<(String, Result<Box<Validation>, Failure>)>,
}

impl ValidationSlot {
    pub fn ask(&mut self, ticket: u64, key: String) {
        self.pending = Some((ticket, key));
    }

    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    pub fn answer(&mut self, ticket: u64, result: Result<Box<Validation>, Failure>) {
        if let Some((t, key)) = self.pending.take() {
            if t == ticket {
                self.answer = Some((key, result));
            } else {
                self.pending = Some((t, key));
            }
        }
    }

    /// The answer when it is about exactly `key` (the text, kind and app now chosen).
    pub fn answer_for(&self, key: &str) -> Option<&Result<Box<Validation>, Failure>> {
        match &self.answer {
            Some((k, r)) if k == key => Some(r),
            _ => None,
        }
    }

    /// The last answer, even if the input changed since (shown greyed as "for the old text").
    pub fn last(&self) -> Option<&Result<Box<Validation>, Failure>> {
        self.answer.as_ref().map(|(_, r)| r)
    }
}

/// The Validate button and its "Checking with Facebook…" spinner. When pressed, records the
/// question for `key` and returns its ticket with the token to send.
pub fn validate_row(
    ui: &mut Ui,
    slot: &mut ValidationSlot,
    token: &TokenBox,
    key: &str,
    enabled: bool,
) -> Option<(u64, Secret)> {
    let parsed = token.parsed();
    let mut asked = None;
    ui.horizontal(|ui| {
        let can = parsed.is_ok() && !slot.is_pending() && enabled;
        if ui
            .add_enabled(can, egui::Button::new(t("token-validate")))
            .on_disabled_hover_text(t("token-paste-first"))
            .clicked()
            && let Ok(p) = &parsed
        {
            let ticket = ticket();
            slot.ask(ticket, key.to_string());
            asked = Some((ticket, p.token.clone()));
        }
        if slot.is_pending() {
            crate::gui::theme::spinner::spinner(ui);
            ui.label(t("token-checking"));
        }
    });
    asked
}

/// The refusals in words, in a red box: why this token must not be saved.
pub fn refusals(ui: &mut Ui, v: &Validation) {
    if v.refusals.is_empty() {
        return;
    }
    theme::callout(ui, theme::Tone::Error, |ui| {
        ui.label(RichText::new(t("token-cannot-save")).strong());
        for r in &v.refusals {
            ui.add(egui::Label::new(format!("• {}", sentence(r))).wrap());
        }
    });
}

/// A failed validation (network, bad input): nothing was judged.
pub fn failure(ui: &mut Ui, f: &Failure) {
    theme::callout(ui, theme::Tone::Error, |ui| {
        if f.reasons.is_empty() {
            ui.add(egui::Label::new(f.phrase()).wrap());
            return;
        }
        ui.label(RichText::new(t("token-not-saved")).strong());
        for r in &f.reasons {
            ui.add(egui::Label::new(format!("• {}", sentence(r))).wrap());
        }
    });
}

/// A refusal in the user's language; its times are relative to the moment it is read.
fn sentence(r: &crate::model::Reason) -> String {
    crate::words::reasons::sentence(r, chrono::Utc::now())
}
