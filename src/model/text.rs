//! Text that came from outside (a file, a paste, Facebook's answers) made inert before it is
//! printed, logged or saved: control characters (terminal escapes, carriage returns, bidi
//! overrides) are dropped and long values are cut, so a crafted name cannot repaint a support
//! person's terminal or flood a log.

/// The longest outside value we show; names and messages are far shorter.
pub const MAX_SHOWN: usize = 300;

/// `text` without control or bidi-formatting characters, at most `MAX_SHOWN` characters
/// (with "…" where it was cut). Line breaks and tabs become spaces.
pub fn inert(text: &str) -> String {
    inert_max(text, MAX_SHOWN)
}

/// As [`inert`], with another limit.
pub fn inert_max(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max + 3));
    let mut count = 0;
    for c in text.chars() {
        let c = match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() || is_bidi_control(c) => continue,
            c => c,
        };
        if count == max {
            out.push('…');
            break;
        }
        out.push(c);
        count += 1;
    }
    out
}

/// Unicode's invisible direction overrides and isolates, which can reorder what a line shows.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Every string inside a JSON value made inert (cut at `max`), except the values of `keep`
/// keys (secrets, which are never shown and must stay exactly as they are).
pub fn inert_json(v: &mut serde_json::Value, keep: &[&str], max: usize) {
    use serde_json::Value;
    match v {
        Value::String(s) => *s = inert_max(s, max),
        Value::Array(a) => a.iter_mut().for_each(|x| inert_json(x, keep, max)),
        Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                if !keep.contains(&k.as_str()) {
                    inert_json(x, keep, max);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_and_line_breaks_are_dropped() {
        assert_eq!(
            inert("Acme\u{1b}[2J\u{1b}]0;pwned\u{7}\r\nShoes"),
            "Acme[2J]0;pwned  Shoes"
        );
        assert_eq!(inert("a\u{202e}gnp.exe"), "agnp.exe");
        assert_eq!(inert("Café Ñandú"), "Café Ñandú");
    }

    #[test]
    fn long_values_are_cut() {
        let long = "x".repeat(10_000);
        let shown = inert(&long);
        assert_eq!(shown.chars().count(), MAX_SHOWN + 1);
        assert!(shown.ends_with('…'));
        assert_eq!(inert_max("abcdef", 3), "abc…");
        assert_eq!(inert_max("abc", 3), "abc");
    }

    #[test]
    fn json_strings_are_cleaned_but_kept_keys_are_not() {
        let mut v = serde_json::json!({"name":"A\u{1b}[31mB","token":"T\u{1b}x","list":["\u{7}c"]});
        inert_json(&mut v, &["token"], MAX_SHOWN);
        assert_eq!(v["name"], "A[31mB");
        assert_eq!(v["token"], "T\u{1b}x");
        assert_eq!(v["list"][0], "c");
    }
}
