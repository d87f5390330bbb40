//! `ruxue`: the command line over `ruxue-core`, for bureau editors and scripts.
//!
//! It reads `data/` through the same code the portal's build uses, so a `ruxue check` that
//! passes means the build will accept the data too.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};
use serde_json::json;

/// Ruxue (入学): check and query the portal's data.
#[derive(Parser)]
#[command(name = "ruxue", version, about, long_about = None)]
struct Cli {
    /// The data folder (editors' source of truth).
    #[arg(long, global = true, default_value = "data")]
    data: PathBuf,
    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate every data file; print `file:line: message` for each problem and exit 1 if any.
    Check,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("ruxue: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check => check(cli),
    }
}

fn check(cli: &Cli) -> Result<ExitCode> {
    let result = ruxue_core::load_corpus(&cli.data);
    if cli.json {
        let report = match &result {
            Ok(corpus) => {
                json!({ "ok": true, "documents": corpus.documents.len(), "problems": [] })
            }
            Err(problems) => json!({
                "ok": false,
                "problems": problems.iter().map(|p| json!({
                    "file": p.file.display().to_string(),
                    "line": p.line,
                    "message": p.message,
                })).collect::<Vec<_>>(),
            }),
        };
        println!("{}", serde_json::to_string_pretty(&report)?);
    }
    match result {
        Ok(corpus) => {
            if !cli.json {
                println!(
                    "ok: {} documents in {} are valid",
                    corpus.documents.len(),
                    cli.data.display()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!(
                "error: {} problem(s) found; fix them and run `ruxue check` again",
                problems.len()
            );
            Ok(ExitCode::FAILURE)
        }
    }
}
