#!/usr/bin/env bash
# Makes the sample monthly workbook shown in the README: the built-in plan with
# a month of Sở Nội vụ's progress and evidence, exported for 09/2024, then
# printed to PDF by LibreOffice and rendered to PNG pages (docs/sample/,
# trang-1.png, trang-2.png… whatever the number of pages). Then the collecting
# office's consolidated workbook of that month, made from this one report,
# whose first two pages (the report and Phụ lục I) become tong-hop-trang-1.png
# and tong-hop-trang-2.png. fonts-liberation2
# holds Liberation Serif with the Vietnamese letters, which LibreOffice prints
# Times New Roman with.
source "$(dirname "$0")/common.sh"
cd "$(dirname "$0")/.."
setup_build
install_apt_packages libreoffice-calc-nogui poppler-utils fonts-liberation2 fonts-crosextra-carlito

cargo build --release --locked --bin cchc
cchc="$CARGO_TARGET_DIR/release/cchc"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db=(--db "$work/cchc.sqlite3")

"$cchc" "${db[@]}" progress set --agency SNV --task IV.3.1 --period 2024-09 --state done \
    --done-on 10/09/2024 \
    --result "Đã trình UBND tỉnh Tờ trình số 1494/TTr-SNV ngày 10/9/2024 về việc sáp nhập các trường cao đẳng trên địa bàn tỉnh."
"$cchc" "${db[@]}" progress set --agency SNV --task II.5.2 --period 2024-09 --state in-progress \
    --percent 70 \
    --result "Đã kết nối thử nghiệm hệ thống quản lý CBCCVC với IOC qua LGSP; đang chuẩn hóa dữ liệu (Công văn số 2231/SNV-CCHC&PC)." \
    --obstacles "Dữ liệu CBCCVC chưa đồng bộ giữa các đơn vị." \
    --proposals "Đề nghị Sở Thông tin và Truyền thông hỗ trợ kỹ thuật kết nối LGSP."
"$cchc" "${db[@]}" progress set --agency SNV --task II.1.1 --period 2024-09 --state ongoing \
    --result "Cán bộ đầu mối truy cập Cổng Dịch vụ công quốc gia hằng ngày; trong tháng đã trình công bố 02 danh mục TTHC."
"$cchc" "${db[@]}" progress set --agency SNV --task II.5.4 --period 2024-09 --state in-progress \
    --percent 80 --result "Tỷ lệ hồ sơ trực tuyến toàn trình tháng 9/2024 đạt 82,5%."
"$cchc" "${db[@]}" progress set --agency SNV --task IV.4.1 --period 2024-07 --state in-progress \
    --percent 40 --result "Đang xây dựng Đề án vị trí việc làm (số liệu tháng 7, chưa cập nhật)."

printf '%%PDF-1.4\n%% Tờ trình 1494/TTr-SNV (mẫu)\n' > "$work/To-trinh-1494.pdf"
"$cchc" "${db[@]}" evidence add --agency SNV --number 1494/TTr-SNV --date 10/09/2024 \
    --issuer "Sở Nội vụ" --summary "Tờ trình về việc sáp nhập các trường cao đẳng trên địa bàn tỉnh" \
    --task IV.3.1 --criterion 4.1.3 --file "$work/To-trinh-1494.pdf"
"$cchc" "${db[@]}" evidence add --agency SNV --number 2231/SNV-CCHC\&PC --date 16/09/2024 \
    --issuer "Sở Nội vụ" --summary "V/v kết nối, chia sẻ dữ liệu hệ thống quản lý CBCCVC với IOC" \
    --task II.5.2 --criterion 7.1.3
# Workbook version 2: two obligations counted in working days (one settled on
# time, one still open at the month's end) and a measured indicator.
"$cchc" "${db[@]}" obligation add --agency SNV --task II.1.1 --number 1234/QĐ-BTP --date 05/09/2024 \
    --issuer "Bộ Tư pháp" --summary "Quyết định công bố thủ tục hành chính mới ban hành lĩnh vực hộ tịch"
"$cchc" "${db[@]}" obligation settle --agency SNV --id 1 --number 2250/QĐ-UBND --date 11/09/2024
"$cchc" "${db[@]}" obligation add --agency SNV --task II.1.1 --number 456/QĐ-BNV --date 26/09/2024 \
    --issuer "Bộ Nội vụ" --summary "Quyết định công bố thủ tục hành chính sửa đổi lĩnh vực thi đua, khen thưởng"
"$cchc" "${db[@]}" indicator set --agency SNV --criterion 4.1.3 --period 2024-09 \
    --numerator 9 --denominator 92 --source "Sở Nội vụ (số liệu đơn vị sự nghiệp công lập)" --as-of 30/09/2024

out=docs/sample
rm -f "$out"/*.xlsx "$out"/*.png
"$cchc" "${db[@]}" export --agency SNV --period 2024-09 --signer "Nguyễn Văn An" --out "$out"
libreoffice --headless --convert-to pdf --outdir "$work" "$out/BC-CCHC-SNV-2024-09.xlsx" >/dev/null
pdftoppm -r 70 -png "$work/BC-CCHC-SNV-2024-09.pdf" "$work/trang"
# pdftoppm pads page numbers to the widest (trang-01.png from 10 pages on).
for page in "$work"/trang-*.png; do
    n="${page##*-}"
    n="${n%.png}"
    cp "$page" "$out/trang-$((10#$n)).png"
done

mkdir "$work/in"
cp "$out/BC-CCHC-SNV-2024-09.xlsx" "$work/in/"
"$cchc" --db "$work/collector.sqlite3" collect --period 2024-09 --out "$work" "$work/in" >/dev/null
libreoffice --headless --convert-to pdf --outdir "$work" "$work/TH-CCHC-2024-09.xlsx" >/dev/null
pdftoppm -r 70 -png -f 1 -l 2 "$work/TH-CCHC-2024-09.pdf" "$work/tong-hop"
pages=("$work"/tong-hop-*.png)
cp "${pages[0]}" "$out/tong-hop-trang-1.png"
cp "${pages[1]}" "$out/tong-hop-trang-2.png"
ls -l "$out"
