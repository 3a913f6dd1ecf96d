//! "Log in with Facebook" without typing a password into Tokenwarden: Meta's login for devices.
//! The code is shown large with a Copy button and a button that opens facebook.com/device, with a
//! message ready to send to a customer on a call; the worker waits for the approval (checking
//! less often when Facebook asks) and Cancel stops it.
//! Shared by the renew dialog (one channel) and the group dialog (all channels of one person).

use eframe::egui;
use egui::{RichText, Ui};
use tokio_util::sync::CancellationToken;

use crate::gui::intents::LoginUi;
use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::gui::widgets::token_box;
use crate::gui::widgets::unopened_link;
use crate::gui::worker::login_jobs::{AfterLogin, LoginCommand, LoginEvent};
use crate::gui::worker::{Command, Failure};
use crate::model::ChannelKind;
use crate::service::login_message::typed_address;
use crate::words::{t, t_args};

/// Who logs in for what: kept so "Log in again" can start the same login.
#[derive(Clone)]
pub struct LoginTarget {
    pub app_id: String,
    pub kind: ChannelKind,
    pub channel: String,
    /// Who must log in, in words ("Acme Shoes"): used in the message for the customer.
    pub manages: String,
    pub after: AfterLogin,
}

enum Phase {
    Starting,
    Waiting {
        user_code: String,
        uri: String,
        interval: u64,
    },
    /// Approved: the Page tokens are being made (and, for a group, saved).
    Approved,
    /// The owner got the result.
    Finished,
    Failed {
        failure: Failure,
        missing_client_token: bool,
    },
}

pub struct DeviceLogin {
    target: LoginTarget,
    ticket: u64,
    phase: Phase,
    cancel: CancellationToken,
}

impl DeviceLogin {
    /// Starts the login; the returned command goes to the worker.
    pub fn start(target: LoginTarget) -> (DeviceLogin, Command) {
        let mut login = DeviceLogin {
            target,
            ticket: 0,
            phase: Phase::Starting,
            cancel: CancellationToken::new(),
        };
        let command = login.restart();
        (login, command)
    }

    /// Starts the same login again (after a failure, or with another account).
    pub fn restart(&mut self) -> Command {
        self.cancel.cancel();
        self.cancel = CancellationToken::new();
        self.ticket = token_box::ticket();
        self.phase = Phase::Starting;
        let t = self.target.clone();
        Command::Login(LoginCommand::DeviceLogin {
            ticket: self.ticket,
            app_id: t.app_id,
            kind: t.kind,
            channel: t.channel,
            after: t.after,
            cancel: self.cancel.clone(),
        })
    }

    /// Stops waiting for the approval; nothing is changed.
    pub fn stop(&mut self) {
        self.cancel.cancel();
        if self.is_busy() {
            self.phase = Phase::Failed {
                failure: Failure::new(t("device-cancelled")),
                missing_client_token: false,
            };
        }
    }

    /// Waiting for Facebook or for the worker.
    pub fn is_busy(&self) -> bool {
        matches!(
            self.phase,
            Phase::Starting | Phase::Waiting { .. } | Phase::Approved
        )
    }

