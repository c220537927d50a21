"""Writes a task-list workbook ("Phụ lục nhiệm vụ") of N tasks for the export
benchmark: every task is Sở Nội vụ's (it leads half, co-operates on the other
half), with plan-like Vietnamese text, criteria and the plan's deadline forms.

Usage: python3 make_tasks.py N OUT.xlsx
"""
import sys

import openpyxl

CRITERIA = ["1.7", "3.2.1", "3.2.2", "3.2.3", "3.4.1", "4.1.3", "5.6", "6.1.3",
            "6.3.1", "7.1.3", "7.1.4", "7.3.6", "7.3.7", "8.3.2", "8.5"]
DEADLINES = ["Quý III/2024", "Tháng 8/2024", "31/12/2024", "Thường xuyên",
             "Quý IV/2024", "Trong năm 2024", "Tháng 10/2024"]
PARTNERS = ["Sở Tài chính", "Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông",
            "UBND các huyện, thị xã, thành phố"]


def main(n, out):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Nhiệm vụ")
    ws.append(["STT", "Mã nhiệm vụ", "Nội dung nhiệm vụ", "Tiêu chí", "Cơ quan chủ trì",
               "Cơ quan phối hợp", "Thời hạn", "Sản phẩm"])
    for i in range(1, n + 1):
        lead = "Sở Nội vụ" if i % 2 else "Sở Tài chính"
        partners = "; ".join(p for p in PARTNERS[: 1 + i % 3] if p != lead)
        if lead != "Sở Nội vụ":
            partners = "Sở Nội vụ; " + partners
        ws.append([
            i,
            f"PL.{i}",
            f"Nhiệm vụ cụ thể số {i}: rà soát, đánh giá và tổ chức thực hiện các giải pháp "
            f"cải thiện điểm số tiêu chí thành phần, bảo đảm đúng tiến độ, chất lượng, "
            f"báo cáo kết quả về Sở Nội vụ để tổng hợp, tham mưu UBND tỉnh.",
            "; ".join(CRITERIA[(i + k) % len(CRITERIA)] for k in range(1 + i % 2)),
            lead,
            partners,
            DEADLINES[i % len(DEADLINES)],
            "Báo cáo kết quả thực hiện" if i % 3 else "",
        ])
    wb.save(out)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
