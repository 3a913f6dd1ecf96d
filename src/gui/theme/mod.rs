//! The design system: every colour, icon, size and spacing of the app lives here, so the views
//! only say *what* they show (a status, a warning, a difference), never how it looks.
//!
//! Status icons are painted shapes (circle ✔, triangle !, square ✖, ring ?), so they read without
//! colour and do not depend on which glyphs a font has; each carries its words as its accessible
//! name.

mod palette;
pub mod spinner;
mod tokens;

pub use palette::*;
pub use tokens::*;

use eframe::egui;
use egui::accesskit::Role;
use egui::{
    Color32, CornerRadius, FontId, Rect, Response, RichText, Sense, Shape, Stroke, Ui, Vec2,
    Visuals, epaint::CircleShape, pos2, vec2,
};

use crate::model::Health;

/// The reverse-DNS id used for the window, the desktop file and eframe's storage folder.
pub const APP_ID: &str = "io.github.tokenwarden.Tokenwarden";

/// Small adjustments to egui's defaults: a little more air and larger body text, for people who
/// read this window rarely and under stress.
pub fn apply(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = vec2(8.0, 6.0);
        style.spacing.button_padding = vec2(10.0, 4.0);
        style.spacing.interact_size.y = 24.0;
        for (text_style, font) in style.text_styles.iter_mut() {
            font.size = match text_style {
                egui::TextStyle::Heading => 20.0,
                egui::TextStyle::Body | egui::TextStyle::Button => 14.0,
                egui::TextStyle::Monospace => 13.0,
                egui::TextStyle::Small => 11.5,
                _ => font.size,
            };
        }
    });
}

/// A status icon with its words as accessible name (and tooltip).
pub fn status_icon(ui: &mut Ui, health: Health, size: f32) -> Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
    paint_status(ui, rect, health);
    let words = crate::words::reasons::health(health);
    name_image(ui, &response, &words);
    response.on_hover_text(words)
}

/// A ✔ or ✖ mark for one requirement (a permission, a webhook field).
pub fn requirement_mark(ui: &mut Ui, ok: Option<bool>) -> Response {
    let health = match ok {
        Some(true) => Health::Healthy,
        Some(false) => Health::Broken,
        None => Health::Unknown,
    };
    let words = crate::words::t(match ok {
        Some(true) => "mark-present",
        Some(false) => "mark-missing",
        None => "mark-unknown",
    });
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(SMALL_ICON_SIZE), Sense::hover());
    paint_status(ui, rect, health);
    name_image(ui, &response, &words);
    response
}

fn name_image(ui: &Ui, response: &Response, words: &str) {
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(Role::Image);
        node.set_label(words);
    });
}

/// Paints the shape of a status into `rect`: the shape alone tells the states apart.
pub fn paint_status(ui: &Ui, rect: Rect, health: Health) {
    let visuals = ui.visuals();
    let color = health_color(visuals, health);
    let ink = palette(visuals).on_status;
    let painter = ui.painter();
    let c = rect.center();
    let r = rect.width().min(rect.height()) / 2.0;
    let stroke = Stroke::new((r * 0.22).max(1.4), ink);
    match health {
        Health::Healthy => {
            painter.add(CircleShape::filled(c, r, color));
            let pts = [
                c + vec2(-0.45 * r, 0.02 * r),
                c + vec2(-0.12 * r, 0.36 * r),
                c + vec2(0.48 * r, -0.32 * r),
            ];
            painter.add(Shape::line(pts.to_vec(), stroke));
        }
        Health::NeedsAttention => {
            let pts = vec![
                pos2(c.x, c.y - r),
                pos2(c.x + r * 1.05, c.y + r * 0.85),
                pos2(c.x - r * 1.05, c.y + r * 0.85),
            ];
            painter.add(Shape::convex_polygon(pts, color, Stroke::NONE));
            painter.line_segment(
                [pos2(c.x, c.y - r * 0.35), pos2(c.x, c.y + r * 0.3)],
                stroke,
            );
            painter.circle_filled(pos2(c.x, c.y + r * 0.58), stroke.width * 0.6, ink);
        }
        Health::Broken => {
            let sq = Rect::from_center_size(c, Vec2::splat(r * 1.8));
            painter.rect_filled(sq, CornerRadius::same((r * 0.3) as u8), color);
            let d = r * 0.42;
            painter.line_segment([c + vec2(-d, -d), c + vec2(d, d)], stroke);
            painter.line_segment([c + vec2(d, -d), c + vec2(-d, d)], stroke);
        }
        Health::Unknown => {
            painter.circle_stroke(c, r - 1.0, Stroke::new((r * 0.18).max(1.2), color));
            painter.text(
                c + vec2(0.0, r * 0.05),
                egui::Align2::CENTER_CENTER,
                "?",
                FontId::proportional(r * 1.3),
                color,
            );
        }
    }
}

/// Muted text: secondary facts, hints, timestamps.
pub fn weak(ui: &Ui, text: impl Into<String>) -> RichText {
    RichText::new(text).color(palette(ui.visuals()).weak_text)
}

/// What kind of message a banner carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Warning,
    Error,
}

pub fn tone_fill(visuals: &Visuals, tone: Tone) -> Color32 {
    let p = palette(visuals);
    match tone {
        Tone::Info => p.info_fill,
        Tone::Success => p.success_fill,
        Tone::Warning => p.warn_fill,
        Tone::Error => p.error_fill,
    }
}

