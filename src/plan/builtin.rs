//! The built-in plan of Hưng Yên 2024, read from the TOML files in
//! `assets/plans/hung-yen-2024/` that are compiled into the binary.

use serde::Deserialize;

use super::{IndicatorDef, PlanData, TaskDef};
use crate::error::{Error, Result};

const PLAN_TOML: &str = include_str!("../../assets/plans/hung-yen-2024/plan.toml");
const TASKS_TOML: &str = include_str!("../../assets/plans/hung-yen-2024/tasks.toml");
const INDICATORS_TOML: &str = include_str!("../../assets/plans/hung-yen-2024/indicators.toml");

#[derive(Deserialize)]
struct IndicatorFile {
    #[serde(default)]
    indicators: Vec<IndicatorDef>,
}

#[derive(Deserialize)]
struct TaskFile {
    #[serde(default)]
    tasks: Vec<TaskDef>,
}

/// The plan the app starts with, checked by [`PlanData::validate`].
///
/// # Errors
/// Only if the embedded data files are malformed, which a unit test rules out.
pub fn built_in() -> Result<PlanData> {
    let mut plan: PlanData = toml::from_str(PLAN_TOML)
        .map_err(|e| Error::Invalid(format!("Dữ liệu kế hoạch có sẵn bị hỏng (plan.toml): {e}")))?;
    let tasks: TaskFile = toml::from_str(TASKS_TOML).map_err(|e| {
        Error::Invalid(format!("Dữ liệu kế hoạch có sẵn bị hỏng (tasks.toml): {e}"))
    })?;
    plan.tasks = tasks.tasks;
    let indicators: IndicatorFile = toml::from_str(INDICATORS_TOML).map_err(|e| {
        Error::Invalid(format!(
            "Dữ liệu kế hoạch có sẵn bị hỏng (indicators.toml): {e}"
        ))
    })?;
    plan.indicators = indicators.indicators;
    plan.normalize();
    plan.validate()?;
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_plan_loads_and_validates() {
        let plan = built_in().expect("the embedded plan files must parse and validate");
        assert_eq!(plan.meta.year, 2024);
        assert_eq!(plan.fields.len(), 8, "the PAR Index has eight fields");
    }
}
