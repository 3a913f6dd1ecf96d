//! The Graph error object (`{"error":{…}}`, reference §2) and the Meta wording of common errors.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

use super::ids::random_trace_id;

/// One Graph API error, turned into Meta's JSON shape by [`GraphError::body`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GraphError {
    pub status: StatusCode,
    pub code: i64,
    pub subcode: Option<i64>,
    pub message: String,
    pub user_title: Option<String>,
    pub user_msg: Option<String>,
}

impl GraphError {
    /// HTTP 400 is what Meta sends for almost every OAuthException.
    pub fn new(code: i64, message: impl Into<String>) -> Self {
        GraphError {
            status: StatusCode::BAD_REQUEST,
            code,
            subcode: None,
            message: message.into(),
            user_title: None,
            user_msg: None,
        }
    }

    pub fn with_subcode(mut self, subcode: i64) -> Self {
        self.subcode = Some(subcode);
        self
    }

    pub fn with_user(mut self, title: &str, msg: &str) -> Self {
        self.user_title = Some(title.to_string());
        self.user_msg = Some(msg.to_string());
        self
    }

    /// `{"error":{"message","type","code","error_subcode"?,"error_user_title"?,"error_user_msg"?,"fbtrace_id"}}`
    pub fn body(&self) -> Value {
        let mut e = Map::new();
        e.insert("message".into(), json!(self.message));
        e.insert("type".into(), json!("OAuthException"));
        e.insert("code".into(), json!(self.code));
        if let Some(sub) = self.subcode {
            e.insert("error_subcode".into(), json!(sub));
        }
        if let Some(t) = &self.user_title {
            e.insert("error_user_title".into(), json!(t));
        }
        if let Some(m) = &self.user_msg {
            e.insert("error_user_msg".into(), json!(m));
        }
        e.insert("fbtrace_id".into(), json!(random_trace_id()));
        json!({ "error": Value::Object(e) })
    }

    /// Meta adds a `WWW-Authenticate` header to token errors; clients may look at it.
    pub fn is_token_error(&self) -> bool {
        self.code == 190 || self.code == 102
    }

    // ---- the wording Meta uses ----

    pub fn cannot_parse() -> Self {
        GraphError::new(
            190,
            "Invalid OAuth access token - Cannot parse access token",
        )
    }

    pub fn bad_app_token_signature() -> Self {
        GraphError::new(190, "Invalid OAuth access token signature.")
    }

    pub fn token_required() -> Self {
        GraphError::new(104, "An access token is required to request this resource.")
    }

    pub fn active_token_required() -> Self {
        GraphError::new(
            2500,
            "An active access token must be used to query information about the current user.",
        )
    }

    pub fn debug_token_caller() -> Self {
        GraphError::new(
            100,
            "(#100) You must provide an app access token, or a user access token that is an owner or developer of the app",
        )
    }

    pub fn app_mismatch() -> Self {
        GraphError::new(
            100,
            "(#100) The App_id in the input_token did not match the Viewing App",
        )
    }

    pub fn missing_param(name: &str) -> Self {
        GraphError::new(100, format!("(#100) The parameter {name} is required"))
    }

    pub fn bad_proof() -> Self {
        GraphError::new(100, "Invalid appsecret_proof provided in the API argument")
    }

    pub fn no_such_field(field: &str, node: &str) -> Self {
        GraphError::new(
            100,
            format!("(#100) Tried accessing nonexisting field ({field}) on node type ({node})"),
        )
    }

    pub fn unsupported(method: &str, id: &str) -> Self {
        GraphError::new(
            100,
            format!(
                "Unsupported {} request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
                method.to_ascii_lowercase()
            ),
        )
        .with_subcode(33)
    }

    pub fn unknown_path(path: &str) -> Self {
        GraphError::new(2500, format!("Unknown path components: {path}"))
    }

    pub fn invalid_app_id(app_id: &str) -> Self {
        GraphError::new(
            101,
            format!("Error validating application. Invalid application ID {app_id}."),
        )
    }

    pub fn bad_client_secret() -> Self {
        GraphError::new(1, "Error validating client secret.")
    }

    pub fn page_token_required() -> Self {
        GraphError::new(
            210,
            "(#210) A page access token is required to request this resource.",
        )
    }

    pub fn requires_permission(scope: &str) -> Self {
        GraphError::new(
            200,
            format!("(#200) Requires {scope} permission to manage the object"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_has_the_meta_shape() {
        let e = GraphError::new(190, "x")
            .with_subcode(460)
            .with_user("T", "M")
            .body();
        let err = &e["error"];
        assert_eq!(err["type"], "OAuthException");
        assert_eq!(err["code"], 190);
        assert_eq!(err["error_subcode"], 460);
        assert_eq!(err["error_user_title"], "T");
        assert!(err["fbtrace_id"].as_str().is_some_and(|s| s.len() == 11));
        let plain = GraphError::new(1, "y").body();
        assert!(plain["error"].get("error_subcode").is_none());
    }
}
