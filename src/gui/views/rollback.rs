//! "Roll back" from the window: a confirmation that names the channel and says Facebook is
//! asked first, and what is known of the previous token, so the button can say why it is off.
//! The worker calls `Service::rollback_from` with the token the dialog showed (so a token
//! changed meanwhile by someone else is not swapped blindly); `app::apply::rollback` remembers
//! a previous token that was refused.

use eframe::egui::{self, RichText, Ui};

use std::collections::HashMap;

use crate::gui::intents::{RollbackUi, UiCommand};
use crate::gui::theme;
use crate::gui::widgets::dialog::Dialog;
use crate::gui::worker::messages::Failure;
use crate::model::Thresholds;
use crate::model::{Channel, Health, classify};
use crate::words::reasons::sentence;
use crate::words::time::relative;
use crate::words::{t, t_args, t_static};
use chrono::{DateTime, Utc};

/// The open confirmation.
#[derive(Debug, Clone)]
pub struct RollbackDialog {
    pub channel_id: String,
    pub name: String,
    /// The current token the user saw, so a change made meanwhile is a conflict, not a swap.
    pub current: String,
    /// The token that would be put back.
    pub previous: String,
    pub busy: bool,
    pub problem: Option<Failure>,
}

/// What is known of a channel's previous token, shown next to Roll back.
pub struct PreviousHealth {
    /// Its last known health in a sentence.
    pub summary: String,
    /// Why it is known not to work, when it is: Roll back is then off.
    pub dead: Option<String>,
}

/// The previous token's last known health: a rollback refused this session, else its facts
/// from before it was replaced (or from a refused rollback), judged against the clock now.
pub fn previous_health(
    dead_previous: &HashMap<String, (String, String)>,
    thresholds: &Thresholds,
    channel: &Channel,
    now: DateTime<Utc>,
) -> Option<PreviousHealth> {
    let prev = channel.previous_token.as_ref()?;
    if let Some((fingerprint, why)) = dead_previous.get(&channel.id)
        && *fingerprint == prev.fingerprint
    {
        return Some(PreviousHealth {
            summary: t_args("rollback-previous-dead", &[("why", why.as_str().into())]),
            dead: Some(why.clone()),
        });
    }
    let Some(report) = &channel.previous_report else {
        return Some(PreviousHealth {
            summary: t("rollback-previous-unchecked"),
            dead: None,
        });
    };
    let d = classify(Some(report), None, &channel.requirements(), now, thresholds);
    let when = match report.checked_at {
        Some(at) => relative(at, now),
        None => t("unknown"),
    };
    let why = d
        .main_reason()
        .map(|r| sentence(r, now))
        .unwrap_or_default();
    let said = |id: &str| {
        t_args(
            id,
            &[("when", when.as_str().into()), ("why", why.as_str().into())],
        )
    };
    let (summary, dead) = match d.health {
        Health::Healthy => (said("rollback-previous-working"), None),
        Health::NeedsAttention => (said("rollback-previous-attention"), None),
        Health::Broken => (said("rollback-previous-broken"), Some(why.clone())),
        Health::Unknown => (t("rollback-previous-unchecked"), None),
    };
    Some(PreviousHealth { summary, dead })
}

pub fn show(ui: &mut Ui, dialog: &RollbackDialog, can_act: bool, out: &mut Vec<UiCommand>) {
    let act = |c: RollbackUi| UiCommand::Rollback(c);
    let title = t_args("rollback-title", &[("name", dialog.name.as_str().into())]);
    // After a refusal there is nothing left to cancel.
    let dismiss = t_static(if dialog.problem.is_some() {
        "dialog-close"
    } else {
        "dialog-cancel"
    });
    let shell = Dialog::new("rollback", title)
        .width(theme::CONFIRM_DIALOG_WIDTH)
        .dismiss(dismiss)
        .busy(dialog.busy, Some(&t("rollback-asking")));
    let shown = shell.show(ui, |d| {
        d.body(|ui| {
            ui.add(egui::Label::new(t("rollback-first-checks")).wrap());
            let tokens = t_args(
                "rollback-tokens",
                &[
                    ("current", dialog.current.as_str().into()),
                    ("previous", dialog.previous.as_str().into()),
                ],
            );
            ui.add(egui::Label::new(theme::weak(ui, tokens)).wrap());
            if let Some(f) = &dialog.problem {
                ui.add_space(theme::GAP);
                let red = theme::health_color(ui.visuals(), Health::Broken);
                let words = RichText::new(t("rollback-nothing-changed")).color(red);
                ui.add(egui::Label::new(words).wrap());
                crate::gui::widgets::token_box::failure(ui, f);
            }
        });
        d.buttons(|ui| {
            let ready = can_act && !dialog.busy && dialog.problem.is_none();
            if ui
                .add_enabled(ready, theme::primary(ui, t("rollback-confirm")))
                .clicked()
            {
                out.push(act(RollbackUi::Confirm));
            }
        });
    });
    if shown.close {
        out.push(act(RollbackUi::Close));
    }
}
