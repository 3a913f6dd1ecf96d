//! The renew dialog's easy way: "Log in with Facebook" instead of finding and pasting a token.
//! The login is turned into the channel's Page token by the worker and validated like a pasted
//! one; its facts appear in the same side-by-side panel, and Save stores exactly that token.

use eframe::egui;
use egui::{RichText, Ui};

use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::gui::views::login::{self, DeviceLogin, LoginTarget};
use crate::gui::views::renew::{RenewInput, verdict};
use crate::gui::widgets::token_box;
use crate::gui::worker::login_jobs::{AfterLogin, LoginCommand, LoginEvent};
use crate::gui::worker::{Command, Failure};
use crate::service::{Validation, login_message};
use crate::words::{t, t_args};

pub struct LoginPanel {
    device: DeviceLogin,
    result: Option<Result<Box<Validation>, Failure>>,
    accept: bool,
}

impl LoginPanel {
    pub fn on_event(&mut self, event: &LoginEvent) {
        if !self.device.on_event(event) {
            return;
        }
        if let LoginEvent::Validated { result, .. } = event {
            self.result = Some(result.clone());
            self.accept = false;
        }
    }

    /// The validation Save would store, when it passed and its warnings were accepted.
    fn ready(&self) -> Option<&Validation> {
        match &self.result {
            Some(Ok(v)) if v.passes() && (v.warnings.is_empty() || self.accept) => Some(v),
            _ => None,
        }
    }

    /// The command for "Save new token", when the login's token may be saved.
    pub fn save(&self, channel: &str) -> Option<Command> {
        let v = self.ready()?;
        Some(Command::Login(LoginCommand::SaveValidated {
            channel: channel.to_string(),
            validation: Box::new(v.clone()),
            accept_warnings: self.accept,
        }))
    }
}

/// The offer to log in (when `panel` is empty) or the login in progress and its result.
/// Returns true while the login is the way chosen, so the paste steps stay hidden.
pub fn section(
    ui: &mut Ui,
    panel: &mut Option<LoginPanel>,
    input: &RenewInput<'_>,
    out: &mut Vec<UiCommand>,
) -> bool {
    let channel = &input.view.channel;
    let page = channel
        .page_name
        .clone()
        .unwrap_or_else(|| t("renew-the-page"));
    let Some(p) = panel else {
        let explain = t_args("renew-login-explain", &[("page", page.as_str().into())]);
        if login::offer(ui, &explain, input.can_save, None) {
            match login::app_of(channel) {
                Some(app_id) => {
                    let target = LoginTarget {
                        app_id,
                        kind: channel.kind,
                        channel: channel.id.clone(),
                        manages: login_message::who_manages(channel),
                        after: AfterLogin::Validate,
                    };
                    let (device, command) = DeviceLogin::start(target);
                    *panel = Some(LoginPanel {
                        device,
                        result: None,
                        accept: false,
                    });
                    out.push(UiCommand::Worker(command));
                }
                None => out.push(UiCommand::Login(crate::gui::intents::LoginUi::OpenApps)),
            }
        }
        return false;
    };
    ui.label(
        RichText::new(t("dialog-login-title"))
            .strong()
            .size(theme::SECTION_TITLE_SIZE),
    );
    ui.add_space(theme::SMALL_GAP);
    let making = t_args("renew-login-making", &[("page", page.into())]);
    p.device.ui(ui, &making, out);
    match &p.result {
        Some(Ok(v)) => verdict(ui, v, input, &mut p.accept),
        Some(Err(f)) => {
            token_box::failure(ui, f);
            ui.label(theme::weak(ui, t("dialog-nothing-saved")));
            if ui.button(t("dialog-login-other-account")).clicked() {
                p.result = None;
                out.push(UiCommand::Worker(p.device.restart()));
            }
        }
        None => {}
    }
    ui.add_space(theme::GAP);
    if ui.button(t("dialog-paste-instead")).clicked() {
        *panel = None;
    }
    true
}
