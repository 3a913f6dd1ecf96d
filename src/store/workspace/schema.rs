//! The workspace's tables, created and upgraded by numbered migrations recorded in
//! `schema_version`. Each migration runs in one transaction with the version it brings, so a
//! database is at one version or the next, never between.

use postgres::Client;

use super::WorkspaceError;
use super::conn::db;

/// Migration N is `MIGRATIONS[N - 1]`. Never edit one that shipped: add the next.
const MIGRATIONS: &[&str] = &[MIGRATION_1];

/// The facts of the catalog as rows (the nested model as JSON), each change stamped with a row
/// version and who made it; secrets only as age ciphertext sealed to the listed recipients.
const MIGRATION_1: &str = "
CREATE TABLE workspace (
    id text PRIMARY KEY,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_check_at timestamptz
);
CREATE TABLE members (
    name text PRIMARY KEY,
    public_key text NOT NULL UNIQUE,
    role text NOT NULL CHECK (role IN ('renewer', 'viewer')),
    added_by text NOT NULL,
    added_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE apps (
    id text PRIMARY KEY,
    name text NOT NULL,
    data jsonb NOT NULL,
    row_version bigint NOT NULL DEFAULT 1,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE channels (
    id text PRIMARY KEY,
    name text NOT NULL UNIQUE,
    kind text NOT NULL,
    app_id text,
    page_id text,
    token_fingerprint text NOT NULL,
    data jsonb NOT NULL,
    row_version bigint NOT NULL DEFAULT 1,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sealed_secrets (
    ref text PRIMARY KEY,
    ciphertext bytea NOT NULL,
    fingerprint text NOT NULL,
    sealed_for text[] NOT NULL,
    sealed_by text NOT NULL,
    sealed_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE history (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL,
    member text NOT NULL,
    channel_id text NOT NULL,
    channel_name text NOT NULL,
    entry jsonb NOT NULL
);
CREATE INDEX history_by_channel ON history (channel_id, id);
";

/// The version this Tokenwarden reads and writes.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// Refuses a database a newer Tokenwarden migrated: its rows may not mean what we read.
pub fn check(client: &mut impl postgres::GenericClient) -> Result<(), WorkspaceError> {
    let found: i32 = client
        .query_one("SELECT coalesce(max(version), 0) FROM schema_version", &[])
        .map_err(db)?
        .get(0);
    if found > SCHEMA_VERSION {
        return Err(WorkspaceError::NewerSchema {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Brings the database to `SCHEMA_VERSION`; refuses one made by a newer Tokenwarden. Two
/// processes migrating at once wait for each other on the table lock.
pub fn migrate(client: &mut Client) -> Result<i32, WorkspaceError> {
    let mut tx = client.transaction().map_err(db)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version integer PRIMARY KEY,
             applied_at timestamptz NOT NULL DEFAULT now()
         );
         LOCK TABLE schema_version IN EXCLUSIVE MODE;",
    )
    .map_err(db)?;
    let current: i32 = tx
        .query_one("SELECT coalesce(max(version), 0) FROM schema_version", &[])
        .map_err(db)?
        .get(0);
    if current > SCHEMA_VERSION {
        return Err(WorkspaceError::NewerSchema {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.batch_execute(sql).map_err(db)?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[&(i as i32 + 1)],
        )
        .map_err(db)?;
    }
    tx.commit().map_err(db)?;
    Ok(SCHEMA_VERSION)
}
