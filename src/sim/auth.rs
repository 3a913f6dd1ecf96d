//! Who is calling: turning an `access_token` into an app, a client or a token record, checking
//! that it is valid, and checking `appsecret_proof` (§6).

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::budget::Charge;
use super::errors::GraphError;
use super::ids;
use super::request::GraphRequest;
use super::world::{TokenKind, TokenRecord, World};

/// An `appsecret_proof` older (or newer) than this is refused (§6: 5 minutes).
const PROOF_MAX_AGE_SECS: i64 = 300;

#[derive(Debug, Clone)]
pub(crate) enum Caller {
    /// `{app-id}|{app-secret}`.
    App(String),
    /// `{app-id}|{client-token}`: only good for device login.
    Client(String),
    /// A token this simulator issued (user, Page, system user, or an app token from
    /// `client_credentials`).
    Token(Box<TokenRecord>),
}

impl Caller {
    pub fn app_id(&self) -> &str {
        match self {
            Caller::App(a) | Caller::Client(a) => a,
            Caller::Token(t) => &t.app_id,
        }
    }

    /// Calls made with an app's own credentials (they carry `X-App-Usage`).
    pub fn is_app_token(&self) -> bool {
        match self {
            Caller::App(_) => true,
            Caller::Token(t) => t.kind == TokenKind::App,
            Caller::Client(_) => false,
        }
    }
}

/// The outcome of checking `appsecret_proof`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Proof {
    NotSent,
    Valid,
    Invalid,
}

impl World {
    /// Resolves an access token string. Unknown strings get Meta's "Cannot parse access token".
    pub fn resolve_caller(&self, token: &str) -> Result<Caller, GraphError> {
        if let Some(rec) = self.tokens.get(token) {
            return Ok(Caller::Token(Box::new(rec.clone())));
        }
        let Some((app_id, secret)) = token.split_once('|') else {
            return Err(GraphError::cannot_parse());
        };
        let Some(app) = self.apps.get(app_id) else {
            return Err(GraphError::bad_app_token_signature());
        };
        if secret == app.secret {
            Ok(Caller::App(app.id.clone()))
        } else if secret == app.client_token {
            Ok(Caller::Client(app.id.clone()))
        } else {
            Err(GraphError::bad_app_token_signature())
        }
    }

    /// A token record that is valid right now, or the error a Graph call gets.
    pub fn valid_token(&self, token: Option<&str>) -> Result<TokenRecord, GraphError> {
        let token = token.ok_or_else(GraphError::token_required)?;
        match self.resolve_caller(token)? {
            Caller::Token(rec) => {
                self.validity(&rec, ids::now())
                    .map_err(|e| e.graph_error())?;
                Ok(*rec)
            }
            // App and client tokens have no user or Page behind them.
            Caller::App(_) | Caller::Client(_) => Err(GraphError::active_token_required()),
        }
    }

    /// Checks `appsecret_proof` (and `appsecret_time`) against the secret of the token's app.
    pub fn check_proof(
        &self,
        token: Option<&str>,
        proof: Option<&str>,
        time: Option<&str>,
    ) -> Proof {
        let Some(proof) = proof else {
            return Proof::NotSent;
        };
        let secret = token
            .and_then(|t| self.resolve_caller(t).ok())
            .and_then(|c| self.apps.get(c.app_id()).map(|a| a.secret.clone()));
        let (Some(token), Some(secret)) = (token, secret) else {
            return Proof::Invalid;
        };
        let message = match time {
            None => token.to_string(),
            Some(t) => match t.trim().parse::<i64>() {
                Ok(ts) if (ids::now() - ts).abs() <= PROOF_MAX_AGE_SECS => format!("{token}|{ts}"),
                _ => return Proof::Invalid,
            },
        };
        if proof_matches(&secret, &message, proof) {
            Proof::Valid
        } else {
            Proof::Invalid
        }
    }
}

/// hex(HMAC-SHA256(key = secret, msg = message)) == proof (hex case ignored).
pub(crate) fn proof_matches(secret: &str, message: &str, proof: &str) -> bool {
    let Ok(expected) = hex::decode(proof.trim()) else {
        return false;
    };
    // HMAC takes keys of any length, so this cannot fail; treat a failure as "no match" anyway.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return false;
    };
    mac.update(message.as_bytes());
    mac.verify_slice(&expected).is_ok()
}

/// What a well-behaved client sends: hex(HMAC-SHA256(secret, message)).
/// Whom a call counts against: the caller's app, user and Page (or the Page it reads).
pub(crate) fn charge_of(w: &World, r: &GraphRequest) -> Charge {
    let caller = r.token.as_deref().and_then(|t| w.resolve_caller(t).ok());
    let read_page = r
        .segments
        .first()
        .filter(|s| w.pages.contains_key(*s))
        .cloned();
    match caller {
        Some(Caller::Token(t)) => Charge {
            app: Some(t.app_id.clone()),
            user: t.user_id.clone(),
            page_token: t.page_id.is_some(),
            page: t.page_id.clone().or(read_page),
        },
        Some(other) => Charge {
            app: Some(other.app_id().to_string()),
            page: read_page,
            ..Default::default()
        },
        None => Charge::default(),
    }
}

#[cfg(test)]
pub(crate) fn make_proof(secret: &str, message: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(message.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::world::strings;

    #[test]
    fn proofs_classic_and_timed() {
        let mut w = World::default();
        w.add_app("1", "A", "secret", "client");
        w.add_user("u", "U");
        let t = w
            .mint_user("u", "1", true, strings(&["email"]), None)
            .unwrap();
        let good = make_proof("secret", &t);
        assert_eq!(w.check_proof(Some(&t), Some(&good), None), Proof::Valid);
        assert_eq!(
            w.check_proof(Some(&t), Some(&good.to_uppercase()), None),
            Proof::Valid
        );
        assert_eq!(w.check_proof(Some(&t), Some("abcd"), None), Proof::Invalid);
        assert_eq!(w.check_proof(Some(&t), None, None), Proof::NotSent);
        let now = ids::now();
        let timed = make_proof("secret", &format!("{t}|{now}"));
        let now_s = now.to_string();
        assert_eq!(
            w.check_proof(Some(&t), Some(&timed), Some(&now_s)),
            Proof::Valid
        );
        let old = (now - 600).to_string();
        let stale = make_proof("secret", &format!("{t}|{old}"));
        assert_eq!(
            w.check_proof(Some(&t), Some(&stale), Some(&old)),
            Proof::Invalid
        );
        assert_eq!(
            w.check_proof(Some("garbage"), Some(&good), None),
            Proof::Invalid
        );
    }

    #[test]
    fn app_and_client_tokens_resolve() {
        let mut w = World::default();
        w.add_app("1", "A", "secret", "client");
        assert!(matches!(w.resolve_caller("1|secret"), Ok(Caller::App(_))));
        assert!(matches!(
            w.resolve_caller("1|client"),
            Ok(Caller::Client(_))
        ));
        assert!(w.resolve_caller("1|nope").is_err());
        assert_eq!(w.resolve_caller("EAAnope").unwrap_err().code, 190);
    }
}
