//! TEST DATA, FICTITIOUS: the plan of an invented merged province ("Tỉnh Hưng
//! Thái (dữ liệu thử nghiệm)") at the size of the real one after 1/7/2025:
//! 15 sở-level agencies, 104 UBND xã, phường (93 xã, 11 phường), groups such
//! as "UBND các xã, phường", 150 tasks. The names are made up from common
//! place-name syllables; nothing here is the province's real list, which
//! comes as data from the province.

use cchc::plan::{Agency, AgencyKind, Criterion, Field, Group, PlanData, PlanMeta, TaskDef};

/// The province's name, saying it is test data.
pub const PROVINCE: &str = "Hưng Thái (dữ liệu thử nghiệm, hư cấu)";

pub const SO: [(&str, &str); 15] = [
    ("SNV", "Sở Nội vụ"),
    ("STP", "Sở Tư pháp"),
    ("STC", "Sở Tài chính"),
    ("SCT", "Sở Công Thương"),
    ("SNNMT", "Sở Nông nghiệp và Môi trường"),
    ("SXD", "Sở Xây dựng"),
    ("SKHCN", "Sở Khoa học và Công nghệ"),
    ("SGDDT", "Sở Giáo dục và Đào tạo"),
    ("SYT", "Sở Y tế"),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("SDTTG", "Sở Dân tộc và Tôn giáo"),
    ("TTRA", "Thanh tra tỉnh"),
    ("VPUB", "Văn phòng UBND tỉnh"),
    ("BQLKCN", "Ban Quản lý các khu công nghiệp tỉnh"),
    ("TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh"),
];

const FIRST: [&str; 14] = [
    "Tân", "Hòa", "Phú", "Minh", "Đông", "Tây", "Nam", "Bắc", "Quang", "Hưng", "Thái", "An",
    "Vĩnh", "Long",
];
const SECOND: [&str; 8] = [
    "Phong", "Lập", "Hưng", "Thịnh", "Tiến", "Bình", "Lợi", "Châu",
];

/// The 104 communes and wards: (code, name, is a ward).
pub fn communes() -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    'all: for a in FIRST {
        for b in SECOND {
            if a == b {
                continue;
            }
            let n = out.len();
            if n == 104 {
                break 'all;
            }
            let ward = n < 11;
            let name = format!("{} {a} {b}", if ward { "Phường" } else { "Xã" });
            let code = format!("{}{:03}", if ward { "P" } else { "X" }, n + 1);
            out.push((code, name, ward));
        }
    }
    out
}

/// The whole plan for `year`: fields 1–8, a criterion per field, the
/// agencies, three groups, and 150 tasks led in turn by a sở, a group or a
/// commune, with deadlines in the plan's year.
pub fn plan(year: i32) -> PlanData {
    let fields: Vec<Field> = (1..=8)
        .map(|code| Field {
            code,
            name: format!("Lĩnh vực {code}"),
            max_score: Some(10.0),
            score_prev: Some(8.5),
            points_lost: Some(1.5),
        })
        .collect();
    let criteria: Vec<Criterion> = (1..=8)
        .map(|f| Criterion {
            code: format!("{f}.1"),
            name: format!("Tiêu chí {f}.1"),
            max_score: 1.0,
            score_prev: 0.5,
            points_lost: 0.5,
            target: 1.0,
            targets: Vec::new(),
        })
        .collect();
    let mut agencies: Vec<Agency> = SO
        .iter()
        .map(|(code, name)| Agency {
            code: (*code).into(),
            name: (*name).into(),
            kind: AgencyKind::SoBanNganh,
        })
        .collect();
    let communes = communes();
    agencies.extend(communes.iter().map(|(code, name, _)| Agency {
        code: code.clone(),
        name: name.clone(),
        kind: AgencyKind::UbndXa,
    }));
    let groups = vec![
        Group {
            code: "NHOM-SO".into(),
            name: "Các sở, ban, ngành tỉnh".into(),
            members: SO.iter().map(|(c, _)| (*c).to_string()).collect(),
        },
        Group {
            code: "NHOM-XA".into(),
            name: "UBND các xã, phường".into(),
            members: communes.iter().map(|(c, ..)| c.clone()).collect(),
        },
        Group {
            code: "NHOM-PHUONG".into(),
            name: "UBND các phường".into(),
            members: communes
                .iter()
                .filter(|(_, _, ward)| *ward)
                .map(|(c, ..)| c.clone())
                .collect(),
        },
    ];
    let deadlines = [
        format!("Quý I/{year}"),
        format!("Quý II/{year}"),
        format!("tháng 9/{year}"),
        format!("31/12/{year}"),
        "Thường xuyên".to_string(),
    ];
    let tasks = (1..=150u32)
        .map(|n| {
            let lead = match n % 5 {
                0 => "NHOM-XA".to_string(),
                1 => communes[(n as usize * 7) % communes.len()].0.clone(),
                _ => SO[n as usize % SO.len()].0.to_string(),
            };
            TaskDef {
                code: format!("NV.{n:03}"),
                section: format!("Lĩnh vực {}", n % 8 + 1),
                content: format!("Nhiệm vụ thử nghiệm số {n} của tỉnh hư cấu"),
                criteria: vec![format!("{}.1", n % 8 + 1)],
                partners: if n % 4 == 0 {
                    vec!["NHOM-SO".into()]
                } else {
                    Vec::new()
                },
                lead,
                deadline: deadlines[n as usize % deadlines.len()].clone(),
                output: Some("Báo cáo".into()),
            }
        })
        .collect();
    PlanData {
        meta: PlanMeta {
            reference: String::new(),
            issued_on: None,
            name: format!("Kế hoạch cải thiện Chỉ số CCHC năm {year} (thử nghiệm)"),
            year,
            province: PROVINCE.into(),
            key: String::new(),
            version: 0,
        },
        fields,
        criteria,
        agencies,
        groups,
        tasks,
        successions: Vec::new(),
        indicators: Vec::new(),
    }
}

#[test]
fn the_test_province_has_the_merged_provinces_size() {
    let p = plan(2026);
    let kinds = |k: AgencyKind| p.agencies.iter().filter(|a| a.kind == k).count();
    assert_eq!(kinds(AgencyKind::SoBanNganh), 15);
    assert_eq!(kinds(AgencyKind::UbndXa), 104);
    let wards = communes().iter().filter(|c| c.2).count();
    assert_eq!((wards, 104 - wards), (11, 93), "11 phường and 93 xã");
    assert_eq!(p.tasks.len(), 150);
    p.validate().expect("the test plan is a valid plan");
}
