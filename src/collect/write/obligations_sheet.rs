//! The consolidated workbook's sheet "Việc phát sinh": every agency's
//! obligations as their version 2 workbooks carried them, the agency first.

use rust_xlsxwriter::Worksheet;

use super::{table_sheet, Styles, ANNEX_OBLIGATIONS, FIRST_ROW, HEADER_ROW};
use crate::collect::Consolidation;
use crate::obligation::ObligationStatus;
use crate::print_profile::Attachment;
use crate::report::fit_height;
use crate::report::obligation_sheet::{OBLIGATION_HEADERS, SHEET_OBLIGATIONS};
use crate::xlsx::{self, Written};

const WIDTHS: [f64; 12] = [
    6.0, 10.0, 22.0, 12.0, 24.0, 12.0, 10.0, 12.0, 22.0, 12.0, 11.0, 16.0,
];
const AGENCY_WIDTH: f64 = 24.0;

pub(super) fn obligations_sheet(
    ws: &mut Worksheet,
    c: &Consolidation,
    attached: &Attachment,
    st: &Styles,
) -> Written {
    let mut columns = vec![("Cơ quan", AGENCY_WIDTH)];
    columns.extend(OBLIGATION_HEADERS.iter().copied().zip(WIDTHS));
    table_sheet(
        ws,
        (SHEET_OBLIGATIONS, ANNEX_OBLIGATIONS),
        "Việc phát sinh tính thời hạn theo ngày làm việc",
        (c, attached),
        &columns,
        st,
    )?;
    let text = &st.table.text;
    let number = &st.table.number;
    let date = &st.table.date;
    let mut row = FIRST_ROW;
    for (i, r) in c.obligations.iter().enumerate() {
        let o = &r.obligation;
        xlsx::put_text(ws, row, 0, &r.agency_name, text)?;
        ws.write_number_with_format(row, 1, (i + 1) as f64, number)?;
        xlsx::put_text(ws, row, 2, &o.task, &st.table.centred)?;
        xlsx::put_text(ws, row, 3, &o.number, text)?;
        xlsx::put_date(ws, row, 4, o.date, date)?;
        xlsx::put_text(ws, row, 5, &o.issuer, text)?;
        xlsx::put_date(ws, row, 6, o.start, date)?;
        xlsx::put_number(ws, row, 7, o.working_days, number)?;
        xlsx::put_date(ws, row, 8, Some(o.due_date), date)?;
        xlsx::put_text(ws, row, 9, &o.settled_number, text)?;
        xlsx::put_date(ws, row, 10, o.settled_on, date)?;
        xlsx::put_number(ws, row, 11, o.used_working_days, number)?;
        let late = matches!(
            o.status,
            ObligationStatus::OverdueOpen | ObligationStatus::Late
        );
        xlsx::put_text(
            ws,
            row,
            12,
            o.status.label(),
            if late { &st.overdue } else { text },
        )?;
        fit_height(
            ws,
            row,
            [
                (r.agency_name.as_str(), AGENCY_WIDTH),
                (o.issuer.as_str(), WIDTHS[4]),
            ],
        )?;
        row += 1;
    }
    let last = columns.len() as u16 - 1;
    ws.autofilter(HEADER_ROW, 0, row.saturating_sub(1).max(HEADER_ROW), last)?;
    Ok(())
}
