//! The one masked field for a secret (a pasted token, an app secret, a passphrase): its text
//! lives in a buffer that is wiped when it is cleared, taken or dropped, and that wipes its old
//! memory whenever it grows, so no copy of the secret is left behind in freed memory. `Debug`
//! never shows the text.

use eframe::egui;
use std::fmt;
use std::ops::Range;

use egui::text::CharIndex;
use egui::{Id, Response, TextBuffer, Ui};
use zeroize::Zeroize;

use crate::gui::theme;
use crate::model::Secret;
use crate::model::secret::MIN_NEW_PASSPHRASE_CHARS;

/// Text kept in one zero-filled allocation: bytes past the text are always zero, and an
/// allocation is wiped before it is given back (on growth and on drop).
#[derive(Default)]
pub struct SecretText {
    /// The whole allocation; `bytes[..len]` is the text, the rest zeros.
    bytes: Vec<u8>,
    len: usize,
}

impl SecretText {
    pub fn as_str(&self) -> &str {
        // Only whole `&str`s are inserted and whole chars removed, so this is always UTF-8.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }

    /// Overwrites every byte with zeros; the text is then empty.
    pub fn wipe(&mut self) {
        self.bytes.as_mut_slice().zeroize();
        self.len = 0;
    }

    fn byte_index(&self, char_index: CharIndex) -> usize {
        let text = self.as_str();
        text.char_indices()
            .nth(char_index.0)
            .map_or(text.len(), |(i, _)| i)
    }

    /// Room for `extra` more bytes; a larger allocation takes the text and the old one is wiped.
    fn reserve(&mut self, extra: usize) {
        let needed = self.len + extra;
        if needed <= self.bytes.len() {
            return;
        }
        let mut grown = vec![0u8; needed.max(64).next_power_of_two()];
        grown[..self.len].copy_from_slice(&self.bytes[..self.len]);
        let mut old = std::mem::replace(&mut self.bytes, grown);
        old.zeroize();
    }
}

impl TextBuffer for SecretText {
    fn is_mutable(&self) -> bool {
        true
    }

    fn as_str(&self) -> &str {
        SecretText::as_str(self)
    }

    fn insert_text(&mut self, text: &str, char_index: CharIndex) -> usize {
        let at = self.byte_index(char_index);
        let n = text.len();
        self.reserve(n);
        self.bytes.copy_within(at..self.len, at + n);
        self.bytes[at..at + n].copy_from_slice(text.as_bytes());
        self.len += n;
        text.chars().count()
    }

    fn delete_char_range(&mut self, char_range: Range<CharIndex>) {
        let start = self.byte_index(char_range.start);
        let end = self.byte_index(char_range.end).max(start);
        self.bytes.copy_within(end..self.len, start);
        let len = self.len - (end - start);
        self.bytes[len..self.len].zeroize();
        self.len = len;
    }

    fn type_id(&self) -> std::any::TypeId {
        std::any::TypeId::of::<Self>()
    }
}

impl Drop for SecretText {
    fn drop(&mut self) {
        self.wipe();
        #[cfg(test)]
        tests::note_drop(&self.bytes);
    }
}

impl fmt::Debug for SecretText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "SecretText(••••••, {} chars)",
            self.as_str().chars().count()
        )
    }
}

/// A masked, labelled-by-the-caller field holding a secret; `with_toggle` adds Show/Hide.
pub struct SecretField {
    id: Id,
    text: SecretText,
    /// `Some(shown)` when the field has a Show/Hide button.
    shown: Option<bool>,
    /// The Fluent id of the hint shown in the empty field.
    hint: Option<&'static str>,
    width: f32,
    /// The text was wiped where egui could not be reached: drop egui's copy when next drawn.
    forget_copy: bool,
}

impl fmt::Debug for SecretField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SecretField")
            .field("id", &self.id)
            .field("text", &self.text)
            .finish_non_exhaustive()
    }
}

impl SecretField {
    pub fn new(id: Id) -> Self {
        SecretField {
            id,
            text: SecretText::default(),
            shown: None,
            hint: None,
            width: theme::SECRET_FIELD_WIDTH,
            forget_copy: false,
        }
    }

    /// Adds a Show/Hide button beside the field.
    pub fn with_toggle(mut self) -> Self {
        self.shown = Some(false);
        self
    }

    /// The empty field's hint: the id of its message, phrased when drawn.
    pub fn hint(mut self, id: &'static str) -> Self {
        self.hint = Some(id);
        self
    }

    pub fn width(mut self, width: f32) -> Self {
        self.width = width;
        self
    }

