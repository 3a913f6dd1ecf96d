//! "Roll back" from the window: a confirmation that names the channel and says Facebook is
//! asked first, the worker's call of `Service::rollback_from` with the token the dialog showed
//! (so a token changed meanwhile by someone else is not swapped blindly), and what the window
//! remembers about a previous token that was refused, so the button can say why it is off.

use eframe::egui::{self, RichText, Ui};

use crate::gui::app::state::{AppState, NoticeKind, UiCommand};
use crate::gui::theme;
use crate::gui::worker::Worker;
use crate::gui::worker::messages::{Command, Failure};
use crate::model::time::describe_at;
use crate::model::{Channel, Health, classify};
use chrono::{DateTime, Utc};

/// What the widgets of the rollback confirmation ask for.
#[derive(Debug, Clone)]
pub enum RollbackUi {
    /// Open the confirmation for this channel.
    Ask(String),
    Confirm,
    Close,
}

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
    state: &AppState,
    channel: &Channel,
    now: DateTime<Utc>,
) -> Option<PreviousHealth> {
    let prev = channel.previous_token.as_ref()?;
    if let Some((fingerprint, why)) = state.dead_previous.get(&channel.id)
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
    let d = classify(
        Some(report),
        None,
        &channel.requirements(),
        now,
        &state.thresholds,
    );
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

/// Carries out a widget's request on the window's side.
pub fn handle(state: &mut AppState, command: RollbackUi, worker: &Worker) {
    match command {
        RollbackUi::Ask(id) => {
            let Some(view) = state.table.get(&id) else {
                return;
            };
            let c = &view.channel;
            let Some(prev) = &c.previous_token else {
                return;
            };
            state.rollback = Some(RollbackDialog {
                channel_id: c.id.clone(),
                name: c.name.clone(),
                current: c.token.fingerprint.clone(),
                previous: prev.fingerprint.clone(),
                busy: false,
                problem: None,
            });
        }
        RollbackUi::Close => state.rollback = None,
        RollbackUi::Confirm => {
            if let Some(d) = &mut state.rollback
                && !d.busy
            {
                d.busy = true;
                d.problem = None;
                state.rolling_back.insert(d.channel_id.clone());
                worker.send(Command::Rollback {
                    channel: d.channel_id.clone(),
                    seen: d.current.clone(),
                });
            }
        }
    }
}

/// Applies the worker's answer: closes the dialog with a notice, or shows the refusal in it.
pub fn apply(state: &mut AppState, channel: String, result: Result<String, Failure>) {
    state.rolling_back.remove(&channel);
    match result {
        Ok(name) => {
            if state
                .rollback
                .as_ref()
                .is_some_and(|d| d.channel_id == channel)
            {
                state.rollback = None;
            }
            state.notify(
                NoticeKind::Success,
                format!(
                    "The previous token of \"{name}\" is back in use. Facebook confirmed it still \
                     works; the replaced token is kept, so you can roll back again."
                ),
            );
        }
        Err(f) => {
            let prev = state
                .rollback
                .as_ref()
                .filter(|d| d.channel_id == channel)
                .map(|d| d.previous.clone());
            // A refusal means the token was looked at and failed: remember it for the button.
            if !f.reasons.is_empty()
                && let Some(prev) = prev
            {
                let why = f
                    .reasons
                    .get(1)
                    .or(f.reasons.first())
                    .map(|r| r.message.clone())
                    .unwrap_or_default();
                state.dead_previous.insert(channel.clone(), (prev, why));
            }
            match state.rollback.as_mut().filter(|d| d.channel_id == channel) {
                Some(d) => {
                    d.busy = false;
                    d.problem = Some(f);
                }
                None => state.notify(NoticeKind::Error, f.message),
            }
        }
    }
}

pub fn show(ui: &mut Ui, dialog: &RollbackDialog, can_act: bool, out: &mut Vec<UiCommand>) {
    let act = |c: RollbackUi| UiCommand::Rollback(c);
    let modal = theme::dialog("rollback-dialog").show(ui.ctx(), |ui| {
        ui.set_width(theme::DIALOG_WIDTH - 160.0);
        ui.heading(format!("Put back the previous token of {}?", dialog.name));
        ui.add(
            egui::Label::new("Tokenwarden first checks with Facebook that it still works.").wrap(),
        );
        ui.label(theme::weak(
            ui,
            format!(
                "Now in use: {}. Would be put back: {}. The token now in use is kept, so this can \
                 be undone.",
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
        ui.add_space(theme::GAP);
        ui.horizontal(|ui| {
            let ready = can_act && !dialog.busy && dialog.problem.is_none();
            if ui
                .add_enabled(ready, theme::primary(ui, "Check and roll back"))
                .clicked()
            {
                out.push(act(RollbackUi::Confirm));
            }
            let close = if dialog.problem.is_some() {
                "Close"
            } else {
                "Cancel"
            };
            if ui.button(close).clicked() {
                out.push(act(RollbackUi::Close));
            }
            if dialog.busy {
                crate::gui::theme::spinner::spinner(ui);
                ui.label(theme::weak(ui, "Asking Facebook…"));
            }
        });
    });
    theme::settle_dialog(ui.ctx(), "rollback", modal.response.rect);
}