    /// Takes the progress of this login; true when `event` belongs to it.
    pub fn on_event(&mut self, event: &LoginEvent) -> bool {
        let ticket = match event {
            LoginEvent::Code { ticket, .. }
            | LoginEvent::Waiting { ticket, .. }
            | LoginEvent::Approved { ticket }
            | LoginEvent::Failed { ticket, .. }
            | LoginEvent::Validated { ticket, .. }
            | LoginEvent::GroupRenewed { ticket, .. } => *ticket,
            LoginEvent::Subscribed { .. } => return false,
        };
        if ticket != self.ticket {
            return false;
        }
        match (event, &mut self.phase) {
            (
                LoginEvent::Code {
                    user_code,
                    verification_uri,
                    interval,
                    ..
                },
                Phase::Starting,
            ) => {
                self.phase = Phase::Waiting {
                    user_code: user_code.clone(),
                    uri: verification_uri.clone(),
                    interval: *interval,
                };
            }
            (LoginEvent::Waiting { interval: new, .. }, Phase::Waiting { interval, .. }) => {
                *interval = *new;
            }
            (LoginEvent::Approved { .. }, Phase::Waiting { .. } | Phase::Starting) => {
                self.phase = Phase::Approved;
            }
            (
                LoginEvent::Failed {
                    failure,
                    missing_client_token,
                    ..
                },
                _,
            ) => {
                self.phase = Phase::Failed {
                    failure: failure.clone(),
                    missing_client_token: *missing_client_token,
                };
            }
            (LoginEvent::Validated { .. } | LoginEvent::GroupRenewed { .. }, _) => {
                self.phase = Phase::Finished;
            }
            _ => {}
        }
        true
    }

    /// The code, its buttons and the waiting line; or why the login ended.
    pub fn ui(&mut self, ui: &mut Ui, making: &str, out: &mut Vec<UiCommand>) {
        match &self.phase {
            Phase::Starting => {
                ui.horizontal(|ui| {
                    crate::gui::theme::spinner::spinner(ui);
                    ui.label(t("device-asking"));
                });
            }
            Phase::Waiting {
                user_code,
                uri,
                interval,
            } => {
                let (user_code, uri, interval) = (user_code.clone(), uri.clone(), *interval);
                waiting(ui, &user_code, &uri, interval, out);
                for_the_customer(ui, &user_code, &uri, &self.target.manages, out);
                if ui.button(t("device-cancel")).clicked() {
                    self.stop();
                }
            }
            Phase::Approved => {
                ui.horizontal(|ui| {
                    crate::gui::theme::spinner::spinner(ui);
                    ui.label(making);
                });
            }
            Phase::Finished => {}
            Phase::Failed {
                failure,
                missing_client_token,
            } => {
                if *missing_client_token {
                    theme::callout(ui, theme::Tone::Warning, |ui| {
                        ui.add(egui::Label::new(t("device-needs-client-token")).wrap());
                    });
                } else {
                    token_box::failure(ui, failure);
                }
                let missing = *missing_client_token;
                ui.horizontal(|ui| {
                    if missing && ui.button(t("device-open-apps")).clicked() {
                        out.push(UiCommand::Login(LoginUi::OpenApps));
                    }
                    if ui.button(t("device-again")).clicked() {
                        let command = self.restart();
                        out.push(UiCommand::Worker(command));
                    }
                });
            }
        }
    }
}

impl Drop for DeviceLogin {
    fn drop(&mut self) {
        // A closed dialog must not leave a login waiting in the background.
        self.cancel.cancel();
    }
}

fn waiting(ui: &mut Ui, user_code: &str, uri: &str, interval: u64, out: &mut Vec<UiCommand>) {
    ui.label(t("device-enter-code"));
    ui.add_space(theme::SMALL_GAP);
    ui.add(
        egui::Label::new(
            RichText::new(user_code)
                .size(theme::USER_CODE_SIZE)
                .strong()
                .monospace(),
        )
        .selectable(true),
    );
    ui.add_space(theme::SMALL_GAP);
    ui.horizontal(|ui| {
        if ui.button(t("device-copy-code")).clicked() {
            out.push(UiCommand::Login(LoginUi::CopyText(user_code.to_string())));
        }
        let shown = typed_address(uri);
        let open = theme::primary(ui, t_args("dialog-open-link", &[("link", shown.into())]));
        if ui.add(open).clicked() {
            out.push(UiCommand::OpenUrl(uri.to_string()));
        }
    });
    unopened_link::offer(ui, |u| u == uri, out);
    ui.add_space(theme::SMALL_GAP);
    ui.horizontal(|ui| {
        crate::gui::theme::spinner::still(ui);
        ui.label(t_args("device-waiting", &[("seconds", interval.into())]));
    });
    ui.label(theme::weak(ui, t("device-who")));
}

