//! The design system: every colour, icon, size and spacing of the app lives here, so the views
//! only say *what* they show (a status, a warning, a difference), never how it looks.
//!
//! Status icons are painted shapes (circle ✔, triangle !, square ✖, ring ?), so they read without
//! colour and do not depend on which glyphs a font has; each carries its words as its accessible
//! name.

use eframe::egui;
use egui::accesskit::Role;
use egui::{
    Color32, CornerRadius, FontId, Pos2, Rect, Response, RichText, Sense, Shape, Stroke, Ui, Vec2,
    Visuals, epaint::CircleShape, pos2, vec2,
};

use crate::model::Health;

/// The reverse-DNS id used for the window, the desktop file and eframe's storage folder.
pub const APP_ID: &str = "io.github.tokenwarden.Tokenwarden";

/// Height of one channel row in the list (two lines of text). Fixed, so only visible rows are
/// built (`ScrollArea::show_rows`).
pub const ROW_HEIGHT: f32 = 48.0;
pub const ICON_SIZE: f32 = 18.0;
pub const SMALL_ICON_SIZE: f32 = 14.0;
pub const GAP: f32 = 8.0;
pub const SECTION_GAP: f32 = 14.0;
pub const DETAILS_WIDTH: f32 = 430.0;
pub const DIALOG_WIDTH: f32 = 640.0;
pub const CORNER: u8 = 6;

/// Colours that carry meaning; chosen per light/dark so text on them stays readable.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub healthy: Color32,
    pub attention: Color32,
    pub broken: Color32,
    pub unknown: Color32,
    pub on_status: Color32,
    pub info_fill: Color32,
    pub warn_fill: Color32,
    pub error_fill: Color32,
    pub success_fill: Color32,
    pub changed_fill: Color32,
    pub weak_text: Color32,
}

pub fn palette(visuals: &Visuals) -> Palette {
    if visuals.dark_mode {
        Palette {
            healthy: Color32::from_rgb(0x3f, 0xb9, 0x50),
            attention: Color32::from_rgb(0xd2, 0x99, 0x22),
            broken: Color32::from_rgb(0xf8, 0x51, 0x49),
            unknown: Color32::from_rgb(0x8b, 0x94, 0x9e),
            on_status: Color32::from_rgb(0x0d, 0x11, 0x17),
            info_fill: Color32::from_rgb(0x12, 0x26, 0x3f),
            warn_fill: Color32::from_rgb(0x3b, 0x2e, 0x0c),
            error_fill: Color32::from_rgb(0x45, 0x16, 0x19),
            success_fill: Color32::from_rgb(0x12, 0x33, 0x1c),
            changed_fill: Color32::from_rgb(0x3a, 0x33, 0x10),
            weak_text: Color32::from_rgb(0xa0, 0xa8, 0xb2),
        }
    } else {
        Palette {
            healthy: Color32::from_rgb(0x1a, 0x7f, 0x37),
            attention: Color32::from_rgb(0xb2, 0x6b, 0x00),
            broken: Color32::from_rgb(0xcf, 0x22, 0x2e),
            unknown: Color32::from_rgb(0x6e, 0x77, 0x81),
            on_status: Color32::WHITE,
            info_fill: Color32::from_rgb(0xdd, 0xf4, 0xff),
            warn_fill: Color32::from_rgb(0xff, 0xf8, 0xc5),
            error_fill: Color32::from_rgb(0xff, 0xeb, 0xe9),
            success_fill: Color32::from_rgb(0xda, 0xfb, 0xe1),
            changed_fill: Color32::from_rgb(0xff, 0xf1, 0xb8),
            weak_text: Color32::from_rgb(0x57, 0x60, 0x6a),
        }
    }
}

pub fn health_color(visuals: &Visuals, health: Health) -> Color32 {
    let p = palette(visuals);
    match health {
        Health::Healthy => p.healthy,
        Health::NeedsAttention => p.attention,
        Health::Broken => p.broken,
        Health::Unknown => p.unknown,
    }
}

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
    name_image(ui, &response, health.label());
    response.on_hover_text(health.label())
}

