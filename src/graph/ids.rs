//! Ids and paths that go into Graph URLs. An id is only digits or the literal `me`, checked
//! before anything is sent: an id that came from a file or from the network can then never turn
//! into another address, a query string or a path that walks somewhere else with the token.

use super::error::{GraphError, UnsafeRequest};

/// First path segments Tokenwarden calls besides ids.
const ROOTS: &[&str] = &["debug_token", "app", "oauth", "device"];

/// `id` when it is a Graph node id (digits) or `me`; else an error that names it, shortened.
pub fn node_id(id: &str) -> Result<&str, GraphError> {
    if id == "me" || (!id.is_empty() && id.len() <= 40 && id.bytes().all(|b| b.is_ascii_digit())) {
        Ok(id)
    } else {
        Err(GraphError::Unsafe(UnsafeRequest::NotAnId {
            shown: shown(id),
        }))
    }
}

/// `{id}/{edge}` with the id checked, e.g. `500001/subscribed_apps`.
pub fn node_path(id: &str, edge: &str) -> Result<String, GraphError> {
    Ok(format!("{}/{edge}", node_id(id)?))
}

/// The segments of a path the client may call: nothing (a batch), or a node id or one of
/// [`ROOTS`], then at most one edge name (lowercase letters and `_`). Anything else was built
/// from something that is not an id.
pub(crate) fn checked_segments(path: &str) -> Result<Vec<&str>, GraphError> {
    let segments: Vec<&str> = match path.trim_start_matches('/') {
        "" => return Ok(vec![]),
        p => p.split('/').collect(),
    };
    let root_ok = |s: &str| ROOTS.contains(&s) || node_id(s).is_ok();
    let edge_ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    let ok = match segments.as_slice() {
        [root] => root_ok(root),
        [root, edge] => root_ok(root) && edge_ok(edge),
        _ => false,
    };
    if ok {
        Ok(segments)
    } else {
        Err(GraphError::Unsafe(UnsafeRequest::NotOurAddress {
            shown: shown(path),
        }))
    }
}

/// Text from a file or the network, safe to print: no control characters, at most 40 characters.
fn shown(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).take(40).collect();
    let more = if text.chars().count() > 40 { "…" } else { "" };
    format!("“{clean}{more}”")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_digits_or_me() {
        assert!(node_id("500001").is_ok());
        assert!(node_id("me").is_ok());
        for bad in [
            "",
            "5/accounts",
            "5?x=1",
            "..",
            "5#f",
            "%2F",
            "me/accounts",
            "5 1",
            "١٢",
        ] {
            assert!(node_id(bad).is_err(), "{bad:?} passed");
        }
        assert_eq!(
            node_path("42", "subscribed_apps").unwrap(),
            "42/subscribed_apps"
        );
        assert!(node_path("42/x", "subscribed_apps").is_err());
    }

    #[test]
    fn paths_have_one_shape() {
        for good in [
            "",
            "/",
            "me",
            "me/accounts",
            "debug_token",
            "oauth/access_token",
            "7/subscribed_apps",
        ] {
            assert!(checked_segments(good).is_ok(), "{good:?} refused");
        }
        for bad in [
            "accounts/subscribed_apps",
            "5/accounts/subscribed_apps",
            "me/../x",
            "me/accounts?x=1",
            "me//accounts",
            "debug_token?input_token=x",
            "7/Subscribed",
        ] {
            assert!(checked_segments(bad).is_err(), "{bad:?} passed");
        }
    }

    #[test]
    fn shown_text_is_short_and_clean() {
        let long = format!("a\u{1b}[31m{}", "x".repeat(100));
        let s = shown(&long);
        assert!(!s.contains('\u{1b}') && s.ends_with("…”"));
    }
}