pub fn tone_health(tone: Tone) -> Health {
    match tone {
        Tone::Info => Health::Unknown,
        Tone::Success => Health::Healthy,
        Tone::Warning => Health::NeedsAttention,
        Tone::Error => Health::Broken,
    }
}

/// A tinted box with an icon, for banners and refusals.
pub fn callout<R>(ui: &mut Ui, tone: Tone, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Frame::new()
        .fill(tone_fill(ui.visuals(), tone))
        .corner_radius(CornerRadius::same(CORNER))
        .inner_margin(egui::Margin::symmetric(10, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(Vec2::splat(ICON_SIZE), Sense::hover());
                paint_status(ui, rect, tone_health(tone));
                ui.vertical(add).inner
            })
            .inner
        })
        .inner
}

/// A card: a framed group for one subject in the details panel and the dialogs.
pub fn card<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Frame::group(ui.style())
        .corner_radius(CornerRadius::same(CORNER))
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui)
        })
        .inner
}

/// A form: labels in the first column, their fields in the second (`ui.end_row()` after each).
pub fn form_grid<R>(ui: &mut Ui, id_salt: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Grid::new(id_salt)
        .num_columns(2)
        .spacing(FORM_SPACING)
        .show(ui, add)
        .inner
}

pub fn section_title(ui: &mut Ui, text: &str) {
    ui.add_space(SMALL_GAP);
    ui.label(RichText::new(text).strong().size(SECTION_TITLE_SIZE));
}

/// A modal dialog hung from near the top of the window: when a validation result makes it
/// grow, it grows downwards instead of jumping up under the pointer.
pub fn dialog(key: &'static str) -> egui::Modal {
    DIALOG_SHOWN.with(|shown| shown.set(true));
    let id = egui::Id::unique(key);
    egui::Modal::new(id)
        .area(egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, vec2(0.0, DIALOG_TOP)))
}

thread_local! {
    /// A dialog was laid out in this frame (set by `dialog`, read and reset by `dialog_shown`).
    static DIALOG_SHOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a dialog was laid out since the last call: the window asks once per frame.
pub fn dialog_shown() -> bool {
    DIALOG_SHOWN.with(|shown| shown.replace(false))
}

/// Dialogs are placed from their size in the previous frame. When that size changed (a
/// validation result appeared), one more frame puts the dialog where it belongs, instead of
/// leaving it off-centre until the pointer moves.
pub fn settle_dialog(ctx: &egui::Context, key: &'static str, rect: Rect) {
    let id = egui::Id::unique(("dialog-rect", key));
    let moved = ctx.data_mut(|d| {
        let before = d.get_temp::<Rect>(id);
        d.insert_temp(id, rect);
        before != Some(rect)
    });
    if moved {
        ctx.request_repaint();
    }
}

/// Background of a changed fact in the side-by-side comparison of the renew dialog.
pub fn changed_fill(visuals: &Visuals) -> Color32 {
    palette(visuals).changed_fill
}

/// The one button a view or dialog is for (Save, Renew, Log in): bold on the accent colour.
pub fn primary(ui: &Ui, text: impl Into<String>) -> egui::Button<'static> {
    egui::Button::new(RichText::new(text.into()).strong()).fill(ui.visuals().selection.bg_fill)
}

/// Gives `field` the keyboard focus when nothing in its dialog has it yet (nothing focused, or
/// the focus still on the button behind the dialog that opened it): a dialog opens ready to type.
pub fn focus_first(ui: &Ui, field: &Response) {
    let elsewhere = ui.memory(|m| m.focused()).is_none_or(|id| {
        ui.ctx()
            .read_response(id)
            .is_none_or(|r| r.layer_id != ui.layer_id())
    });
    if elsewhere {
        field.request_focus();
    }
}

/// Brings a widget that just got the keyboard focus (Tab) into view inside the scroll area whose
/// contents `ui` holds; egui leaves it where it is, possibly out of sight. Call it last.
pub fn follow_focus(ui: &Ui) {
    let Some(id) = ui.memory(|m| m.focused()) else {
        return;
    };
    if let Some(r) = ui.ctx().read_response(id)
        && r.gained_focus()
        && r.layer_id == ui.layer_id()
        && ui.min_rect().contains_rect(r.rect)
    {
        ui.scroll_to_rect(r.rect, None);
    }
}

/// The app icon: the shipped 128 px PNG, the same picture the desktop entry and the packages use.
pub fn app_icon() -> egui::IconData {
    const PNG: &[u8] = include_bytes!(
        "../../../dist/linux/icons/hicolor/128x128/apps/io.github.tokenwarden.Tokenwarden.png"
    );
    // The file is part of the source tree and checked by a test; no icon beats no window.
    eframe::icon_data::from_png_bytes(PNG).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_is_the_shipped_picture_with_a_transparent_corner() {
        let icon = app_icon();
        assert_eq!((icon.width, icon.height), (128, 128));
        let alpha = |x: usize, y: usize| icon.rgba[(y * 128 + x) * 4 + 3];
        assert_eq!(alpha(0, 0), 0);
        assert_eq!(alpha(64, 50), 255);
    }
}
