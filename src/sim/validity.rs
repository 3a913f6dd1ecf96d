//! When a token stops working, and what Meta says about it (code 190 and its subcodes, §2).

use serde_json::{Value, json};

use super::errors::GraphError;
use super::world::{TokenKind, TokenRecord, World};

/// Why a known token is no longer valid.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Invalid {
    pub subcode: Option<i64>,
    pub message: String,
}

impl Invalid {
    fn new(subcode: Option<i64>, message: impl Into<String>) -> Self {
        Invalid {
            subcode,
            message: message.into(),
        }
    }

    /// The error a Graph call made with this token gets (HTTP 400).
    pub fn graph_error(&self) -> GraphError {
        let mut e = GraphError::new(190, self.message.clone());
        e.subcode = self.subcode;
        if self.subcode == Some(459) {
            // Meta shows the account owner where to go; this is one of the few user-facing texts.
            e = e.with_user(
                "Log in to Facebook",
                "Log in at www.facebook.com and follow the instructions given to secure your account.",
            );
        }
        e
    }

    /// The `data.error` object of `debug_token` (note: `subcode`, not `error_subcode`).
    pub fn debug_json(&self) -> Value {
        let mut v = json!({ "code": 190, "message": self.message });
        if let Some(sub) = self.subcode {
            v["subcode"] = json!(sub);
        }
        v
    }
}

/// `Monday, 23-Nov-26 10:00:00 PST`, the way Meta prints times in 463 messages (Pacific time;
/// daylight saving is ignored, which is good enough for a fake).
pub(crate) fn meta_time(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts - 8 * 3600, 0)
        .map(|t| t.format("%A, %d-%b-%y %H:%M:%S PST").to_string())
        .unwrap_or_default()
}

impl World {
    /// The validity rules. Order matters only when several apply; the account-level reasons come
    /// first because that is what the owner has to fix before anything else helps.
    pub fn validity(&self, t: &TokenRecord, now: i64) -> Result<(), Invalid> {
        if t.revoked {
            return Err(Invalid::new(
                None,
                "Error validating access token: The session is invalid because the user logged out.",
            ));
        }
        if let Some(user) = t.user_id.as_deref().and_then(|u| self.users.get(u)) {
            if user
                .app_removed_seq
                .get(&t.app_id)
                .is_some_and(|s| t.seq < *s)
            {
                return Err(Invalid::new(
                    Some(458),
                    format!(
                        "Error validating access token: The user has not authorized application {}.",
                        t.app_id
                    ),
                ));
            }
            if user.checkpointed {
                return Err(Invalid::new(
                    Some(459),
                    "Error validating access token: You cannot access the app till you log in to www.facebook.com and follow the instructions given.",
                ));
            }
            if user.password_changed_seq.is_some_and(|s| t.seq < s) {
                return Err(Invalid::new(
                    Some(460),
                    "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
                ));
            }
            if user.unconfirmed {
                return Err(Invalid::new(
                    Some(464),
                    format!(
                        "Error validating access token: Sessions for the user {} are not allowed because the user is not a confirmed user.",
                        user.id
                    ),
                ));
            }
            if user.session_invalidated_seq.is_some_and(|s| t.seq < s) {
                return Err(Invalid::new(
                    Some(466),
                    "Error validating access token: The session was invalidated explicitly using an API call.",
                ));
            }
        }
        if let Some(exp) = t.expires_at
            && exp <= now
        {
            return Err(Invalid::new(
                Some(463),
                format!(
                    "Error validating access token: Session has expired on {}. The current time is {}.",
                    meta_time(exp),
                    meta_time(now)
                ),
            ));
        }
        if t.kind == TokenKind::Page
            && let (Some(user), Some(page)) = (&t.user_id, &t.page_id)
            && !self
                .pages
                .get(page)
                .is_some_and(|p| p.roles.contains_key(user))
        {
            return Err(Invalid::new(
                Some(492),
                "Error validating access token: The user must be an administrator, editor, or moderator of the page in order to impersonate it.",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::world::strings;

    fn world() -> (World, String) {
        let mut w = World::default();
        w.add_app("1", "App", "s", "c");
        w.add_user("u", "U");
        w.add_page("p", "P", "Shop");
        w.grant_page_role("u", "p", &["MANAGE"]).unwrap();
        let t = w
            .mint_page("u", "p", "1", true, strings(&["pages_show_list"]), None)
            .unwrap();
        (w, t)
    }

    fn subcode(w: &World, t: &str) -> Option<Option<i64>> {
        w.validity(&w.tokens[t], crate::sim::ids::now())
            .err()
            .map(|e| e.subcode)
    }

    #[test]
    fn each_rule_gives_its_subcode() {
        let (mut w, t) = world();
        assert_eq!(subcode(&w, &t), None);
        w.remove_page_role("u", "p").unwrap();
        assert_eq!(subcode(&w, &t), Some(Some(492)));
        w.grant_page_role("u", "p", &["MANAGE"]).unwrap();
        w.set_expires_at(&t, Some(1)).unwrap();
        assert_eq!(subcode(&w, &t), Some(Some(463)));
        w.invalidate_session("u").unwrap();
        assert_eq!(subcode(&w, &t), Some(Some(466)));
        w.set_unconfirmed("u").unwrap();
        assert_eq!(subcode(&w, &t), Some(Some(464)));
        w.change_password("u").unwrap();
        assert_eq!(subcode(&w, &t), Some(Some(460)));
        w.checkpoint_user("u").unwrap();
        assert_eq!(subcode(&w, &t), Some(Some(459)));
        w.remove_app("u", "1").unwrap();
        assert_eq!(subcode(&w, &t), Some(Some(458)));
        w.revoke(&t).unwrap();
        assert_eq!(subcode(&w, &t), Some(None));
    }

    #[test]
    fn tokens_issued_after_a_password_change_work() {
        let (mut w, old) = world();
        w.change_password("u").unwrap();
        let new = w.mint_page("u", "p", "1", true, vec![], None).unwrap();
        assert_eq!(subcode(&w, &old), Some(Some(460)));
        assert_eq!(subcode(&w, &new), None);
    }

    #[test]
    fn expiry_message_reads_like_meta() {
        let m = meta_time(1_795_456_800);
        assert!(m.ends_with(" PST"), "{m}");
        assert!(m.contains("-26 "), "{m}");
    }
}
