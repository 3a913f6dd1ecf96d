//! The renew dialog: the renewal guide users followed by hand (open the app's settings, generate
//! a token for the Page, paste it, validate, save), as one calm flow. The new token's facts are
//! shown next to the current ones with the differences marked; Save is possible only after a
//! passing validation of exactly the text in the box, and warnings need an explicit "I
//! understand".

pub mod login;
pub mod verdict;

use chrono::{DateTime, Utc};
use eframe::egui;
use egui::{Id, RichText, Ui};

use crate::graph::links;
use crate::gui::data::facts::{self, Fact, FactKey};
use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::gui::widgets::dialog::Dialog;
use crate::gui::widgets::token_box::{self, TokenBox, ValidationSlot};
use crate::gui::widgets::unopened_link;
use crate::gui::worker::{Command, Failure};
use crate::model::{MetaApp, ReasonCode, Remedy, TokenReport};
use crate::service::{ChannelView, Validation};
use crate::words::reasons::{kind as kind_name, sentence};
use crate::words::verdict::{is_another_targets, understood};
use crate::words::{t, t_args, t_static};

pub struct RenewDialog {
    pub channel_id: String,
    remedy: Option<Remedy>,
    token: TokenBox,
    slot: ValidationSlot,
    accept: bool,
    saving: bool,
    save_error: Option<Failure>,
    /// "Log in with Facebook" was chosen instead of pasting.
    login: Option<crate::gui::views::renew::login::LoginPanel>,
}

pub struct RenewInput<'a> {
    pub view: &'a ChannelView,
    pub app: Option<&'a MetaApp>,
    pub now: DateTime<Utc>,
    pub can_save: bool,
}

impl RenewDialog {
    pub fn new(channel_id: String, remedy: Option<Remedy>) -> Self {
        RenewDialog {
            token: TokenBox::new(Id::unique(("renew-token", &channel_id))),
            channel_id,
            remedy,
            slot: ValidationSlot::default(),
            accept: false,
            saving: false,
            save_error: None,
            login: None,
        }
    }

    pub fn on_login(&mut self, event: &crate::gui::worker::login_jobs::LoginEvent) {
        if let Some(p) = &mut self.login {
            p.on_event(event);
        }
    }

    pub fn on_validated(&mut self, ticket: u64, result: &Result<Box<Validation>, Failure>) {
        self.slot.answer(ticket, result.clone());
        self.accept = false;
    }

    pub fn on_save_failed(&mut self, f: Failure) {
        self.saving = false;
        self.save_error = Some(f);
    }

    /// Clears the pasted text before the dialog goes away.
    pub fn wipe(&mut self, ctx: &egui::Context) {
        self.token.wipe(ctx);
    }

    pub fn show(&mut self, ui: &mut Ui, input: &RenewInput<'_>, out: &mut Vec<UiCommand>) {
        let title = t_args(
            "renew-title",
            &[("name", input.view.channel.name.as_str().into())],
        );
        let dialog = Dialog::new("renew", title)
            .dismiss(t_static("dialog-cancel"))
            .closable(!self.saving)
            .busy(self.saving, Some(&t("gui-saving")))
            .show(ui, |d| {
                // The steps scroll; Save and Cancel stay in sight below them.
                d.body(|ui| self.contents(ui, input, out));
                d.buttons(|ui| self.footer(ui, input, out));
            });
        if dialog.close {
            out.push(UiCommand::CloseRenew);
        }
    }

