//! `kotacerdas-server`: serve (default) or create an officer token.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kotacerdas_server::auth::{Role, create_token, token_count};
use kotacerdas_server::db::Db;
use kotacerdas_server::{AppState, Config};

#[derive(Parser)]
#[command(
    name = "kotacerdas-server",
    about = "Reference API server for kotacerdas complaints"
)]
struct Cli {
    /// Database: `sqlite://FILE?mode=rwc` (default `sqlite://kotacerdas.db?mode=rwc`) or
    /// `postgres://...`. Also read from DATABASE_URL.
    #[arg(long, env = "DATABASE_URL", global = true)]
    database: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
    /// Address to listen on (port 0 picks a free port; the address is printed).
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: String,
    /// Citizen write requests per minute per client address (0 = no limit).
    #[arg(long, env = "KOTACERDAS_RATE_LIMIT", default_value_t = 120)]
    rate_limit_per_minute: u32,
    /// Also serve the web demo's static files from this folder at `/` (`cargo xtask demo`
    /// assembles it in target/demo).
    #[arg(long)]
    demo_dir: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Officer tokens.
    Token {
        #[command(subcommand)]
        action: TokenAction,
    },
}

#[derive(Subcommand)]
enum TokenAction {
    /// Create a token; the secret is printed once and stored only as a hash.
    Create {
        /// verifier, opd_officer or admin.
        #[arg(long)]
        role: String,
        /// OPD code (opd_officer only), e.g. DPUPR.
        #[arg(long)]
        opd: Option<String>,
        /// Who holds it (for the audit trail).
        #[arg(long, default_value = "")]
        label: String,
    },
}

fn database_url(cli: &Cli) -> String {
    cli.database
        .clone()
        .unwrap_or_else(|| "sqlite://kotacerdas.db?mode=rwc".to_owned())
}

/// The NIK pseudonym key: KOTACERDAS_NIK_KEY (at least 16 bytes), else, for SQLite only, a
/// random key in a file next to the database (created on first start, mode 0600).
fn nik_key(url: &str) -> Result<Vec<u8>, String> {
    if let Ok(key) = std::env::var("KOTACERDAS_NIK_KEY") {
        if key.len() < 16 {
            return Err("KOTACERDAS_NIK_KEY must be at least 16 bytes".into());
        }
        return Ok(key.into_bytes());
    }
    let Some(rest) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    else {
        return Err(
            "set KOTACERDAS_NIK_KEY (the same on every instance) when using PostgreSQL".into(),
        );
    };
    let file = rest.split('?').next().unwrap_or(rest);
    let path = PathBuf::from(format!("{file}.nik-key"));
    if let Ok(existing) = std::fs::read(&path) {
        return Ok(existing);
    }
    let mut key = vec![0u8; 32];
    getrandom::getrandom(&mut key).map_err(|e| format!("no randomness: {e}"))?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut handle = options
        .open(&path)
        .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    handle
        .write_all(&key)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(key)
}

async fn run(cli: Cli) -> Result<(), String> {
    let url = database_url(&cli);
    if let Some(Command::Token {
        action: TokenAction::Create { role, opd, label },
    }) = &cli.command
    {
        let role = Role::parse(role).ok_or("--role must be verifier, opd_officer or admin")?;
        let db = Db::open(&url, 2)
            .await
            .map_err(|e| format!("database: {e}"))?;
        let secret = create_token(&db, role, opd.as_deref(), label)
            .await
            .map_err(|e| e.to_string())?;
        println!("{secret}");
        return Ok(());
    }
    let sqlite = !url.starts_with("postgres");
    let config = Config {
        nik_key: nik_key(&url)?,
        database_url: url.clone(),
        rate_limit_per_minute: cli.rate_limit_per_minute,
        // SQLite has one writer at a time: a few connections are enough and avoid lock waits.
        max_connections: if sqlite { 8 } else { 16 },
    };
    let state = AppState::new(config)
        .await
        .map_err(|e| format!("database: {e}"))?;
    let listener = tokio::net::TcpListener::bind(&cli.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", cli.listen))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let backend = if sqlite { "SQLite" } else { "PostgreSQL" };
    println!("kotacerdas-server listening on http://{address} ({backend})");
    if token_count(&state.db)
        .await
        .map_err(|e| format!("database: {e}"))?
        == 0
    {
        let secret = create_token(&state.db, Role::Admin, None, "seeded on first start")
            .await
            .map_err(|e| e.to_string())?;
        println!("seeded officer token (role admin, shown once): {secret}");
    } else {
        // Always a second line: scripts and tests read two lines.
        println!("officer tokens exist (stored hashed); none is shown");
    }
    println!(
        "create tokens with: kotacerdas-server token create --role verifier|opd_officer|admin [--opd CODE]"
    );
    let _ = std::io::stdout().flush();
    if let Some(dir) = &cli.demo_dir {
        if !dir.join("index.html").is_file() {
            return Err(format!("--demo-dir {}: no index.html there", dir.display()));
        }
        println!("web demo: http://{address}/ (officer page: http://{address}/officer.html)");
    }
    kotacerdas_server::serve_with_demo(state, listener, cli.demo_dir.clone())
        .await
        .map_err(|e| format!("server: {e}"))
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("kotacerdas-server: {message}");
            ExitCode::FAILURE
        }
    }
}
