//! Removing and renaming a channel or an app from the window: a confirmation that names what
//! goes away, and a rename field. The worker's job (`worker::lifecycle_jobs`) calls the same
//! service use cases as `tokenwarden remove`/`rename`; `app::apply::lifecycle` shows its answer.

use eframe::egui;
use egui::{RichText, Ui};

use crate::gui::intents::LifecycleUi;
use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::gui::widgets;
use crate::gui::widgets::dialog::Dialog;
use crate::gui::worker::messages::Failure;
use crate::gui::worker::messages::lifecycle::LifecycleCommand;
use crate::model::Health;
use crate::words::{t, t_args, t_static};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Channel {
        id: String,
        name: String,
        has_previous: bool,
    },
    App {
        id: String,
        name: String,
        has_secret: bool,
        /// Names of the channels that use it: while there are any it cannot be removed.
        used_by: Vec<String>,
    },
}

/// The open confirmation or rename dialog.
#[derive(Debug, Clone)]
pub struct LifecycleDialog {
    pub target: Target,
    /// `None` to remove; the name being typed to rename.
    pub new_name: Option<String>,
    pub busy: bool,
    pub problem: Option<Failure>,
}

impl LifecycleDialog {
    pub fn open(target: Target, rename: bool) -> Self {
        let new_name = rename.then(|| match &target {
            Target::Channel { name, .. } | Target::App { name, .. } => name.clone(),
        });
        LifecycleDialog {
            target,
            new_name,
            busy: false,
            problem: None,
        }
    }

    pub fn command(&self) -> LifecycleCommand {
        match (&self.target, &self.new_name) {
            (Target::Channel { id, .. }, None) => LifecycleCommand::RemoveChannel(id.clone()),
            (Target::Channel { id, .. }, Some(n)) => LifecycleCommand::RenameChannel {
                id: id.clone(),
                new_name: n.trim().to_string(),
            },
            (Target::App { id, .. }, None) => LifecycleCommand::RemoveApp(id.clone()),
            (Target::App { id, .. }, Some(n)) => LifecycleCommand::RenameApp {
                id: id.clone(),
                new_name: n.trim().to_string(),
            },
        }
    }
}

const NAME_FIELD: &str = "lifecycle-new-name";

pub fn show(ui: &mut Ui, dialog: &mut LifecycleDialog, can_act: bool, out: &mut Vec<UiCommand>) {
    let act = |c: LifecycleUi| UiCommand::Lifecycle(c);
    let (heading, words, blocked) = texts(dialog);
    let shell = Dialog::new("lifecycle", heading)
        .dismiss(t_static("dialog-cancel"))
        .width(theme::CONFIRM_DIALOG_WIDTH)
        .busy(dialog.busy, None);
    let shown = shell.show(ui, |d| {
        let submit = d.body(|ui| {
            let mut submit = false;
            match &mut dialog.new_name {
                None => {
                    ui.add(egui::Label::new(words).wrap());
                }
                Some(name) => {
                    ui.horizontal(|ui| {
                        let label = ui.label(t("lifecycle-new-name"));
                        let edit = ui
                            .add(
                                egui::TextEdit::singleline(name)
                                    .id_salt(NAME_FIELD)
                                    .desired_width(theme::NAME_FIELD_WIDTH),
                            )
                            .labelled_by(label.id);
                        submit = widgets::entered(ui, &edit);
                    });
                }
            }
            if let Some(reason) = &blocked {
                let red = theme::health_color(ui.visuals(), Health::Broken);
                ui.add(egui::Label::new(RichText::new(reason).color(red)).wrap());
            }
            if let Some(f) = &dialog.problem {
                crate::gui::widgets::token_box::failure(ui, f);
            }
            submit
        });
        d.buttons(|ui| {
            let verb = t(if dialog.new_name.is_some() {
                "lifecycle-rename"
            } else {
                "lifecycle-remove"
            });
            // A rename needs a name, and another one than it has.
            let current = match &dialog.target {
                Target::Channel { name, .. } | Target::App { name, .. } => name.as_str(),
            };
            let ready = can_act
                && blocked.is_none()
                && !dialog.busy
                && dialog
                    .new_name
                    .as_ref()
                    .is_none_or(|n| !n.trim().is_empty() && n.trim() != current);
            let clicked = ui.add_enabled(ready, theme::primary(ui, verb)).clicked();
            if ready && (clicked || submit) {
                out.push(act(LifecycleUi::Confirm));
            }
        });
    });
    if shown.close {
        out.push(act(LifecycleUi::Close));
    }
}

/// The heading, what goes away (for a removal), and why it cannot happen (if it cannot).
fn texts(dialog: &LifecycleDialog) -> (String, String, Option<String>) {
    let renaming = dialog.new_name.is_some();
    let named = |id: &str, name: &str| t_args(id, &[("name", name.into())]);
    match &dialog.target {
        Target::Channel {
            name, has_previous, ..
        } => {
            if renaming {
                return (named("lifecycle-rename-channel", name), String::new(), None);
            }
            let tokens = if *has_previous {
                "lifecycle-tokens-deleted"
            } else {
                "lifecycle-token-deleted"
            };
            (named("lifecycle-remove-channel", name), t(tokens), None)
        }
        Target::App {
            name,
            has_secret,
            used_by,
            ..
        } => {
            if renaming {
                return (named("lifecycle-rename-app", name), String::new(), None);
            }
            let words = t(if *has_secret {
                "lifecycle-app-secret-deleted"
            } else {
                "lifecycle-app-nothing-else"
            });
            let blocked = (!used_by.is_empty()).then(|| {
                t_args(
                    "lifecycle-app-in-use",
                    &[("names", used_by.join(", ").into())],
                )
            });
            (named("lifecycle-remove-app", name), words, blocked)
        }
    }
}