    fn contents(&mut self, ui: &mut Ui, input: &RenewInput<'_>, out: &mut Vec<UiCommand>) {
        let channel = &input.view.channel;
        let page = channel
            .page_name
            .clone()
            .unwrap_or_else(|| t("renew-its-page"));
        let kind = kind_name(channel.kind);
        ui.label(theme::weak(
            ui,
            t_args(
                "renew-channel-of",
                &[
                    ("kind", kind.as_str().into()),
                    ("page", page.as_str().into()),
                ],
            ),
        ));
        if let Some(reason) = input.view.diagnosis.main_reason()
            && !reason.code.is_check_failure()
            && reason.code != ReasonCode::Unchecked
        {
            ui.add_space(theme::SMALL_GAP);
            let tone = match input.view.diagnosis.health {
                crate::model::Health::Broken => theme::Tone::Error,
                _ => theme::Tone::Warning,
            };
            theme::callout(ui, tone, |ui| {
                ui.add(egui::Label::new(sentence(reason, input.now)).wrap());
            });
        }
        ui.add_space(theme::GAP);
        if crate::gui::views::renew::login::section(ui, &mut self.login, input, out) {
            if let Some(f) = &self.save_error {
                token_box::failure(ui, f);
            }
            return;
        }

        let app_id = channel
            .app_id
            .clone()
            .or_else(|| channel.last_report.as_ref()?.app_id.clone());
        let app_name = input
            .app
            .map_or_else(|| t("renew-the-app"), |a| a.name.clone());
        let step1 = match self.remedy {
            Some(Remedy::Relogin) => "renew-step-open-relogin",
            _ => "renew-step-open",
        };
        let step1 = t_args(
            step1,
            &[("kind", kind.as_str().into()), ("app", app_name.into())],
        );
        step(ui, &step1);
        ui.horizontal(|ui| {
            ui.add_space(theme::STEP_INDENT);
            let link = match &app_id {
                Some(id) => links::channel_settings(channel.kind, id),
                None => links::token_debugger(),
            };
            let words = crate::words::guide::link_label(&link);
            if ui
                .button(t_args("dialog-open-link", &[("link", words.into())]))
                .clicked()
            {
                out.push(UiCommand::OpenUrl(link.url));
            }
        });
        // Any: the dialog is modal, so a failed page was asked here or by the remedy that
        // opened it (a permissions page, say).
        unopened_link::offer(ui, |_| true, out);
        step(
            ui,
            &t_args("renew-step-generate", &[("page", page.as_str().into())]),
        );
        step(ui, &t("renew-step-paste"));
        ui.indent("renew-paste", |ui| {
            self.token.ui(ui, &t("renew-new-token"));
        });

        let key = self.token.text_key();
        step(ui, &t("renew-step-validate"));
        ui.indent("renew-validate", |ui| {
            let asked =
                token_box::validate_row(ui, &mut self.slot, &self.token, &key, input.can_save);
            if let Some((ticket, token)) = asked {
                self.save_error = None;
                out.push(UiCommand::Worker(Command::Validate {
                    ticket,
                    channel: Some(channel.id.clone()),
                    kind: channel.kind,
                    app_id: None,
                    token,
                }));
            }
            match self.slot.answer_for(&key) {
                Some(Ok(v)) => verdict(ui, v, input, &mut self.accept),
                Some(Err(f)) => token_box::failure(ui, f),
                None if self.slot.last().is_some() && !self.token.is_empty() => {
                    ui.label(theme::weak(ui, t("renew-text-changed")));
                }
                None => {}
            }
        });

        step(ui, &t("renew-step-save"));
        if let Some(f) = &self.save_error {
            token_box::failure(ui, f);
        }
        ui.add_space(theme::GAP);
    }

    fn footer(&mut self, ui: &mut Ui, input: &RenewInput<'_>, out: &mut Vec<UiCommand>) {
        let channel = &input.view.channel;
        let key = self.token.text_key();
        let parsed = self.token.parsed();
        let passed = match self.slot.answer_for(&key) {
            Some(Ok(v)) if v.passes() => Some(v),
            _ => None,
        };
        let mut ready = passed.is_some_and(|v| v.warnings.is_empty() || self.accept);
        let from_login = self.login.as_ref().map(|p| p.save(&channel.id));
        if let Some(save) = &from_login {
            ready = save.is_some();
        }
        ui.horizontal(|ui| {
            let save = ui
                .add_enabled(
                    ready && !self.saving && input.can_save,
                    theme::primary(ui, t("renew-save")),
                )
                .on_disabled_hover_text(t("renew-save-why-not"));
            if save.clicked()
                && let Some(Some(command)) = from_login
            {
                self.saving = true;
                self.save_error = None;
                out.push(UiCommand::Worker(command));
            } else if save.clicked()
                && let Ok(p) = &parsed
            {
                self.saving = true;
                self.save_error = None;
                out.push(UiCommand::Worker(Command::Renew {
                    channel: channel.id.clone(),
                    token: p.token.clone(),
                    accept_warnings: self.accept,
                }));
            }
        });
    }
}

