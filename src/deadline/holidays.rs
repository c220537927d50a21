//! The official days off (nghỉ lễ, Tết, nghỉ bù, nghỉ hoán đổi) and Saturdays
//! worked in exchange, and working-day arithmetic over them.
//!
//! The Government announces the days off year by year, so they are data
//! (`assets/holidays.toml`), not rules: Tết follows the lunar calendar and the
//! swaps are decided case by case.

use std::collections::BTreeMap;
use std::ops::{Bound, RangeInclusive};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

use super::DeadlineError;
use crate::text::date_text;

/// The built-in table, embedded so the app needs no file at run time.
const BUILT_IN: &str = include_str!("../../assets/holidays.toml");

/// Days off and working Saturdays for a run of consecutive years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holidays {
    days_off: BTreeMap<NaiveDate, String>,
    working_saturdays: BTreeMap<NaiveDate, String>,
    years: RangeInclusive<i32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    years: Vec<YearFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearFile {
    year: i32,
    days_off: Vec<Entry>,
    #[serde(default)]
    working_saturdays: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    date: toml::value::Datetime,
    name: String,
}

impl Holidays {
    /// The built-in table (assets/holidays.toml, embedded with include_str!).
    ///
    /// Parses the table on each call: call it once and keep the result.
    ///
    /// # Errors
    /// Only if the embedded table is broken, which a unit test rules out.
    pub fn built_in() -> Result<Holidays, DeadlineError> {
        Self::from_toml(BUILT_IN)
    }

    /// Reads a table in the format of `assets/holidays.toml`: one `[[years]]`
    /// entry per year, each with `days_off` and `working_saturdays` lists of
    /// `{ date = 2024-02-08, name = "Tết Nguyên đán" }`.
    ///
    /// # Errors
    /// [`DeadlineError::HolidayFile`] when the text is not TOML of that shape;
    /// [`DeadlineError::HolidayTable`] when the years are not consecutive, a date
    /// is listed twice or under the wrong year, or a working Saturday is not a
    /// Saturday.
    pub fn from_toml(text: &str) -> Result<Holidays, DeadlineError> {
        let table: TableFile = toml::from_str(text).map_err(DeadlineError::HolidayFile)?;
        let mut numbers: Vec<i32> = table.years.iter().map(|year| year.year).collect();
        numbers.sort_unstable();
        let (Some(&first), Some(&last)) = (numbers.first(), numbers.last()) else {
            return Err(fault("bảng chưa có năm nào".to_string()));
        };
        if numbers.windows(2).any(|pair| pair[1] != pair[0] + 1) {
            let listed: Vec<String> = numbers.iter().map(i32::to_string).collect();
            return Err(fault(format!(
                "các năm phải liền nhau và mỗi năm ghi một lần, bảng đang ghi {}",
                listed.join(", ")
            )));
        }
        let mut days_off = BTreeMap::new();
        let mut working_saturdays = BTreeMap::new();
        for year in table.years {
            for entry in year.days_off {
                let (date, name) = checked_entry(year.year, entry)?;
                if days_off.insert(date, name).is_some() {
                    return Err(fault(format!("ngày {} được ghi hai lần", date_text(date))));
                }
            }
            for entry in year.working_saturdays {
                let (date, name) = checked_entry(year.year, entry)?;
                if date.weekday() != Weekday::Sat {
                    return Err(fault(format!(
                        "ngày làm bù {} không phải thứ Bảy",
                        date_text(date)
                    )));
                }
                if days_off.contains_key(&date) || working_saturdays.insert(date, name).is_some() {
                    return Err(fault(format!("ngày {} được ghi hai lần", date_text(date))));
                }
            }
        }
        Ok(Holidays {
            days_off,
            working_saturdays,
            years: first..=last,
        })
    }