/// A ✔ or ✖ mark for one requirement (a permission, a webhook field).
pub fn requirement_mark(ui: &mut Ui, ok: Option<bool>) -> Response {
    let health = match ok {
        Some(true) => Health::Healthy,
        Some(false) => Health::Broken,
        None => Health::Unknown,
    };
    let words = match ok {
        Some(true) => "Present",
        Some(false) => "Missing",
        None => "Unknown",
    };
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(SMALL_ICON_SIZE), Sense::hover());
    paint_status(ui, rect, health);
    name_image(ui, &response, words);
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

pub fn section_title(ui: &mut Ui, text: &str) {
    ui.add_space(4.0);
    ui.label(RichText::new(text).strong().size(15.0));
}

/// A modal dialog hung from near the top of the window: when a validation result makes it
/// grow, it grows downwards instead of jumping up under the pointer.
pub fn dialog(key: &'static str) -> egui::Modal {
    let id = egui::Id::unique(key);
    egui::Modal::new(id)
        .area(egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, vec2(0.0, 56.0)))
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

/// The app icon: a shield with a key notch, drawn at `size`×`size` so no image file is needed.
pub fn app_icon(size: u32) -> egui::IconData {
    let mut rgba = Vec::with_capacity((size * size * 4) as usize);
    let s = size as f32;
    let blue = [0x1f, 0x6f, 0xeb];
    let green = [0x2d, 0xa4, 0x4e];
    for y in 0..size {
        for x in 0..size {
            let p = Pos2::new((x as f32 + 0.5) / s, (y as f32 + 0.5) / s);
            let (inside, edge) = shield(p);
            let pixel = if inside {
                let t = p.y;
                let base = [
                    lerp(blue[0], green[0], t),
                    lerp(blue[1], green[1], t),
                    lerp(blue[2], green[2], t),
                ];
                if key_hole(p) {
                    [255, 255, 255, 255]
                } else {
                    [base[0], base[1], base[2], (edge * 255.0) as u8]
                }
            } else {
                [0, 0, 0, 0]
            };
            rgba.extend_from_slice(&pixel);
        }
    }
    egui::IconData {
        rgba,
        width: size,
        height: size,
    }
}

fn lerp(a: u8, b: u8, t: f32) -> u8 {
    (a as f32 + (b as f32 - a as f32) * t.clamp(0.0, 1.0)) as u8
}

/// Whether `p` (unit square) is in the shield, and a soft alpha for its border.
fn shield(p: Pos2) -> (bool, f32) {
    let (x, y) = (p.x - 0.5, p.y);
    if !(0.08..=0.94).contains(&y) {
        return (false, 0.0);
    }
    // Straight sides down to the middle, then a curve to the point at the bottom.
    let half_width = if y < 0.5 {
        0.40
    } else {
        0.40 * (1.0 - ((y - 0.5) / 0.44).powf(1.6)).max(0.0).sqrt()
    };
    let d = half_width - x.abs();
    (d > 0.0, (d * 60.0).clamp(0.0, 1.0))
}

fn key_hole(p: Pos2) -> bool {
    let (x, y) = (p.x - 0.5, p.y);
    let head = x * x + (y - 0.40).powi(2) < 0.11f32.powi(2);
    let inner = x * x + (y - 0.40).powi(2) < 0.045f32.powi(2);
    let shaft = x.abs() < 0.035 && (0.45..0.74).contains(&y);
    let tooth = (0.035..0.10).contains(&x) && (0.62..0.67).contains(&y);
    (head && !inner) || shaft || tooth
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_has_a_visible_shield_and_a_transparent_corner() {
        let icon = app_icon(64);
        assert_eq!(icon.rgba.len(), 64 * 64 * 4);
        let alpha = |x: usize, y: usize| icon.rgba[(y * 64 + x) * 4 + 3];
        assert_eq!(alpha(0, 0), 0);
        assert_eq!(alpha(32, 20), 255);
    }
}
