//! `kotacerdas`: the command line of the kotacerdas SDK, for data teams and vendors.
//!
//! Exit status: 0 on success (also when some inputs are invalid, unless `--fail-on-invalid`);
//! 1 when `--fail-on-invalid` saw an invalid input, or a looked-up code does not exist;
//! 2 for usage errors; 3 for I/O errors (unreadable file, closed output).

use std::io;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kotacerdas_cli::conformance;

mod calendar;
mod check;
mod complaint;
mod ids;
mod output;
mod region;
mod tax;

/// Indonesian local government rules: identifiers, regions, taxes, complaints.
#[derive(Debug, Parser)]
#[command(name = "kotacerdas", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// NIK (citizen number).
    #[command(subcommand)]
    Nik(NikCommand),
    /// KK (family card number).
    #[command(subcommand)]
    Kk(KkCommand),
    /// NPWP (tax number: 15, 16 or 22 digits).
    #[command(subcommand)]
    Npwp(NpwpCommand),
    /// NOP PBB-P2 (land and building tax object number).
    #[command(subcommand)]
    Nop(NopCommand),
    /// NIB (business number).
    #[command(subcommand)]
    Nib(NibCommand),
    /// Indonesian mobile phone numbers.
    #[command(subcommand)]
    Phone(PhoneCommand),
    /// Kemendagri region codes.
    #[command(subcommand)]
    Region(RegionCommand),
    /// Citizen complaints: categories and draft validation.
    #[command(subcommand)]
    Complaint(ComplaintCommand),
    /// The working-day calendar (WIB, national holidays and cuti bersama).
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// Local taxes: `tax <kind> --json INPUT`, or `tax rules` for the rule set in force.
    Tax(tax::TaxArgs),
    /// The language-neutral conformance suite.
    #[command(subcommand)]
    Conformance(ConformanceCommand),
}

#[derive(Debug, Subcommand)]
enum ComplaintCommand {
    /// List the categories, or suggest some for a text with --search.
    Categories(complaint::Categories),
    /// Validate a report draft (JSON) and list every problem.
    Validate(complaint::Validate),
}

#[derive(Debug, Subcommand)]
enum CalendarCommand {
    /// The date N working days after DATE (the starting day never counts).
    AddWorkingDays(calendar::AddWorkingDays),
}

#[derive(Debug, Subcommand)]
enum ConformanceCommand {
    /// Run the vectors against the built-in core, a stdio adapter or an HTTP endpoint.
    Run(conformance::ConformanceRun),
}

#[derive(Debug, Subcommand)]
enum NikCommand {
    /// Check NIKs given as arguments, in a file, or one per line on stdin.
    Check(ids::NikCheck),
}

#[derive(Debug, Subcommand)]
enum KkCommand {
    /// Check KK numbers.
    Check(ids::KkCheck),
}

#[derive(Debug, Subcommand)]
enum NpwpCommand {
    /// Check NPWPs.
    Check(ids::NpwpCheck),
}

#[derive(Debug, Subcommand)]
enum NopCommand {
    /// Check NOPs.
    Check(ids::NopCheck),
}

#[derive(Debug, Subcommand)]
enum NibCommand {
    /// Check NIBs.
    Check(ids::NibCheck),
}

#[derive(Debug, Subcommand)]
enum PhoneCommand {
    /// Normalise phone numbers to E.164.
    Normalize(ids::PhoneNormalize),
}

#[derive(Debug, Subcommand)]
enum RegionCommand {
    /// Look up codes at any level.
    Get(region::RegionGet),
    /// Search regions by name.
    Search(region::RegionSearch),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result: io::Result<ExitCode> = match &cli.command {
        Command::Nik(NikCommand::Check(args)) => ids::nik_check(args),
        Command::Kk(KkCommand::Check(args)) => ids::kk_check(args),
        Command::Npwp(NpwpCommand::Check(args)) => ids::npwp_check(args),
        Command::Nop(NopCommand::Check(args)) => ids::nop_check(args),
        Command::Nib(NibCommand::Check(args)) => ids::nib_check(args),
        Command::Phone(PhoneCommand::Normalize(args)) => ids::phone_normalize(args),
        Command::Region(RegionCommand::Get(args)) => region::get(args),
        Command::Region(RegionCommand::Search(args)) => region::search(args),
        Command::Complaint(ComplaintCommand::Categories(args)) => complaint::categories(args),
        Command::Complaint(ComplaintCommand::Validate(args)) => complaint::validate(args),
        Command::Calendar(CalendarCommand::AddWorkingDays(args)) => {
            calendar::add_working_days(args)
        }
        Command::Tax(args) => tax::run(args),
        Command::Conformance(ConformanceCommand::Run(args)) => conformance::run(args),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`kotacerdas ... | head`) is not an error for the user.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kotacerdas: {error}");
            ExitCode::from(3)
        }
    }
}
