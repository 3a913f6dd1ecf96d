//! `app add`: saves a Meta app; its secret goes to the secret store, never to the catalog.

use std::path::PathBuf;

use super::{fail, input, open_service};

pub async fn add(
    profile: Option<PathBuf>,
    id: String,
    name: String,
    secret_stdin: bool,
    client_token: Option<String>,
    as_json: bool,
) -> i32 {
    let run = async {
        let secret = if secret_stdin {
            let text = input::read_secret_text(&crate::words::t("input-paste-app-secret"))?;
            let trimmed = text.expose().trim();
            if trimmed.is_empty() || trimmed.chars().any(char::is_whitespace) {
                return Err(crate::service::ServiceError::said(crate::words::t(
                    "input-app-secret-bad",
                )));
            }
            Some(crate::model::Secret::new(trimmed))
        } else {
            None
        };
        let service = open_service(profile)?;
        service.add_app(&id, &name, secret, client_token).await
    };
    match run.await {
        Ok(app) if as_json => {
            super::json::print(&super::json::AppJson::of(&app));
            0
        }
        Ok(app) => {
            let id = if app.has_secret {
                "cli-saved-app-secret"
            } else {
                "cli-saved-app"
            };
            println!(
                "{}",
                crate::words::t_args(
                    id,
                    &[
                        ("name", format!("{:?}", app.name).into()),
                        ("id", app.id.as_str().into()),
                    ],
                )
            );
            0
        }
        Err(e) => fail(&e),
    }
}