/// A validation's verdict first (one sentence, then the refusals that count), warnings to
/// accept, how the token was made when it came from a login, then the facts side by side.
pub fn verdict(ui: &mut Ui, v: &Validation, input: &RenewInput<'_>, accept: &mut bool) {
    let channel = &input.view.channel;
    let ours = channel.page_name.as_deref().or(Some(channel.name.as_str()));
    verdict::show(ui, v, ours, input.now);
    if let Some(d) = &v.derived {
        let how = match (d.exchanged, d.lasting) {
            (true, _) => "dialog-derived-exchanged",
            (false, true) => "dialog-derived-lasting",
            (false, false) => "dialog-derived-short",
        };
        let tone = if d.lasting {
            theme::Tone::Info
        } else {
            theme::Tone::Warning
        };
        let words = t_args(
            "dialog-derived",
            &[
                ("name", d.user_name.as_str().into()),
                ("how", t(how).into()),
            ],
        );
        theme::callout(ui, tone, |ui| {
            ui.add(egui::Label::new(words).wrap());
        });
    }
    if v.passes() && !v.warnings.is_empty() {
        warnings(ui, v, input.now, accept);
    }
    compare(ui, channel.last_report.as_deref(), v, input);
}

fn step(ui: &mut Ui, text: &str) {
    ui.add_space(theme::SMALL_GAP);
    ui.add(egui::Label::new(RichText::new(text).strong()).wrap());
}

/// "Save anyway: I understand it expires in 3 days".
fn warnings(ui: &mut Ui, v: &Validation, now: DateTime<Utc>, accept: &mut bool) {
    theme::callout(ui, theme::Tone::Warning, |ui| {
        ui.label(RichText::new(t("dialog-warnings-heading")).strong());
        for w in &v.warnings {
            ui.add(egui::Label::new(format!("• {}", sentence(w, now))).wrap());
        }
    });
    let understood: Vec<String> = v.warnings.iter().map(|w| understood(v, w, now)).collect();
    let and = format!(" {} ", t("dialog-and"));
    ui.checkbox(
        accept,
        t_args(
            "dialog-save-anyway",
            &[("what", understood.join(&and).into())],
        ),
    );
}

/// The facts of the current and the new token side by side; what differs is highlighted.
fn compare(ui: &mut Ui, current: Option<&TokenReport>, v: &Validation, input: &RenewInput<'_>) {
    let channel = &input.view.channel;
    let another = is_another_targets(v);
    let rows_of = |r: Option<&TokenReport>, fingerprint: &str, is_new: bool| -> Vec<Fact> {
        let mut rows = match r {
            Some(r) => facts::debugger_facts(r, input.now),
            None => facts::debugger_facts(&TokenReport::default(), input.now),
        };
        let required = facts::required_permissions(r, channel.kind, channel.page_id.as_deref());
        let missing: Vec<&str> = required
            .iter()
            .filter(|(_, ok)| *ok != Some(true))
            .map(|(p, _)| *p)
            .collect();
        let needed = if r.is_none() {
            t("unknown")
        } else if is_new && another {
            // Another Page's token lacks nothing that matters: it is refused for being that.
            t("renew-permissions-not-judged")
        } else if missing.is_empty() {
            t("renew-permissions-all")
        } else {
            t_args(
                "renew-permissions-missing",
                &[("permissions", missing.join(", ").into())],
            )
        };
        rows.push(facts::fact(FactKey::NeededPermissions, needed));
        rows.push(facts::fact(
            FactKey::Webhook,
            facts::webhook_summary(r, channel.kind),
        ));
        rows.push(facts::fact(FactKey::Fingerprint, fingerprint.to_string()));
        rows
    };
    let old = rows_of(current, &channel.token.fingerprint, false);
    let new = rows_of(Some(&v.report), &v.fingerprint, true);
    ui.add_space(theme::SMALL_GAP);
    let col = (theme::DIALOG_WIDTH - theme::COMPARE_LABEL_WIDTH) / 2.0;
    egui::Grid::new("renew-compare")
        .num_columns(3)
        .spacing(theme::COMPARE_SPACING)
        .show(ui, |ui| {
            ui.label("");
            ui.label(RichText::new(t("renew-current-token")).strong());
            ui.label(RichText::new(t("renew-new-token")).strong());
            ui.end_row();
            for (o, n) in old.iter().zip(&new) {
                if o.key == FactKey::Issued {
                    continue;
                }
                ui.label(theme::weak(ui, o.key.words()));
                cell(ui, col, &o.value, false);
                cell(ui, col, &n.value, o.value != n.value);
                ui.end_row();
            }
        });
}

