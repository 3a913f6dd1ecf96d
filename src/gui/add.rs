//! The add-channel dialog: a name, the kind, the app, and a pasted token that is validated with
//! Facebook before the channel is saved.

use chrono::{DateTime, Utc};
use eframe::egui;
use egui::{Id, RichText, Ui};

use super::facts;
use super::state::UiCommand;
use super::theme;
use super::token_box::{self, TokenBox, ValidationSlot};
use super::worker::{Command, Failure};
use crate::graph::links;
use crate::model::{ChannelKind, MetaApp};
use crate::service::Validation;

pub struct AddDialog {
    name: String,
    kind: ChannelKind,
    app_id: Option<String>,
    token: TokenBox,
    slot: ValidationSlot,
    saving: bool,
    save_error: Option<Failure>,
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
        }
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
        let modal = theme::dialog("add-dialog").show(ui.ctx(), |ui| {
            ui.set_width(theme::DIALOG_WIDTH);
            // The form scrolls; Save and Cancel stay in sight below it.
            egui::ScrollArea::vertical()
                .max_height(ui.ctx().content_rect().height() * 0.8 - 60.0)
                .show(ui, |ui| self.contents(ui, apps, now, can_save, out));
            ui.separator();
            self.footer(ui, can_save, out);
        });
        theme::settle_dialog(ui.ctx(), "add", modal.response.rect);
        if modal.should_close() && !self.saving {
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
        ui.heading("Add a channel");
        ui.add_space(theme::GAP);
        egui::Grid::new("add-form")
            .num_columns(2)
            .spacing([theme::GAP, 6.0])
            .show(ui, |ui| {
                let label = ui.label("Name");
                ui.add(
                    egui::TextEdit::singleline(&mut self.name)
                        .hint_text("e.g. Acme Shoes Messenger")
                        .desired_width(320.0),
                )
                .labelled_by(label.id);
                ui.end_row();

                let kind_label = ui.label("Kind");
                egui::ComboBox::from_id_salt("add-kind")
                    .selected_text(self.kind.label())
                    .show_ui(ui, |ui| {
                        for k in ChannelKind::ALL {
                            ui.selectable_value(&mut self.kind, k, k.label());
                        }
                    })
                    .response
                    .labelled_by(kind_label.id);
                ui.end_row();

                let app_title = ui.label("App");
                let app_label = |id: &Option<String>| match id {
                    Some(id) => apps
                        .iter()
                        .find(|a| &a.id == id)
                        .map_or(id.clone(), |a| format!("{} ({})", a.name, a.id)),
                    None => "No saved app".to_string(),
                };
                egui::ComboBox::from_id_salt("add-app")
                    .selected_text(app_label(&self.app_id))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.app_id, None, "No saved app");
                        for a in apps {
                            let text = format!("{} ({})", a.name, a.id);
                            ui.selectable_value(&mut self.app_id, Some(a.id.clone()), text);
                        }
                    })
                    .response
                    .labelled_by(app_title.id)
                    .on_hover_text("The Meta app the token was made with");
                ui.end_row();
            });
        if apps.is_empty() {
            ui.label(theme::weak(
                ui,
                "Tip: save your Meta app on the Apps page first; with its secret Tokenwarden can \
                 check tokens the way the Access Token Debugger does.",
            ));
        }

        ui.add_space(theme::GAP);
        let link = match &self.app_id {
            Some(id) => links::channel_settings(self.kind, id),
            None => links::token_debugger(),
        };
        ui.horizontal_wrapped(|ui| {
            ui.label("Get the token from Meta's portal:");
            if ui.button(format!("Open {}", link.label)).clicked() {
                out.push(UiCommand::OpenUrl(link.url));
            }
        });
        self.token.ui(ui, "Token");

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
            Some(Ok(v)) => {
                theme::card(ui, |ui| {
                    facts::grid(ui, "add-facts", &facts::debugger_facts(&v.report, now));
                });
                token_box::refusals(ui, v);
                if v.passes() {
                    for w in &v.warnings {
                        theme::callout(ui, theme::Tone::Warning, |ui| {
                            ui.add(egui::Label::new(&w.message).wrap());
                        });
                    }
                }
            }
            Some(Err(f)) => token_box::failure(ui, f),
            None => {}
        }
        if let Some(f) = &self.save_error {
            token_box::failure(ui, f);
        }

        ui.add_space(theme::GAP);
    }

    fn footer(&mut self, ui: &mut Ui, can_save: bool, out: &mut Vec<UiCommand>) {
        let parsed = self.token.parsed();
        let passed = matches!(self.slot.answer_for(&self.key()), Some(Ok(v)) if v.passes());
        ui.horizontal(|ui| {
            let ready = passed && !self.name.trim().is_empty() && !self.saving && can_save;
            let save = ui
                .add_enabled(
                    ready,
                    egui::Button::new(RichText::new("Save channel").strong()),
                )
                .on_disabled_hover_text("Give it a name and validate the token first");
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
            if ui
                .add_enabled(!self.saving, egui::Button::new("Cancel"))
                .clicked()
            {
                out.push(UiCommand::CloseAdd);
            }
            if self.saving {
                ui.spinner();
            }
        });
    }
}
