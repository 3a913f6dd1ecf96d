//! The walk-through for support staff: the renewal steps written for the selected channel's own
//! app and Page, each marked done, to do, or "first fix" with what blocks it, with the link to
//! open; "Copy the steps" puts the whole text on the clipboard to send to a customer. The text
//! holds no token, so it is copied as plain text.

use eframe::egui;
use egui::{RichText, Ui};

use crate::gui::intents::LoginUi;
use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::model::{Health, MetaApp};
use crate::service::ChannelView;
use crate::service::guide::{GuideStep, StepState, guide_for, guide_text};

pub fn show(ui: &mut Ui, view: &ChannelView, apps: &[MetaApp], out: &mut Vec<UiCommand>) {
    let channel = &view.channel;
    let app = channel
        .app_id
        .as_deref()
        .and_then(|id| apps.iter().find(|a| a.id == id));
    let steps = guide_for(channel, app, &view.diagnosis);
    let modal = theme::dialog("guide-dialog").show(ui.ctx(), |ui| {
        ui.set_width(theme::DIALOG_WIDTH);
        ui.heading(format!("How to renew \"{}\"", channel.name));
        ui.label(theme::weak(
            ui,
            "Step by step, for this channel's kind, app and account. Copy the steps to send \
             them to the person who manages it; they hold no token.",
        ));
        ui.add_space(theme::GAP);
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt(("guide-steps", &channel.id))
            .max_height(ui.ctx().content_rect().height() * 0.8 - 80.0);
        if just_opened(ui.ctx()) {
            // egui remembers where a scroll area was left; a guide opened again starts at step 1.
            scroll = scroll.vertical_scroll_offset(0.0);
        }
        scroll.show(ui, |ui| {
            for (i, s) in steps.iter().enumerate() {
                step(ui, i + 1, s, out);
            }
        });
        ui.separator();
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new("Copy the steps").strong())
                .on_hover_text("Copies the steps as text; no token is in them")
                .clicked()
            {
                out.push(UiCommand::Login(LoginUi::CopyText(guide_text(
                    channel, &steps,
                ))));
            }
            if ui.button("Close").clicked() {
                out.push(UiCommand::Login(LoginUi::CloseGuide));
            }
        });
    });
    theme::settle_dialog(ui.ctx(), "guide", modal.response.rect);
    if modal.should_close() {
        out.push(UiCommand::Login(LoginUi::CloseGuide));
    }
}

/// True on the first frame the guide is shown after it was closed: it was not drawn last frame.
fn just_opened(ctx: &egui::Context) -> bool {
    let id = egui::Id::unique("guide-last-frame");
    let frame = ctx.cumulative_frame_nr();
    let last: Option<u64> = ctx.data_mut(|d| {
        let last = d.get_temp(id);
        d.insert_temp(id, frame);
        last
    });
    last.is_none_or(|l| l + 1 < frame)
}

fn step(ui: &mut Ui, n: usize, s: &GuideStep, out: &mut Vec<UiCommand>) {
    theme::card(ui, |ui| {
        ui.horizontal(|ui| {
            let (health, words) = match &s.state {
                StepState::Done => (Health::Healthy, "Done"),
                StepState::ToDo => (Health::Unknown, "To do"),
                StepState::Blocked(_) => (Health::Broken, "First fix"),
            };
            // The painted mark (✔, ?, ✖) beside the words; the words are what is read aloud.
            let size = egui::Vec2::splat(theme::SMALL_ICON_SIZE);
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            theme::paint_status(ui, rect, health);
            ui.label(RichText::new(format!("{n}. {}", s.title)).strong());
            ui.label(
                RichText::new(words)
                    .strong()
                    .color(theme::health_color(ui.visuals(), health)),
            );
        });
        ui.add(egui::Label::new(&s.detail).wrap());
        if let StepState::Blocked(why) = &s.state {
            ui.add(egui::Label::new(RichText::new(format!("First fix: {why}.")).strong()).wrap());
        }
        if let Some(link) = &s.link
            && ui.button(format!("Open {}", link.label)).clicked()
        {
            out.push(UiCommand::OpenUrl(link.url.clone()));
        }
    });
    ui.add_space(2.0);
}
