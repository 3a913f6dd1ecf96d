//! The add-channel dialog: a name, the kind, the app, and a pasted token that is validated with
//! Facebook before the channel is saved. A User token (pasted, or from "Log in with Facebook")
//! opens the Page picker instead: one validated channel per ticked Page.

use chrono::{DateTime, Utc};
use eframe::egui;
use egui::{Id, RichText, Ui};

use crate::graph::links;
use crate::gui::data::facts;
use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::gui::views::login::{self, DeviceLogin, LoginTarget};
use crate::gui::views::page_picker::PagePicker;
use crate::gui::views::renew::verdict;
use crate::gui::widgets::dialog::Dialog;
use crate::gui::widgets::token_box::{self, TokenBox, ValidationSlot};
use crate::gui::widgets::unopened_link;
use crate::gui::worker::login_jobs::{AfterLogin, LoginEvent};
use crate::gui::worker::{Command, Failure};
use crate::model::{ChannelKind, MetaApp};
use crate::service::Validation;
use crate::service::login_pages::PagePick;
use crate::words::reasons::{kind as kind_name, sentence};
use crate::words::{t, t_args, t_static};

pub struct AddDialog {
    name: String,
    kind: ChannelKind,
    app_id: Option<String>,
    token: TokenBox,
    slot: ValidationSlot,
    saving: bool,
    save_error: Option<Failure>,
    /// "Log in with Facebook" chosen instead of pasting: the login and what it found.
    login: Option<AddLogin>,
    picker: PagePicker,
}

/// The validation the dialog works from: the login's while logging in, else the pasted token's
/// when it is about exactly `key` (what is in the form now). A free function, so the picker can
/// be borrowed beside it.
fn current<'a>(
    login: &'a Option<AddLogin>,
    slot: &'a ValidationSlot,
    key: &str,
) -> Option<&'a Result<Box<Validation>, Failure>> {
    match login {
        Some(l) => l.result.as_ref(),
        None => slot.answer_for(key),
    }
}

struct AddLogin {
    device: DeviceLogin,
    result: Option<Result<Box<Validation>, Failure>>,
}

impl AddDialog {
    pub fn new(apps: &[MetaApp]) -> Self {
        AddDialog {
            name: String::new(),
            kind: ChannelKind::Messenger,
            // With one app there is nothing to choose.
            app_id: (apps.len() == 1).then(|| apps[0].id.clone()),
            token: TokenBox::new(Id::unique("add-token")),
            slot: ValidationSlot::default(),
            saving: false,
            save_error: None,
            login: None,
            picker: PagePicker::default(),
        }
    }

    /// Takes the progress of this dialog's login, if the event belongs to it.
    pub fn on_login(&mut self, event: &LoginEvent) {
        let Some(login) = &mut self.login else {
            return;
        };
        if login.device.on_event(event)
            && let LoginEvent::Validated { result, .. } = event
        {
            login.result = Some(result.clone());
            self.picker = PagePicker::default();
        }
    }

    /// Takes what became of the picked Pages (the window closes the dialog when all were saved).
    pub fn on_pages_added(&mut self, results: Vec<(PagePick, Result<String, Failure>)>) {
        self.picker.on_added(results);
    }

    /// Pages of a validated User token are being picked from.
    fn picking(&self) -> bool {
        let key = self.key();
        matches!(current(&self.login, &self.slot, &key), Some(Ok(v)) if v.pages.is_some())
    }

    pub fn on_validated(&mut self, ticket: u64, result: Result<Box<Validation>, Failure>) {
        self.slot.answer(ticket, result);
    }

    pub fn on_save_failed(&mut self, f: Failure) {
        self.saving = false;
        self.save_error = Some(f);
    }

    pub fn wipe(&mut self, ctx: &egui::Context) {
        self.token.wipe(ctx);
    }

    /// What a validation answer is about: the exact text, kind and app.
    fn key(&self) -> String {
        format!(
            "{}|{}|{}",
            self.token.text_key(),
            self.kind.code(),
            self.app_id.as_deref().unwrap_or("")
        )
    }