/// The message a support person reads out or sends to a customer on a call, with its Copy button.
fn for_the_customer(
    ui: &mut Ui,
    user_code: &str,
    uri: &str,
    manages: &str,
    out: &mut Vec<UiCommand>,
) {
    let message = crate::words::login::ready_message(uri, user_code, manages);
    ui.add_space(theme::GAP);
    theme::card(ui, |ui| {
        ui.label(RichText::new(t("device-for-customer")).strong());
        ui.add(egui::Label::new(message.as_str()).selectable(true).wrap());
        if ui
            .button(t("device-copy-message"))
            .on_hover_text(t("device-copy-message-hover"))
            .clicked()
        {
            out.push(UiCommand::Login(LoginUi::CopyText(message.clone())));
        }
    });
}

/// "The easy way" card that offers to log in instead of pasting, then the line that leads to the
/// paste steps. True when "Log in with Facebook" was pressed. Shared by Renew and Add.
pub fn offer(ui: &mut Ui, explain: &str, enabled: bool, why_not: Option<&str>) -> bool {
    let clicked = theme::card(ui, |ui| {
        ui.label(RichText::new(t("device-easy-way")).strong());
        ui.add(egui::Label::new(explain).wrap());
        let button = ui.add_enabled(enabled, theme::primary(ui, t("dialog-login-title")));
        match why_not {
            Some(why) => button.on_disabled_hover_text(why),
            None => button,
        }
        .clicked()
    });
    ui.add_space(theme::GAP);
    ui.label(theme::weak(ui, t("device-or-by-hand")));
    clicked
}

/// The app a channel's logins go through: the saved one, else the one its token was made with.
pub fn app_of(channel: &crate::model::Channel) -> Option<String> {
    channel
        .app_id
        .clone()
        .or_else(|| channel.last_report.as_ref()?.app_id.clone())
}

#[cfg(test)]
mod tests {
    //! The device login by its labels (no window, no worker): waiting for the approval, then
    //! approved, or ended (declined, expired, cancelled) with a way to start again.

    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use crate::gui::worker::login_jobs::AfterLogin;

    const CODE: &str = "ABCD1234";
    const MAKING: &str = "Logged in. Making the Page token…";

    struct Open {
        login: DeviceLogin,
        out: Vec<UiCommand>,
    }

    /// The ticket and cancel switch of a `DeviceLogin` command.
    fn asked(command: &Command) -> (u64, CancellationToken) {
        match command {
            Command::Login(LoginCommand::DeviceLogin { ticket, cancel, .. }) => {
                (*ticket, cancel.clone())
            }
            other => panic!("not a device login: {other:?}"),
        }
    }

    /// A login for "Acme Shoes" on screen; returns it with its first ticket and cancel switch.
    fn started() -> (Harness<'static, Open>, u64, CancellationToken) {
        let target = LoginTarget {
            app_id: "1000000000001".into(),
            kind: ChannelKind::Messenger,
            channel: "shoes".into(),
            manages: "Acme Shoes".into(),
            after: AfterLogin::Validate,
        };
        let (login, command) = DeviceLogin::start(target);
        let (ticket, cancel) = asked(&command);
        let open = Open { login, out: vec![] };
        let mut h = Harness::new_ui_state(
            |ui, open: &mut Open| open.login.ui(ui, MAKING, &mut open.out),
            open,
        );
        h.run_ok();
        (h, ticket, cancel)
    }

    fn event(h: &mut Harness<'static, Open>, event: LoginEvent) -> bool {
        let taken = h.state_mut().login.on_event(&event);
        h.run_ok();
        taken
    }

    fn code(ticket: u64) -> LoginEvent {
        LoginEvent::Code {
            ticket,
            user_code: CODE.into(),
            verification_uri: "https://www.facebook.com/device".into(),
            interval: 5,
        }
    }

