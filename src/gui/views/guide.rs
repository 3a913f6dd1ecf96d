//! The walk-through for support staff: the renewal steps written for the selected channel's own
//! app and Page, each marked done, to do, or "first fix" with what blocks it, with the link to
//! open; "Copy the steps" puts the whole text on the clipboard to send to a customer. The text
//! holds no token, so it is copied as plain text.

use eframe::egui;
use egui::{RichText, Ui};

use crate::gui::intents::LoginUi;
use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::gui::widgets::dialog::Dialog;
use crate::gui::widgets::unopened_link;
use crate::model::{Health, MetaApp};
use crate::service::ChannelView;
use crate::service::guide::{GuideStep, StepState, guide_for};
use crate::words::{t, t_args};

pub fn show(
    ui: &mut Ui,
    view: &ChannelView,
    apps: &[MetaApp],
    now: chrono::DateTime<chrono::Utc>,
    out: &mut Vec<UiCommand>,
) {
    let channel = &view.channel;
    let app = channel
        .app_id
        .as_deref()
        .and_then(|id| apps.iter().find(|a| a.id == id));
    let steps = guide_for(channel, app, &view.diagnosis);
    let title = t_args("guide-title", &[("name", channel.name.as_str().into())]);
    let close = t("guide-close");
    let shell = Dialog::new("guide", title).dismiss(close);
    let dialog = shell.show(ui, |d| {
        d.body(|ui| {
            ui.add(egui::Label::new(theme::weak(ui, t("guide-intro"))).wrap());
            ui.add_space(theme::GAP);
            for (i, s) in steps.iter().enumerate() {
                let words = crate::words::guide::step_words(channel, app, s, now);
                step(ui, i + 1, s, words, out);
            }
        });
        d.buttons(|ui| {
            if ui
                .button(RichText::new(t("guide-copy")).strong())
                .on_hover_text(t("guide-copy-hover"))
                .clicked()
            {
                let text = crate::words::guide::text(channel, app, &steps, now);
                out.push(UiCommand::Login(LoginUi::CopyText(text)));
            }
        });
    });
    if dialog.close {
        out.push(UiCommand::Login(LoginUi::CloseGuide));
    }
}

fn step(ui: &mut Ui, n: usize, s: &GuideStep, words: (String, String), out: &mut Vec<UiCommand>) {
    let (title, detail) = words;
    theme::card(ui, |ui| {
        ui.horizontal(|ui| {
            let (health, words) = match &s.state {
                StepState::Done => (Health::Healthy, t("first-run-done")),
                StepState::ToDo => (Health::Unknown, t("first-run-to-do")),
                StepState::Blocked(_) => (Health::Broken, t("guide-first-fix")),
            };
            // The painted mark (✔, ?, ✖) beside the words; the words are what is read aloud.
            let size = egui::Vec2::splat(theme::SMALL_ICON_SIZE);
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            theme::paint_status(ui, rect, health);
            ui.add(egui::Label::new(RichText::new(format!("{n}. {title}")).strong()).wrap());
            ui.label(
                RichText::new(words)
                    .strong()
                    .color(theme::health_color(ui.visuals(), health)),
            );
        });
        ui.add(egui::Label::new(detail).wrap());
        if let StepState::Blocked(why) = &s.state {
            let why = s
                .block
                .map_or_else(|| why.clone(), crate::words::guide::block);
            let words = t_args("guide-first-fix-why", &[("why", why.into())]);
            ui.add(egui::Label::new(RichText::new(words).strong()).wrap());
        }
        if let Some(link) = &s.link
            && ui
                .button(t_args(
                    "guide-open-link",
                    &[("link", crate::words::guide::link_label(link).into())],
                ))
                .clicked()
        {
            out.push(UiCommand::OpenUrl(link.url.clone()));
        }
        if let Some(link) = &s.link {
            unopened_link::offer(ui, |u| u == link.url, out);
        }
    });
    ui.add_space(theme::TINY_GAP);
}
