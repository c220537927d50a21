//! Writes the TypeScript types of everything that crosses IPC to `ui/src/bindings/`.
//! `scripts/test.sh` runs this test and fails when the committed files differ.

use std::path::PathBuf;

use ts_rs::TS;

#[test]
fn typescript_bindings_are_written_for_every_ipc_type() {
    let out = std::env::var_os("CCHC_BINDINGS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings"));
    let results = [
        cchc::error::ErrorPayload::export_all_to(&out),
        crate::commands::plan::AppInfo::export_all_to(&out),
        cchc::store::AgencyRow::export_all_to(&out),
        cchc::store::TaskRow::export_all_to(&out),
        cchc::store::StatusReport::export_all_to(&out),
        cchc::store::ProgressRow::export_all_to(&out),
        cchc::store::EvidenceRow::export_all_to(&out),
        cchc::store::Dashboard::export_all_to(&out),
        cchc::plan_workbook::ImportOutcome::export_all_to(&out),
        cchc::plan_workbook::ImportPreview::export_all_to(&out),
        cchc::store::PlanSummary::export_all_to(&out),
        cchc::plan::PlanData::export_all_to(&out),
        cchc::plan::PlanChanges::export_all_to(&out),
        cchc::plan::ResolvedDeadline::export_all_to(&out),
        cchc::store::CarryOver::export_all_to(&out),
        cchc::plan::Criterion::export_all_to(&out),
        cchc::docref::DocRef::export_all_to(&out),
        cchc::forms::ProgressForm::export_all_to(&out),
        cchc::forms::EvidenceForm::export_all_to(&out),
        cchc::report::ExportPreview::export_all_to(&out),
        crate::commands::safety::StartReport::export_all_to(&out),
        crate::commands::safety::CheckReport::export_all_to(&out),
        crate::pending::PendingWork::export_all_to(&out),
        cchc::backup::BackupInfo::export_all_to(&out),
        cchc::backup::RestoreInfo::export_all_to(&out),
        crate::commands::collect::CollectProgress::export_all_to(&out),
        crate::commands::collect::CollectedMonth::export_all_to(&out),
        cchc::store::ObligationRow::export_all_to(&out),
        crate::commands::obligation::OpenObligationList::export_all_to(&out),
        cchc::store::HolidayNotice::export_all_to(&out),
        cchc::obligation_form::EventFields::export_all_to(&out),
        cchc::obligation_form::ObligationForm::export_all_to(&out),
        cchc::obligation_form::SettleForm::export_all_to(&out),
        cchc::store::CollectedTask::export_all_to(&out),
        cchc::report::indicator_sheet::MeasuredLine::export_all_to(&out),
        cchc::store::IndicatorForm::export_all_to(&out),
        cchc::score::CriterionScore::export_all_to(&out),
    ];
    for result in results {
        assert!(result.is_ok(), "exporting to {}: {result:?}", out.display());
    }
    assert!(
        out.join("ErrorPayload.ts").is_file() && out.join("TaskStatus.ts").is_file(),
        "the error type and the dependencies of the exported types are written too"
    );
}

#[test]
fn the_ui_words_of_each_status_code_are_the_core_labels() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/status.ts");
    let text = std::fs::read_to_string(&path).expect("ui/src/lib/status.ts");
    for status in cchc::status::Status::ALL {
        let code = serde_json::to_value(status).expect("a code");
        let code = code.as_str().expect("a string code");
        let line = format!("{code}: \"{}\",", status.label());
        assert!(
            text.contains(&line),
            "status.ts words {code} as the core does: {line}"
        );
    }
}
