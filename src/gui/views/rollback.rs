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
use crate::model::time::describe_at;
use crate::model::{Channel, Health, classify};
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
            summary: format!("Previous token: does not work any more. {why}"),
            dead: Some(why.clone()),
        });
    }
    let Some(report) = &channel.previous_report else {
        return Some(PreviousHealth {
            summary: "Previous token: not checked since it was replaced.".into(),
            dead: None,
        });
    };
    let d = classify(Some(report), None, &channel.requirements(), now, thresholds);
    let when = report
        .checked_at
        .map(|t| format!(" ({})", describe_at(t, now)))
        .unwrap_or_default();
    let why = d
        .main_reason()
        .map(|r| r.message.clone())
        .unwrap_or_default();
    let (summary, dead) = match d.health {
        Health::Healthy => (
            format!("Previous token, when last checked{when}: working."),
            None,
        ),
        Health::NeedsAttention => (
            format!("Previous token, when last checked{when}: needs attention. {why}"),
            None,
        ),
        Health::Broken => (
            format!("Previous token, when last checked{when}: does not work. {why}"),
            Some(why),
        ),
        Health::Unknown => (
            "Previous token: not checked since it was replaced.".into(),
            None,
        ),
    };
    Some(PreviousHealth { summary, dead })
}

pub fn show(ui: &mut Ui, dialog: &RollbackDialog, can_act: bool, out: &mut Vec<UiCommand>) {
    let act = |c: RollbackUi| UiCommand::Rollback(c);
    let title = format!("Put back the previous token of {}?", dialog.name);
    // After a refusal there is nothing left to cancel.
    let dismiss = if dialog.problem.is_some() {
        "Close"
    } else {
        "Cancel"
    };
    let shell = Dialog::new("rollback", title)
        .width(theme::CONFIRM_DIALOG_WIDTH)
        .dismiss(dismiss)
        .busy(dialog.busy, Some("Asking Facebook…"));
    let shown = shell.show(ui, |d| {
        d.body(|ui| {
            ui.add(
                egui::Label::new("Tokenwarden first checks with Facebook that it still works.")
                    .wrap(),
            );
            ui.label(theme::weak(
                ui,
                format!(
                    "Now in use: {}. Would be put back: {}. The token now in use is kept, so \
                     this can be undone.",
                    dialog.current, dialog.previous
                ),
            ));
            if let Some(f) = &dialog.problem {
                ui.add_space(theme::GAP);
                let red = theme::health_color(ui.visuals(), Health::Broken);
                ui.label(
                    RichText::new("Nothing was changed: the channel keeps its current token.")
                        .color(red),
                );
                crate::gui::widgets::token_box::failure(ui, f);
            }
        });
        d.buttons(|ui| {
            let ready = can_act && !dialog.busy && dialog.problem.is_none();
            if ui
                .add_enabled(ready, theme::primary(ui, "Check and roll back"))
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