fn cell(ui: &mut Ui, width: f32, text: &str, changed: bool) {
    let fill = if changed {
        theme::changed_fill(ui.visuals())
    } else {
        egui::Color32::TRANSPARENT
    };
    egui::Frame::new()
        .fill(fill)
        .inner_margin(theme::CELL_MARGIN)
        .corner_radius(theme::CELL_CORNER)
        .show(ui, |ui| {
            ui.set_max_width(width);
            let rich = if changed {
                RichText::new(text).strong()
            } else {
                RichText::new(text)
            };
            ui.add(egui::Label::new(rich).wrap());
        });
}

#[cfg(test)]
mod tests {
    //! The renew dialog by its labels (no window, no worker): which validation answer counts,
    //! and when "Save new token" may be pressed.

    use super::*;
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};

    use crate::model::{
        Channel, ChannelKind, Diagnosis, Fact, Health, Reason, Secret, SecretRef, StoredToken,
    };

    const FIRST: &str = "EAAFirstPastedTokenOfTheShoesPage0123456789";
    const SECOND: &str = "EAASecondPastedTokenOfTheShoesPage987654321";
    const WORKS: &str = "Token of Acme Shoes — works, never expires";
    const NOT_OURS: &str = "This is Bob's Bikes' token, not Acme Shoes'";
    const CHANGED: &str = "The text changed since the last check: validate again.";

    struct Open {
        dialog: RenewDialog,
        view: ChannelView,
        out: Vec<UiCommand>,
    }

    fn shoes() -> ChannelView {
        let channel = Channel {
            id: "shoes".into(),
            name: "Acme Shoes".into(),
            kind: ChannelKind::Messenger,
            app_id: Some("1000000000001".into()),
            page_id: Some("500001".into()),
            page_name: Some("Acme Shoes".into()),
            token: StoredToken {
                secret: SecretRef::new_token(),
                fingerprint: Secret::new("EAAOldToken").fingerprint(),
                saved_at: Utc::now(),
            },
            previous_token: None,
            previous_report: None,
            last_report: None,
            last_failure: None,
            added_at: Utc::now(),
        };
        let diagnosis = Diagnosis {
            health: Health::Unknown,
            reasons: vec![],
        };
        ChannelView { channel, diagnosis }
    }

    /// Graph's answer for `token`: a working never-expiring token of Acme Shoes' Page.
    fn answer(token: &str, refusal: Option<&str>) -> Result<Box<Validation>, Failure> {
        let refusals = refusal
            .map(|r| Reason::new(ReasonCode::WrongPage, r))
            .into_iter()
            .collect();
        let report = TokenReport {
            is_valid: Some(true),
            never_expires: Some(true),
            profile_id: Some("500001".into()),
            profile_name: Some("Acme Shoes".into()),
            ..TokenReport::default()
        };
        judged(token, report, refusals)
    }

    /// Bob's Bikes' token, refused the way the service refuses it: for being another Page's,
    /// and (about a Page that is not this channel's) for lacking a permission on Acme Shoes.
    fn bikes(token: &str) -> Result<Box<Validation>, Failure> {
        let report = TokenReport {
            is_valid: Some(true),
            never_expires: Some(true),
            profile_id: Some("500099".into()),
            profile_name: Some("Bob's Bikes".into()),
            scopes: Some(vec!["pages_messaging".into()]),
            ..TokenReport::default()
        };
        let refusals = vec![
            Reason::new(ReasonCode::WrongPage, "another Page")
                .with("got", Fact::Text("500099".into()))
                .with("want", Fact::Text("500001".into()))
                .with("page", Fact::Text("Bob's Bikes".into())),
            Reason::new(ReasonCode::MissingPermission, "lacks")
                .with("permissions", Fact::List(vec!["pages_messaging".into()]))
                .with("kind", Fact::Text("messenger".into())),
        ];
        judged(token, report, refusals)
    }

    fn judged(
        token: &str,
        report: TokenReport,
        refusals: Vec<Reason>,
    ) -> Result<Box<Validation>, Failure> {
        let token = Secret::new(token);
        Ok(Box::new(Validation {
            report,
            diagnosis: Diagnosis {
                health: Health::Healthy,
                reasons: vec![],
            },
            refusals,
            warnings: vec![],
            fingerprint: token.fingerprint(),
            candidate: token,
            derived: None,
            pages: None,
        }))
    }

    fn dialog() -> Harness<'static, Open> {
        let open = Open {
            dialog: RenewDialog::new("shoes".into(), None),
            view: shoes(),
            out: vec![],
        };
        // A dialog that grows takes a few frames to settle where it belongs.
        let mut h = Harness::builder()
            .with_size([1000.0, 1000.0])
            .with_max_steps(16)
            .build_ui_state(
                |ui, open: &mut Open| {
                    let input = RenewInput {
                        view: &open.view,
                        app: None,
                        now: Utc::now(),
                        can_save: true,
                    };
                    open.dialog.show(ui, &input, &mut open.out);
                },
                open,
            );
        h.run_ok();
        h
    }

    /// Replaces the text in "New token" with `text`, as a paste over a selection.
    fn paste(h: &mut Harness<'static, Open>, text: &str) {
        // The box, not the "New token" column of the facts.
        h.get_by_role_and_label(Role::PasswordInput, "New token")
            .click();
        h.run_ok();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.event(egui::Event::Paste(text.into()));
        h.run_ok();
    }

    /// Presses Validate; returns the ticket of the question sent to the worker.
    fn validate(h: &mut Harness<'static, Open>) -> u64 {
        h.get_by_label("Validate").click();
        h.run_ok();
        let asked = h.state_mut().out.drain(..).find_map(|c| match c {
            UiCommand::Worker(Command::Validate { ticket, .. }) => Some(ticket),
            _ => None,
        });
        asked.expect("Validate sends the token to the worker")
    }

    fn answered(
        h: &mut Harness<'static, Open>,
        ticket: u64,
        result: Result<Box<Validation>, Failure>,
    ) {
        h.state_mut().dialog.on_validated(ticket, &result);
        h.run_ok();
    }

    fn save_enabled(h: &Harness<'static, Open>) -> bool {
        !h.get_by_label("Save new token")
            .accesskit_node()
            .is_disabled()
    }

    fn shows(h: &Harness<'static, Open>, text: &str) -> bool {
        h.query_by_label(text).is_some()
    }

    #[test]
    fn save_waits_for_a_passing_answer_about_the_text_now_in_the_box() {
        let mut h = dialog();
        paste(&mut h, FIRST);
        assert!(!save_enabled(&h), "nothing validated yet");
        let first = validate(&mut h);
        assert!(shows(&h, "Checking with Facebook…"));
        assert!(!save_enabled(&h));

        // The user pastes another token while Facebook still answers about the first.
        paste(&mut h, SECOND);
        answered(&mut h, first, answer(FIRST, None));
        assert!(!shows(&h, WORKS), "the answer is about the other text");
        assert!(shows(&h, CHANGED));
        assert!(!save_enabled(&h), "a pass for the old text saves nothing");

        let second = validate(&mut h);
        answered(&mut h, second, answer(SECOND, None));
        assert!(shows(&h, WORKS));
        assert!(save_enabled(&h));
        h.get_by_label("Save new token").click();
        h.run_ok();
        let saved = h.state().out.iter().find_map(|c| match c {
            UiCommand::Worker(Command::Renew { token, .. }) => Some(token.expose().to_string()),
            _ => None,
        });
        assert_eq!(
            saved.as_deref(),
            Some(SECOND),
            "Save stores the validated text"
        );
        // A vault takes seconds to save into: the dialog says it is working meanwhile.
        assert!(shows(&h, "Saving… this can take a few seconds."));
    }

    #[test]
    fn a_late_answer_to_an_older_question_is_ignored() {
        let mut h = dialog();
        paste(&mut h, FIRST);
        let first = validate(&mut h);
        answered(
            &mut h,
            first,
            answer(FIRST, Some("This token is for another Page.")),
        );
        assert!(shows(&h, "This token is for another Page."));
        assert!(!save_enabled(&h), "a refused token is never saved");

        paste(&mut h, SECOND);
        let second = validate(&mut h);
        // The first question's answer arrives again (a retry), now saying it passes.
        answered(&mut h, first, answer(SECOND, None));
        assert!(
            shows(&h, "Checking with Facebook…"),
            "still waiting for its own answer"
        );
        assert!(!shows(&h, WORKS));
        assert!(!save_enabled(&h));

        answered(&mut h, second, answer(SECOND, None));
        assert!(shows(&h, WORKS));
        assert!(save_enabled(&h));
    }

    fn shows_part(h: &Harness<'static, Open>, part: &str) -> bool {
        h.query_all_by_label_contains(part).next().is_some()
    }

    /// The label drawn right after Validate (and its spinner) in reading order.
    fn first_after_validate(h: &Harness<'static, Open>) -> String {
        let labels: Vec<String> = h
            .root()
            .children_recursive()
            .filter_map(|n| {
                let n = n.accesskit_node();
                n.label().or_else(|| n.value())
            })
            .collect();
        let at = labels.iter().position(|l| l == "Validate");
        let at = at.expect("a Validate button");
        labels[at + 1..]
            .iter()
            .find(|l| !l.is_empty())
            .cloned()
            .unwrap_or_default()
    }

    #[test]
    fn a_good_token_says_whose_it_is_and_that_it_works_right_under_validate() {
        let mut h = dialog();
        paste(&mut h, FIRST);
        let ticket = validate(&mut h);
        answered(&mut h, ticket, answer(FIRST, None));
        assert_eq!(first_after_validate(&h), WORKS);
        assert!(save_enabled(&h));
    }

    #[test]
    fn another_pages_token_is_refused_for_that_alone_with_no_permission_complaint() {
        let mut h = dialog();
        paste(&mut h, FIRST);
        let ticket = validate(&mut h);
        answered(&mut h, ticket, bikes(FIRST));
        assert_eq!(first_after_validate(&h), NOT_OURS);
        // Its reason in full, with what to do, follows; no permission complaint anywhere (the
        // facts still list the token's own permissions, as the debugger does).
        assert!(shows_part(&h, "Get the token of the right Page."));
        assert!(!shows_part(&h, "lacks"));
        assert!(!shows_part(&h, "missing"));
        assert!(shows_part(
            &h,
            "not judged: the token is not this channel's"
        ));
        assert!(!save_enabled(&h));
    }

    #[test]
    fn a_dead_token_says_why_in_plain_words() {
        let mut h = dialog();
        paste(&mut h, FIRST);
        let ticket = validate(&mut h);
        let dead = TokenReport {
            is_valid: Some(false),
            user_name: Some("Ana".into()),
            ..TokenReport::default()
        };
        let why = Reason::new(ReasonCode::SessionInvalidated, "ended")
            .with("who", Fact::Text("Ana".into()));
        answered(&mut h, ticket, judged(FIRST, dead, vec![why]));
        assert_eq!(
            first_after_validate(&h),
            "This token was cut off by Meta: the person logged out or changed their password"
        );
        assert!(shows_part(&h, "Log in again to get a new token."));
        assert!(!save_enabled(&h));
    }
}
