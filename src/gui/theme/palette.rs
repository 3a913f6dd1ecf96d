//! The colours that carry meaning (status, tones, hints), per light and dark theme, and the
//! test that keeps their words readable (WCAG 4.5:1) on every ground they appear on.

use eframe::egui::{Color32, Visuals};

use crate::model::Health;

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
            healthy: Color32::from_rgb(0x56, 0xd3, 0x64),
            attention: Color32::from_rgb(0xe3, 0xb3, 0x41),
            broken: Color32::from_rgb(0xff, 0x8e, 0x86),
            unknown: Color32::from_rgb(0xb1, 0xba, 0xc4),
            on_status: Color32::from_rgb(0x0d, 0x11, 0x17),
            info_fill: Color32::from_rgb(0x12, 0x26, 0x3f),
            warn_fill: Color32::from_rgb(0x3b, 0x2e, 0x0c),
            error_fill: Color32::from_rgb(0x45, 0x16, 0x19),
            success_fill: Color32::from_rgb(0x12, 0x33, 0x1c),
            changed_fill: Color32::from_rgb(0x3a, 0x33, 0x10),
            weak_text: Color32::from_rgb(0xb1, 0xba, 0xc4),
        }
    } else {
        Palette {
            healthy: Color32::from_rgb(0x0f, 0x5c, 0x26),
            attention: Color32::from_rgb(0x7a, 0x46, 0x00),
            broken: Color32::from_rgb(0xa4, 0x0e, 0x26),
            unknown: Color32::from_rgb(0x4d, 0x55, 0x5e),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::theme::SELECTED_ROW_ALPHA;

    /// WCAG relative luminance of an opaque colour.
    fn luminance(c: Color32) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn status_words_and_weak_text_are_readable_in_both_themes() {
        let mut unreadable = Vec::new();
        for visuals in [Visuals::light(), Visuals::dark()] {
            let p = palette(&visuals);
            let texts = [
                ("healthy", p.healthy),
                ("needs attention", p.attention),
                ("broken", p.broken),
                ("unknown", p.unknown),
                ("weak text", p.weak_text),
            ];
            // Where status words and hints appear: panels, dialogs, and the list's selected and
            // hovered rows (the selection is painted see-through over the panel).
            let over_panel = |c: Color32| {
                let a = f32::from(c.a()) / 255.0;
                let mix =
                    |top: u8, under: u8| (f32::from(top) + (1.0 - a) * f32::from(under)) as u8;
                let u = visuals.panel_fill;
                Color32::from_rgb(mix(c.r(), u.r()), mix(c.g(), u.g()), mix(c.b(), u.b()))
            };
            let grounds = [
                ("panel", visuals.panel_fill),
                ("window", visuals.window_fill),
                (
                    "selected row",
                    over_panel(visuals.selection.bg_fill.gamma_multiply(SELECTED_ROW_ALPHA)),
                ),
                (
                    "hovered row",
                    over_panel(visuals.widgets.hovered.weak_bg_fill),
                ),
            ];
            for (what, text) in texts {
                for (on, ground) in grounds {
                    let ratio = contrast(text, ground);
                    if ratio < 4.5 {
                        let theme = if visuals.dark_mode { "dark" } else { "light" };
                        unreadable.push(format!("{what} on {on} ({theme}): {ratio:.2}:1"));
                    }
                }
            }
        }
        assert!(unreadable.is_empty(), "below 4.5:1: {unreadable:#?}");
    }
}