    /// True unless the day is a Saturday or Sunday that is not worked in
    /// exchange, or an official day off. Outside [`Holidays::years`] only
    /// weekends are known.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if self.working_saturdays.contains_key(&d) {
            return true;
        }
        if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            return false;
        }
        !self.days_off.contains_key(&d)
    }

    /// Name of the holiday on that date, if any ("Tết Nguyên đán").
    pub fn holiday_name(&self, d: NaiveDate) -> Option<&str> {
        self.days_off.get(&d).map(String::as_str)
    }

    /// Working days after `from` up to and including `to` (0 when `to` is not
    /// after `from`): the weekdays in between, less the weekdays off, plus the
    /// Saturdays worked, without walking the span day by day (an obligation
    /// open for two years is counted as fast as one of a week).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        if to <= from {
            return 0;
        }
        let is_weekend = |d: NaiveDate| matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        let span = (to - from).num_days();
        // Any seven days in a row hold five weekdays.
        let mut weekdays = span / 7 * 5;
        let mut day = from + chrono::Duration::days(span / 7 * 7);
        while day < to {
            let Some(next) = day.succ_opt() else { break };
            day = next;
            weekdays += i64::from(!is_weekend(day));
        }
        let within = (Bound::Excluded(from), Bound::Included(to));
        let off = self
            .days_off
            .range(within)
            .filter(|(d, _)| !is_weekend(**d))
            .count();
        let worked = self.working_saturdays.range(within).count();
        u32::try_from(weekdays - off as i64 + worked as i64).unwrap_or(0)
    }

    /// Why a Saturday is worked ("Làm bù ngày nghỉ hoán đổi 29/4/2024"), if it is.
    pub fn working_saturday_name(&self, d: NaiveDate) -> Option<&str> {
        self.working_saturdays.get(&d).map(String::as_str)
    }

    /// Adds the days of a notice the office entered (days off, Saturdays
    /// worked in exchange) on top of the table; the years covered grow to
    /// include them. A day the table already gives off stays off under the
    /// notice's name.
    ///
    /// # Errors
    /// [`DeadlineError::HolidayTable`] when a worked day is not a Saturday or is
    /// already a day off, or a day off is already a worked Saturday.
    pub fn add_notice(&mut self, days: &[super::NoticeDay]) -> Result<(), DeadlineError> {
        for day in days {
            match day.kind {
                super::NoticeDayKind::Off => {
                    if self.working_saturdays.contains_key(&day.date) {
                        return Err(fault(format!(
                            "ngày {} đã là ngày làm bù, không thể là ngày nghỉ",
                            date_text(day.date)
                        )));
                    }
                    self.days_off.insert(day.date, day.name.clone());
                }
                super::NoticeDayKind::Worked => {
                    if day.date.weekday() != Weekday::Sat {
                        return Err(fault(format!(
                            "ngày làm bù {} không phải thứ Bảy",
                            date_text(day.date)
                        )));
                    }
                    if self.days_off.contains_key(&day.date) {
                        return Err(fault(format!(
                            "ngày {} đã là ngày nghỉ, không thể là ngày làm bù",
                            date_text(day.date)
                        )));
                    }
                    self.working_saturdays.insert(day.date, day.name.clone());
                }
            }
            let year = day.date.year();
            let (first, last) = (*self.years.start(), *self.years.end());
            self.years = first.min(year)..=last.max(year);
        }
        Ok(())
    }

    /// Years covered (2023..=2026).
    pub fn years(&self) -> RangeInclusive<i32> {
        self.years.clone()
    }
}

/// The date N working days after `start` (start itself not counted), skipping
/// weekends and holidays.
///
/// Zero days gives `start` itself. Saturdays worked in exchange count as working
/// days. Past the years the table covers, only weekends are skipped.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use cchc::deadline::{add_working_days, Holidays};
/// let holidays = Holidays::built_in().expect("the built-in table reads");
/// let decision = NaiveDate::from_ymd_opt(2024, 2, 7).expect("a date");
/// // Tết runs 08–14/02/2024, then a weekend: the fifth working day is 21/02.
/// assert_eq!(
///     add_working_days(decision, 5, &holidays),
///     NaiveDate::from_ymd_opt(2024, 2, 21).expect("a date"),
/// );
/// ```
pub fn add_working_days(start: NaiveDate, days: u32, holidays: &Holidays) -> NaiveDate {
    let mut date = start;
    let mut counted = 0;
    while counted < days {
        match date.succ_opt() {
            Some(next) => date = next,
            // The end of chrono's calendar, hundreds of millennia away.
            None => return date,
        }
        if holidays.is_working_day(date) {
            counted += 1;
        }
    }
    date
}

fn checked_entry(year: i32, entry: Entry) -> Result<(NaiveDate, String), DeadlineError> {
    let date = match (entry.date.date, entry.date.time, entry.date.offset) {
        (Some(date), None, None) => {
            NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())
        }
        _ => None,
    };
    let Some(date) = date else {
        return Err(fault(format!(
            "\"{}\" phải là một ngày dạng năm-tháng-ngày, không kèm giờ",
            entry.date
        )));
    };
    if date.year() != year {
        return Err(fault(format!(
            "ngày {} được ghi vào năm {year}",
            date_text(date)
        )));
    }
    if entry.name.trim().is_empty() {
        return Err(fault(format!("ngày {} chưa có tên", date_text(date))));
    }
    Ok((date, entry.name))
}