    pub fn show(
        &mut self,
        ui: &mut Ui,
        apps: &[MetaApp],
        now: DateTime<Utc>,
        can_save: bool,
        out: &mut Vec<UiCommand>,
    ) {
        let busy = self.saving || self.picker.is_saving();
        let dialog = Dialog::new("add", t("add-title"))
            .dismiss(t_static("dialog-cancel"))
            .closable(!busy)
            .busy(busy, Some(&t("gui-saving")))
            .show(ui, |d| {
                // The form scrolls; Save and Cancel stay in sight below it.
                d.body(|ui| self.contents(ui, apps, now, can_save, out));
                d.buttons(|ui| self.footer(ui, can_save, out));
            });
        if dialog.close {
            out.push(UiCommand::CloseAdd);
        }
    }

    fn contents(
        &mut self,
        ui: &mut Ui,
        apps: &[MetaApp],
        now: DateTime<Utc>,
        can_save: bool,
        out: &mut Vec<UiCommand>,
    ) {
        ui.add_space(theme::GAP);
        let picking = self.picking();
        let logging_in = self.login.is_some();
        theme::form_grid(ui, "add-form", |ui| {
            // Picked Pages are named one by one in the picker.
            if !picking {
                let label = ui.label(t("add-name"));
                ui.add(
                    egui::TextEdit::singleline(&mut self.name)
                        .hint_text(t("add-name-hint"))
                        .desired_width(theme::FORM_FIELD_WIDTH),
                )
                .labelled_by(label.id);
                ui.end_row();
            }

            // A login is made for one kind and app: they stay while it runs.
            if logging_in {
                ui.disable();
            }
            let kind_label = ui.label(t("add-kind"));
            egui::ComboBox::from_id_salt("add-kind")
                .selected_text(kind_name(self.kind))
                .show_ui(ui, |ui| {
                    for k in ChannelKind::ALL {
                        ui.selectable_value(&mut self.kind, k, kind_name(k));
                    }
                })
                .response
                .labelled_by(kind_label.id);
            ui.end_row();

            let app_title = ui.label(t("add-app"));
            let app_label = |id: &Option<String>| match id {
                Some(id) => apps
                    .iter()
                    .find(|a| &a.id == id)
                    .map_or(id.clone(), |a| format!("{} ({})", a.name, a.id)),
                None => t("add-no-app"),
            };
            egui::ComboBox::from_id_salt("add-app")
                .selected_text(app_label(&self.app_id))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.app_id, None, t("add-no-app"));
                    for a in apps {
                        let text = format!("{} ({})", a.name, a.id);
                        ui.selectable_value(&mut self.app_id, Some(a.id.clone()), text);
                    }
                })
                .response
                .labelled_by(app_title.id)
                .on_hover_text(t("add-app-hover"));
            ui.end_row();
        });
        if apps.is_empty() {
            ui.add(egui::Label::new(theme::weak(ui, t("add-app-tip"))).wrap());
        }

        ui.add_space(theme::GAP);
        if self.login.is_some() {
            self.login_section(ui, now, out);
        } else {
            if self.kind.expects_page_token() {
                self.login_offer(ui, can_save, out);
            }
            self.paste_section(ui, now, can_save, out);
        }
        let key = self.key();
        if let Some(Ok(v)) = current(&self.login, &self.slot, &key)
            && let Some(pages) = &v.pages
        {
            self.picker.ui(ui, pages, self.kind);
        }
        if let Some(f) = &self.save_error {
            token_box::failure(ui, f);
        }
        ui.add_space(theme::GAP);
    }

    /// "The easy way": log in and pick the Pages, instead of finding each Page's token.
    fn login_offer(&mut self, ui: &mut Ui, can_save: bool, out: &mut Vec<UiCommand>) {
        let explain = t("add-login-explain");
        let why_not = t("add-login-why-not");
        let enabled = can_save && self.app_id.is_some();
        if login::offer(ui, &explain, enabled, Some(&why_not))
            && let Some(app_id) = self.app_id.clone()
        {
            let target = LoginTarget {
                app_id,
                kind: self.kind,
                channel: String::new(),
                manages: t("add-login-manages"),
                after: AfterLogin::ListPages,
            };
            let (device, command) = DeviceLogin::start(target);
            self.login = Some(AddLogin {
                device,
                result: None,
            });
            self.picker = PagePicker::default();
            out.push(UiCommand::Worker(command));
        }
    }

    /// The login in progress, or why it found nothing to pick.
    fn login_section(&mut self, ui: &mut Ui, now: DateTime<Utc>, out: &mut Vec<UiCommand>) {
        let Some(login) = &mut self.login else {
            return;
        };
        ui.label(
            RichText::new(t("dialog-login-title"))
                .strong()
                .size(theme::SECTION_TITLE_SIZE),
        );
        ui.add_space(theme::SMALL_GAP);
        login.device.ui(ui, &t("add-finding-pages"), out);
        match &login.result {
            Some(Err(f)) => {
                token_box::failure(ui, f);
                if ui.button(t("dialog-login-other-account")).clicked() {
                    login.result = None;
                    out.push(UiCommand::Worker(login.device.restart()));
                }
            }
            // Anything but a list of Pages (it should not happen with a login) is refused.
            Some(Ok(v)) if v.pages.is_none() => verdict::show(ui, v, None, now),
            _ => {}
        }
        ui.add_space(theme::GAP);
        if ui
            .add_enabled(
                !self.picker.is_saving(),
                egui::Button::new(t("dialog-paste-instead")),
            )
            .clicked()
        {
            self.login = None;
            self.picker = PagePicker::default();
        }
    }

    fn paste_section(
        &mut self,
        ui: &mut Ui,
        now: DateTime<Utc>,
        can_save: bool,
        out: &mut Vec<UiCommand>,
    ) {
        let link = match &self.app_id {
            Some(id) => links::channel_settings(self.kind, id),
            None => links::token_debugger(),
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(t("add-get-token"));
            let words = crate::words::guide::link_label(&link);
            if ui
                .button(t_args("dialog-open-link", &[("link", words.into())]))
                .clicked()
            {
                out.push(UiCommand::OpenUrl(link.url.clone()));
            }
        });
        unopened_link::offer(ui, |u| u == link.url, out);
        self.token.ui(ui, &t("add-token"));

        let key = self.key();
        let asked = token_box::validate_row(ui, &mut self.slot, &self.token, &key, can_save);
        if let Some((ticket, token)) = asked {
            self.save_error = None;
            out.push(UiCommand::Worker(Command::Validate {
                ticket,
                channel: None,
                kind: self.kind,
                app_id: self.app_id.clone(),
                token,
            }));
        }
        match self.slot.answer_for(&key) {
            // A User token: its Pages are listed below instead.
            Some(Ok(v)) if v.pages.is_some() => {}
            Some(Ok(v)) => {
                // The verdict first, right under Validate; the facts behind it after.
                verdict::show(ui, v, None, now);
                if v.passes() {
                    for w in &v.warnings {
                        theme::callout(ui, theme::Tone::Warning, |ui| {
                            ui.add(egui::Label::new(sentence(w, now)).wrap());
                        });
                    }
                }
                theme::card(ui, |ui| {
                    facts::grid(ui, "add-facts", &facts::debugger_facts(&v.report, now));
                });
            }
            Some(Err(f)) => token_box::failure(ui, f),
            None => {}
        }
    }

    fn footer(&mut self, ui: &mut Ui, can_save: bool, out: &mut Vec<UiCommand>) {
        let parsed = self.token.parsed();
        let passed = matches!(self.slot.answer_for(&self.key()), Some(Ok(v)) if v.passes());
        let key = self.key();
        let picking = match current(&self.login, &self.slot, &key) {
            Some(Ok(v)) if v.pages.is_some() => Some(&**v),
            _ => None,
        };
        ui.horizontal(|ui| {
            if let Some(v) = picking {
                let app = self.app_id.as_deref();
                if let Some(c) = self.picker.save_button(ui, v, self.kind, app, can_save) {
                    out.push(UiCommand::Worker(c));
                }
                return;
            }
            let ready = passed && !self.name.trim().is_empty() && !self.saving && can_save;
            let save = ui
                .add_enabled(ready, theme::primary(ui, t("add-save")))
                .on_disabled_hover_text(t("add-save-why-not"));
            if save.clicked()
                && let Ok(p) = &parsed
            {
                self.saving = true;
                self.save_error = None;
                out.push(UiCommand::Worker(Command::AddChannel {
                    name: self.name.trim().to_string(),
                    kind: self.kind,
                    app_id: self.app_id.clone(),
                    token: p.token.clone(),
                }));
            }
        });
    }
}