    fn failed(ticket: u64, message: &str) -> LoginEvent {
        LoginEvent::Failed {
            ticket,
            failure: Failure::new(message),
            missing_client_token: false,
        }
    }

    fn shows(h: &Harness<'static, Open>, text: &str) -> bool {
        // The code is shown alone and inside the message for the customer.
        h.query_all_by_label_contains(text).next().is_some()
    }

    #[test]
    fn the_code_waits_for_the_approval_and_then_the_token_is_made() {
        let (mut h, ticket, _) = started();
        assert!(shows(&h, "Asking Facebook for a login code…"));
        assert!(event(&mut h, code(ticket)));
        assert!(shows(&h, CODE));
        assert!(shows(&h, "checking every 5 s"));
        assert!(shows(&h, "the Facebook account that manages Acme Shoes"));
        h.get_by_label("Copy code").click();
        h.run_ok();
        assert!(matches!(
            h.state().out.last(),
            Some(UiCommand::Login(LoginUi::CopyText(c))) if c == CODE
        ));

        // Facebook asks to check less often.
        event(
            &mut h,
            LoginEvent::Waiting {
                ticket,
                interval: 10,
            },
        );
        assert!(shows(&h, "checking every 10 s"));
        // Another login's news changes nothing here.
        assert!(!event(
            &mut h,
            LoginEvent::Approved {
                ticket: ticket + 1000
            }
        ));
        assert!(shows(&h, CODE));

        assert!(event(&mut h, LoginEvent::Approved { ticket }));
        assert!(shows(&h, MAKING));
        assert!(!shows(&h, CODE), "the code is gone once approved");
        assert!(h.state().login.is_busy());
    }

    #[test]
    fn a_declined_or_expired_login_says_so_and_logs_in_again_with_a_new_ticket() {
        for (why, words) in [
            ("declined", "The login was declined on Facebook"),
            ("expired", "The login code expired before it was used"),
        ] {
            let (mut h, ticket, _) = started();
            event(&mut h, code(ticket));
            event(
                &mut h,
                failed(ticket, &format!("{words}. Nothing was changed.")),
            );
            assert!(shows(&h, words), "{why}");
            assert!(!shows(&h, CODE), "{why}: the dead code is not shown");
            assert!(!h.state().login.is_busy(), "{why}");

            h.get_by_label("Log in again").click();
            h.run_ok();
            let again = h.state_mut().out.drain(..).find_map(|c| match c {
                UiCommand::Worker(c) => Some(asked(&c).0),
                _ => None,
            });
            let again = again.expect("a new login is asked for");
            assert_ne!(again, ticket, "{why}");
            assert!(shows(&h, "Asking Facebook for a login code…"), "{why}");
            // The old login's code arriving late is not shown for the new one.
            assert!(!event(&mut h, code(ticket)), "{why}");
            assert!(!shows(&h, CODE), "{why}");
            assert!(event(&mut h, code(again)), "{why}");
            assert!(shows(&h, CODE), "{why}");
        }
    }

    #[test]
    fn cancel_stops_the_waiting_and_changes_nothing() {
        let (mut h, ticket, cancel) = started();
        event(&mut h, code(ticket));
        h.get_by_label("Cancel login").click();
        h.run_ok();
        assert!(cancel.is_cancelled(), "the worker stops polling");
        assert!(shows(&h, "The login was cancelled. Nothing was changed."));
        assert!(h.query_by_label("Log in again").is_some());
    }

    #[test]
    fn without_a_client_token_it_says_where_to_find_it_and_opens_apps() {
        let (mut h, ticket, _) = started();
        event(
            &mut h,
            LoginEvent::Failed {
                ticket,
                failure: Failure::new("no client token"),
                missing_client_token: true,
            },
        );
        assert!(shows(&h, "needs the app's client token"));
        h.get_by_label("Open Apps").click();
        h.run_ok();
        assert!(matches!(
            h.state().out.last(),
            Some(UiCommand::Login(LoginUi::OpenApps))
        ));
    }
}