fn fault(reason: String) -> DeadlineError {
    DeadlineError::HolidayTable(reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("test dates are real")
    }

    fn built_in() -> Holidays {
        Holidays::built_in().expect("the embedded holiday table must parse")
    }

    #[test]
    fn the_built_in_table_parses_and_covers_2023_to_2026() {
        assert_eq!(built_in().years(), 2023..=2026, "the table has four years");
    }

    #[test]
    fn every_year_gives_exactly_the_eleven_statutory_days_off() {
        // Bộ luật Lao động 2019, Điều 112: 11 paid holidays. Each one that falls
        // on a weekend is given back on a weekday (nghỉ bù) and each swapped
        // weekday is paid back by a Saturday, so weekdays off minus Saturdays
        // worked is 11 every year; a typo in the table breaks that.
        let holidays = built_in();
        for year in holidays.years() {
            let weekdays_off = holidays
                .days_off
                .keys()
                .filter(|date| date.year() == year)
                .filter(|date| !matches!(date.weekday(), Weekday::Sat | Weekday::Sun))
                .count();
            let saturdays_worked = holidays
                .working_saturdays
                .keys()
                .filter(|date| date.year() == year)
                .count();
            assert_eq!(
                weekdays_off - saturdays_worked,
                11,
                "year {year}: {weekdays_off} weekdays off, {saturdays_worked} Saturdays worked"
            );
        }
    }

    #[test]
    fn the_fixed_holidays_and_the_lunar_ones_are_days_off_every_year() {
        let holidays = built_in();
        let lunar = [
            (2023, day(2023, 1, 22), day(2023, 4, 29)),
            (2024, day(2024, 2, 10), day(2024, 4, 18)),
            (2025, day(2025, 1, 29), day(2025, 4, 7)),
            (2026, day(2026, 2, 17), day(2026, 4, 26)),
        ];
        for (year, tet, gio_to) in lunar {
            assert_eq!(
                holidays.holiday_name(tet),
                Some("Tết Nguyên đán"),
                "mùng 1 Tết {year}"
            );
            assert_eq!(
                holidays.holiday_name(gio_to),
                Some("Giỗ Tổ Hùng Vương"),
                "10/3 âm lịch {year}"
            );
            for (month, date, name) in [
                (1, 1, "Tết Dương lịch"),
                (4, 30, "Ngày Chiến thắng"),
                (5, 1, "Ngày Quốc tế Lao động"),
                (9, 2, "Quốc khánh"),
            ] {
                assert_eq!(
                    holidays.holiday_name(day(year, month, date)),
                    Some(name),
                    "{date}/{month}/{year}"
                );
            }
        }
    }

    #[test]
    fn weekends_holidays_and_swapped_days_are_not_working_days() {
        let holidays = built_in();
        assert!(
            holidays.is_working_day(day(2024, 2, 7)),
            "Wednesday before Tết 2024"
        );
        assert!(!holidays.is_working_day(day(2024, 2, 8)), "29 Tết is off");
        assert!(
            !holidays.is_working_day(day(2024, 2, 17)),
            "a plain Saturday"
        );
        assert!(
            !holidays.is_working_day(day(2024, 4, 29)),
            "swapped Monday 29/4/2024"
        );
        assert!(
            holidays.is_working_day(day(2024, 5, 4)),
            "Saturday 4/5/2024 is worked"
        );
        assert!(
            holidays.is_working_day(day(2025, 4, 26)),
            "Saturday 26/4/2025 is worked"
        );
        assert!(
            !holidays.is_working_day(day(2026, 4, 27)),
            "nghỉ bù Giỗ Tổ 2026"
        );
        assert!(
            !holidays.is_working_day(day(2023, 1, 2)),
            "nghỉ bù Tết Dương lịch 2023"
        );
        assert_eq!(
            holidays.holiday_name(day(2024, 5, 4)),
            None,
            "a worked day is no holiday"
        );
        assert_eq!(
            holidays.holiday_name(day(2024, 3, 15)),
            None,
            "an ordinary Friday"
        );
    }

    #[test]
    fn five_working_days_after_the_eve_of_tet_2024_skip_tet_and_a_weekend() {
        // Wed 07/02 → Tết Thu 08 – Wed 14 off → Thu 15 (1), Fri 16 (2),
        // Sat 17 and Sun 18 off, Mon 19 (3), Tue 20 (4), Wed 21 (5).
        assert_eq!(
            add_working_days(day(2024, 2, 7), 5, &built_in()),
            day(2024, 2, 21),
            "Tết 08–14/02/2024 and the weekend of 17–18/02 are skipped"
        );
    }

    #[test]
    fn working_days_skip_the_30_4_break_and_count_the_saturday_worked_for_it() {
        let holidays = built_in();
        // Fri 26/04/2024 → 27/4–1/5 off → Thu 02/05 is the first working day.
        assert_eq!(
            add_working_days(day(2024, 4, 26), 1, &holidays),
            day(2024, 5, 2),
            "27/4–01/5/2024 is one break"
        );
        // Thu 02/05 (start) → Fri 03/05 (1) → Sat 04/05 worked (2).
        assert_eq!(
            add_working_days(day(2024, 5, 2), 2, &holidays),
            day(2024, 5, 4),
            "Saturday 04/05/2024 is worked in exchange for 29/4"
        );
        // Tue 29/04/2025 → 30/4–4/5 off → Mon 05/05/2025.
        assert_eq!(
            add_working_days(day(2025, 4, 29), 1, &holidays),
            day(2025, 5, 5),
            "30/4–04/5/2025 is one break"
        );
    }

    #[test]
    fn working_days_over_an_ordinary_weekend_and_zero_days() {
        let holidays = built_in();
        assert_eq!(
            add_working_days(day(2024, 3, 15), 1, &holidays),
            day(2024, 3, 18),
            "Friday plus one working day is Monday"
        );
        assert_eq!(
            add_working_days(day(2024, 3, 16), 0, &holidays),
            day(2024, 3, 16),
            "zero days leaves the start date, even on a Saturday"
        );
        assert_eq!(
            add_working_days(day(2024, 3, 16), 5, &holidays),
            day(2024, 3, 22),
            "from a Saturday, Monday is the first working day"
        );
    }

    #[test]
    fn years_outside_the_table_skip_weekends_only() {
        let holidays = built_in();
        assert!(
            holidays.is_working_day(day(2027, 9, 2)),
            "2027 is not in the table yet, so 2/9/2027 (a Thursday) is not known as a holiday"
        );
        assert!(
            !holidays.is_working_day(day(2027, 9, 4)),
            "but Saturdays are off"
        );
    }

    #[test]
    fn a_table_that_contradicts_itself_is_refused_with_the_reason() {
        let gap = "[[years]]\nyear = 2023\ndays_off = []\n[[years]]\nyear = 2025\ndays_off = []\n";
        assert!(
            matches!(
                Holidays::from_toml(gap),
                Err(DeadlineError::HolidayTable(_))
            ),
            "a missing 2024 would make 2024 look holiday-free"
        );
        let friday = "[[years]]\nyear = 2024\ndays_off = []\n\
                      working_saturdays = [{ date = 2024-05-03, name = \"x\" }]\n";
        let error = Holidays::from_toml(friday).expect_err("03/05/2024 is a Friday");
        assert_eq!(
            error.to_string(),
            "Bảng ngày nghỉ lễ, Tết có chỗ sai: ngày làm bù 03/05/2024 không phải thứ Bảy.",
            "the message says which date is wrong and why"
        );
        let twice = "[[years]]\nyear = 2024\ndays_off = [\n\
                     { date = 2024-01-01, name = \"a\" },\n{ date = 2024-01-01, name = \"b\" },\n]\n";
        assert!(Holidays::from_toml(twice).is_err(), "a date listed twice");
        let misfiled = "[[years]]\nyear = 2024\ndays_off = [{ date = 2025-01-01, name = \"a\" }]\n";
        assert!(
            Holidays::from_toml(misfiled).is_err(),
            "a 2025 date under 2024"
        );
        let timed =
            "[[years]]\nyear = 2024\ndays_off = [{ date = 2024-01-01T08:00:00, name = \"a\" }]\n";
        assert!(Holidays::from_toml(timed).is_err(), "a date with a time");
        assert!(
            matches!(
                Holidays::from_toml("years = 3"),
                Err(DeadlineError::HolidayFile(_))
            ),
            "not the expected shape"
        );
        assert!(
            Holidays::from_toml("years = []").is_err(),
            "no years at all"
        );
    }
}
