//! State changes a test (or the `/__sim/event` control API) makes to the world while the
//! simulator runs: password changes, checkpoints, lost Page roles, revocations, webhook fields.

use super::world::{World, strings};

impl World {
    pub fn change_password(&mut self, user_id: &str) -> Result<(), String> {
        let seq = self.next_seq();
        self.user_mut(user_id)?.password_changed_seq = Some(seq);
        Ok(())
    }

    pub fn invalidate_session(&mut self, user_id: &str) -> Result<(), String> {
        let seq = self.next_seq();
        self.user_mut(user_id)?.session_invalidated_seq = Some(seq);
        Ok(())
    }

    pub fn checkpoint_user(&mut self, user_id: &str) -> Result<(), String> {
        self.user_mut(user_id)?.checkpointed = true;
        Ok(())
    }

    pub fn set_unconfirmed(&mut self, user_id: &str) -> Result<(), String> {
        self.user_mut(user_id)?.unconfirmed = true;
        Ok(())
    }

    pub fn remove_app(&mut self, user_id: &str, app_id: &str) -> Result<(), String> {
        self.app(app_id)?;
        let seq = self.next_seq();
        self.user_mut(user_id)?
            .app_removed_seq
            .insert(app_id.into(), seq);
        Ok(())
    }

    pub fn grant_page_role(
        &mut self,
        user_id: &str,
        page_id: &str,
        tasks: &[&str],
    ) -> Result<(), String> {
        self.user(user_id)?;
        self.page_mut(page_id)?
            .roles
            .insert(user_id.into(), strings(tasks));
        Ok(())
    }

    pub fn remove_page_role(&mut self, user_id: &str, page_id: &str) -> Result<(), String> {
        self.page_mut(page_id)?.roles.remove(user_id);
        Ok(())
    }

    pub fn revoke(&mut self, token: &str) -> Result<(), String> {
        self.token_mut(token)?.revoked = true;
        Ok(())
    }

    pub fn set_expires_at(&mut self, token: &str, at: Option<i64>) -> Result<(), String> {
        self.token_mut(token)?.expires_at = at;
        Ok(())
    }

    pub fn remove_scope(&mut self, token: &str, scope: &str) -> Result<(), String> {
        let rec = self.token_mut(token)?;
        rec.scopes.retain(|s| s != scope);
        rec.granular.retain(|g| g.scope != scope);
        if !rec.declined.iter().any(|s| s == scope) {
            rec.declined.push(scope.into());
        }
        Ok(())
    }

    /// Empty `fields` = the app is not subscribed at all.
    pub fn set_subscribed_fields(
        &mut self,
        page_id: &str,
        app_id: &str,
        fields: Vec<String>,
    ) -> Result<(), String> {
        let page = self.page_mut(page_id)?;
        if fields.is_empty() {
            page.subscriptions.remove(app_id);
        } else {
            page.subscriptions.insert(app_id.into(), fields);
        }
        Ok(())
    }
}