    /// The text; for checks in the window (a fingerprint, a comparison), never to keep.
    pub fn text(&self) -> &str {
        self.text.as_str()
    }

    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }

    /// Wipes the text and egui's own copy of it (the field's undo history).
    pub fn clear(&mut self, ctx: &egui::Context) {
        self.text.wipe();
        self.forget_copy = false;
        ctx.data_mut(|d| d.remove::<egui::text_edit::TextEditState>(self.id));
    }

    /// Wipes the text now and egui's copy when the field is next drawn (for code that has no
    /// `egui::Context` at hand).
    pub fn wipe(&mut self) {
        self.text.wipe();
        self.forget_copy = true;
    }

    /// Submits the text: it leaves the field as a `Secret`, exactly as typed, and the field is
    /// wiped.
    pub fn take(&mut self) -> Secret {
        let secret = Secret::new(self.text());
        self.wipe();
        secret
    }

    /// The masked field (and its Show/Hide button), named by `label` for screen readers.
    pub fn ui(&mut self, ui: &mut Ui, label: &Response) -> Response {
        if self.forget_copy {
            self.clear(ui.ctx());
        }
        let masked = self.shown != Some(true);
        let toggle_room = if self.shown.is_some() {
            theme::TOGGLE_ROOM
        } else {
            0.0
        };
        let mut edit = egui::TextEdit::singleline(&mut self.text)
            .id(self.id)
            .password(masked)
            .desired_width(self.width.min(ui.available_width() - toggle_room));
        if let Some(id) = self.hint {
            edit = edit.hint_text(crate::words::t(id));
        }
        let response = ui.add(edit).labelled_by(label.id);
        if let Some(shown) = &mut self.shown {
            let words = crate::words::t(if *shown { "secret-hide" } else { "secret-show" });
            if ui
                .button(words)
                .on_hover_text(crate::words::t("secret-show-hover"))
                .clicked()
            {
                *shown = !*shown;
            }
        }
        response
    }
}

/// Under a new passphrase typed twice: says what is wrong with it (not the same twice, too
/// short); whether it is ready to use.
pub fn new_passphrase_ready(ui: &mut Ui, passphrase: &SecretField, again: &SecretField) -> bool {
    let (pass, again) = (passphrase.text(), again.text());
    let mismatch = !again.is_empty() && pass != again;
    let short = !pass.is_empty() && pass.chars().count() < MIN_NEW_PASSPHRASE_CHARS;
    if mismatch {
        let red = theme::health_color(ui.visuals(), crate::model::Health::Broken);
        let words = crate::words::t("secret-passphrases-differ");
        ui.label(egui::RichText::new(words).color(red));
    } else if short {
        let words = crate::words::t_args(
            "secret-passphrase-short",
            &[("count", MIN_NEW_PASSPHRASE_CHARS.into())],
        );
        ui.label(theme::weak(ui, words));
    }
    !pass.is_empty() && pass == again && !short
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Whether every byte was zero when the last `SecretText` of this thread was dropped.
        static DROPPED_ZEROED: Cell<Option<bool>> = const { Cell::new(None) };
    }

    pub(super) fn note_drop(bytes: &[u8]) {
        DROPPED_ZEROED.with(|c| c.set(Some(bytes.iter().all(|b| *b == 0))));
    }

    fn typed(text: &str) -> SecretText {
        let mut t = SecretText::default();
        t.insert_text(text, CharIndex(0));
        t
    }

    #[test]
    fn edits_keep_the_text_and_leave_no_bytes_behind_it() {
        let mut t = typed("EAAB-secret");
        t.insert_text("é!", CharIndex(4));
        assert_eq!(t.as_str(), "EAABé!-secret");
        t.delete_char_range(CharIndex(4)..CharIndex(6));
        assert_eq!(t.as_str(), "EAAB-secret");
        assert!(t.bytes[t.len..].iter().all(|b| *b == 0));
        // Growing past the first allocation keeps the text.
        let long = "x".repeat(200);
        t.insert_text(&long, CharIndex(11));
        assert_eq!(t.as_str(), format!("EAAB-secret{long}"));
    }

    #[test]
    fn clearing_wipes_every_byte() {
        let mut t = typed("my vault passphrase");
        assert!(t.bytes.iter().any(|b| *b != 0));
        t.wipe();
        assert_eq!(t.as_str(), "");
        assert!(!t.bytes.is_empty() && t.bytes.iter().all(|b| *b == 0));
    }

    #[test]
    fn dropping_wipes_every_byte() {
        DROPPED_ZEROED.with(|c| c.set(None));
        drop(typed("my vault passphrase"));
        assert_eq!(DROPPED_ZEROED.with(Cell::get), Some(true));
    }

    #[test]
    fn taking_hands_over_the_secret_and_empties_the_field() {
        let mut field = SecretField::new(Id::unique("test-secret"));
        field.text.insert_text(" pass phrase ", CharIndex(0));
        let secret = field.take();
        assert_eq!(
            secret.expose(),
            " pass phrase ",
            "a passphrase is kept as typed"
        );
        assert!(field.is_empty());
        assert!(field.text.bytes.iter().all(|b| *b == 0));
    }

    #[test]
    fn debug_never_shows_the_text() {
        let mut field = SecretField::new(Id::unique("test-secret")).with_toggle();
        field
            .text
            .insert_text("EAAB-very-secret-token", CharIndex(0));
        let shown = format!("{field:?} {:?}", field.text);
        assert!(!shown.contains("very-secret"), "{shown}");
        assert!(shown.contains("22 chars"), "{shown}");
    }
}
