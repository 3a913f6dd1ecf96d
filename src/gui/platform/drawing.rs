//! How the window draws: the renderer and the width of the glyph atlas, both chosen for idle
//! memory (figures in `benches/window.rs` and the commit that chose them).

use eframe::egui;

/// `TOKENWARDEN_RENDERER=glow|wgpu`: lets the window bench compare renderers in one binary.
/// Shipped builds have glow only; bench and test builds also have wgpu (the GUI tests draw
/// their snapshots with it). A value this build lacks keeps glow.
pub const RENDERER_ENV: &str = "TOKENWARDEN_RENDERER";

/// glow unless `RENDERER_ENV` names another renderer this build has.
pub fn renderer() -> eframe::Renderer {
    crate::env::var(RENDERER_ENV)
        .and_then(|name| name.parse().ok())
        .unwrap_or(eframe::Renderer::Glow)
}

/// The widest glyph atlas the window asks for: egui's own default when the GPU is unknown.
/// egui makes the atlas as wide as the GPU's largest texture (16,384 px under Mesa) and doubles
/// its height as glyphs arrive, so a wide atlas holds megabytes of empty rows in memory and
/// again as a texture; 2,048 × 2,048 still holds thousands of glyphs.
pub const MAX_ATLAS_SIDE: usize = 2048;

/// Caps the texture size egui plans its glyph atlas for (`eframe::App::raw_input_hook`).
pub fn cap_atlas(raw_input: &mut egui::RawInput) {
    raw_input.max_texture_side = raw_input
        .max_texture_side
        .map(|side| side.min(MAX_ATLAS_SIDE));
}
