"""Every message `check` and `build` can print, in English and Indonesian."""

from __future__ import annotations

from collections.abc import Mapping

KINDS = {
    "empty": ("empty", "kosong"),
    "true/false": ("true/false", "true/false"),
    "number": ("a number", "angka"),
    "text": ("text", "teks"),
    "list": ("a list", "daftar"),
    "mapping": ("a mapping", "pemetaan (kunci: nilai)"),
    "value": ("a value", "nilai"),
}

MESSAGES: dict[str, tuple[str, str]] = {
    "warning_prefix": ("warning: ", "peringatan: "),
    # reading files
    "yaml_syntax": (
        "this line cannot be read; check its indentation (spaces, lined up with the fields above), "
        "the ': ' after the field name, and that every quote and bracket is closed",
        "baris ini tidak bisa dibaca; periksa indentasinya (spasi, sejajar dengan kolom di atasnya), "
        "tanda ': ' setelah nama kolom, dan apakah setiap tanda kutip dan kurung sudah ditutup",
    ),
    "yaml_tab": (
        "this line is indented with a tab, and YAML accepts only spaces; replace the tab at the start "
        "of the line with spaces (and set your editor to type spaces for Tab)",
        "baris ini diindentasi dengan Tab, padahal YAML hanya menerima spasi; ganti Tab di awal baris "
        "dengan spasi (dan atur editor agar tombol Tab menulis spasi)",
    ),
    "yaml_too_big": (
        "the file expands to more than {limit} values (aliases nested too deep?)",
        "berkas ini berkembang menjadi lebih dari {limit} nilai (alias bersarang terlalu dalam?)",
    ),
    "yaml_tag": ("the YAML tag {tag} is not allowed here", "tag YAML {tag} tidak diizinkan di sini"),
    "yaml_key": ("the key {key} must be a plain word", "kunci {key} harus berupa kata biasa"),
    "yaml_duplicate": (
        "'{key}' appears twice (first on line {first}); keep one",
        "'{key}' muncul dua kali (pertama di baris {first}); sisakan satu",
    ),
    "not_utf8": (
        "the file is not UTF-8 text (save it as UTF-8 in your editor)",
        "berkas ini bukan teks UTF-8 (simpan sebagai UTF-8 di editor Anda)",
    ),
    "file_too_big": (
        "the file is {size} bytes; a profile must stay under {limit} bytes",
        "ukuran berkas {size} byte; profil harus di bawah {limit} byte",
    ),
    "empty_file": ("the file is empty", "berkas ini kosong"),
    "missing_file": ("this file is required and was not found", "berkas ini wajib ada dan tidak ditemukan"),
    "not_a_mapping_file": (
        "the file must hold fields (key: value), not {got}",
        "berkas ini harus berisi kolom (kunci: nilai), bukan {got}",
    ),
    "unreadable": ("the file cannot be read ({detail})", "berkas ini tidak bisa dibaca ({detail})"),
    # fields
    "unknown_field": ("unknown field; known fields are: {known}", "kolom tidak dikenal; kolom yang ada: {known}"),
    "unknown_field_suggest": (
        "unknown field; did you mean '{suggestion}'?",
        "kolom tidak dikenal; maksud Anda '{suggestion}'?",
    ),
    "required": ("this field is required and missing", "kolom ini wajib diisi dan belum ada"),
    "expected_text": ("expected text, got {got}", "seharusnya teks, bukan {got}"),
    "expected_text_or_languages": (
        "expected text, or a mapping of {langs} texts, got {got}",
        "seharusnya teks, atau pemetaan teks {langs}, bukan {got}",
    ),
    "empty_text": ("the text is empty", "teksnya kosong"),
    "too_long": ("the text is longer than {limit} characters", "teksnya lebih dari {limit} karakter"),
    "one_line": (
        "this must be one line (Markdown is only allowed in descriptions)",
        "ini harus satu baris (Markdown hanya untuk deskripsi)",
    ),
    "bad_format": (
        "'{value}' is not in the expected form, e.g. {hint}",
        "'{value}' tidak sesuai bentuk yang diharapkan, contoh: {hint}",
    ),
    "unknown_language": (
        "'{lang}' is not one of the site's languages ({langs})",
        "'{lang}' bukan salah satu bahasa situs ({langs})",
    ),
    "missing_first_language": (
        "the {lang} text is missing; it is the site's main language",
        "teks {lang} belum ada; itu bahasa utama situs",
    ),
    "untranslated": (
        "no {lang} text yet; the page shows the main language and marks it untranslated",
        "belum ada teks {lang}; halaman memakai bahasa utama dan menandainya belum diterjemahkan",
    ),
    "expected_number": ("expected a number, got {got}", "seharusnya angka, bukan {got}"),
    "expected_whole_number": ("{value} must be a whole number", "{value} harus bilangan bulat"),
    "not_finite": ("{value} is not a real number", "{value} bukan angka yang sah"),
    "out_of_range": (
        "{value} is out of range (must be between {low} and {high})",
        "{value} di luar batas (harus antara {low} dan {high})",
    ),
    "not_latitude": (
        "{value} is not a latitude (must be between -90 and 90)",
        "{value} bukan garis lintang (harus antara -90 dan 90)",
    ),
    "not_longitude": (
        "{value} is not a longitude (must be between -180 and 180)",
        "{value} bukan garis bujur (harus antara -180 dan 180)",
    ),
    "expected_bool": ("expected true or false, got {got}", "seharusnya true atau false, bukan {got}"),
    "expected_list": (
        "expected a list (lines starting with '- '), got {got}",
        "seharusnya daftar (baris diawali '- '), bukan {got}",
    ),
    "expected_mapping": ("expected fields (key: value), got {got}", "seharusnya kolom (kunci: nilai), bukan {got}"),
    "expected_price": (
        "expected a price in whole rupiah, got {got}",
        "seharusnya harga dalam rupiah bulat, bukan {got}",
    ),
    "price_float": (
        "{value} is not a whole rupiah amount; for {guess} rupiah write {guess} without a dot",
        "{value} bukan jumlah rupiah bulat; untuk {guess} rupiah tulis {guess} tanpa titik",
    ),
    "price_negative": ("a price cannot be negative ({value})", "harga tidak boleh negatif ({value})"),
    "price_range_size": (
        "a price range has exactly two numbers: [min, max]",
        "rentang harga berisi tepat dua angka: [min, max]",
    ),
    "price_range_order": (
        "the range [{low}, {high}] is reversed; write [{high}, {low}]",
        "rentang [{low}, {high}] terbalik; tulis [{high}, {low}]",
    ),
    "expected_hours": ("expected opening hours text, got {got}", "seharusnya teks jam buka, bukan {got}"),
    "bad_hours": (
        "'{part}' is not understood; write e.g. 'Mo-Sa 08:00-16:00; Su off'",
        "'{part}' tidak dipahami; tulis misalnya 'Mo-Sa 08:00-16:00; Su off'",
    ),
    "unknown_category": (
        "'{value}' is not a category in categories.yaml (known: {known})",
        "'{value}' bukan kategori di categories.yaml (yang ada: {known})",
    ),
    "bad_whatsapp": (
        "'{value}' is not an Indonesian mobile number; write it like 0812 3456 7890 or +62 812-3456-7890",
        "'{value}' bukan nomor HP Indonesia; tulis seperti 0812 3456 7890 atau +62 812-3456-7890",
    ),
    "bad_choice": ("'{value}' is not one of: {choices}", "'{value}' bukan salah satu dari: {choices}"),
    "bad_choice_suggest": (
        "'{value}' is not one of: {choices}; did you mean '{suggestion}'?",
        "'{value}' bukan salah satu dari: {choices}; maksud Anda '{suggestion}'?",
    ),
    "bad_clock": (
        "'{value}' is not a time; write HH:MM in quotes, e.g. \"09:00\"",
        "'{value}' bukan jam; tulis HH:MM dalam tanda kutip, misalnya \"09:00\"",
    ),
    "bad_date": (
        "'{value}' is not a date; write YYYY-MM-DD, e.g. 2026-12-05",
        "'{value}' bukan tanggal; tulis YYYY-MM-DD, misalnya 2026-12-05",
    ),
    "schedule_days_or_date": (
        "a schedule entry has either days (weekly) or a date (once), not both or neither",
        "jadwal berisi days (mingguan) atau date (sekali), bukan keduanya atau tidak sama sekali",
    ),
    "schedule_order": (
        "the end {end} is not after the start {start}",
        "jam selesai {end} tidak setelah jam mulai {start}",
    ),
    "schedule_range_weekly": (
        "from and until are only for weekly schedules",
        "from dan until hanya untuk jadwal mingguan",
    ),
    "unknown_category_suggest": (
        "'{value}' is not a category in categories.yaml; did you mean '{suggestion}'?",
        "'{value}' bukan kategori di categories.yaml; maksud Anda '{suggestion}'?",
    ),
    "bad_id": (
        "'{value}' is not a valid id: use lowercase letters, digits and hyphens",
        "'{value}' bukan id yang sah: pakai huruf kecil, angka, dan tanda hubung",
    ),
    "bad_slug": (
        (
            "the file name '{value}' cannot be a page address: "
            "use lowercase letters, digits and hyphens, e.g. batik-majapahit.yaml"
        ),
        (
            "nama berkas '{value}' tidak bisa jadi alamat halaman: "
            "pakai huruf kecil, angka, dan tanda hubung, misalnya batik-majapahit.yaml"
        ),
    ),
    "duplicate_slug": ("this page address is also used by {other}", "alamat halaman ini juga dipakai oleh {other}"),
    "center_pair": ("the map centre must be [lat, lon]", "pusat peta harus [lat, lon]"),
    "tiles_need_attribution": (
        "custom tiles need an attribution (the tile provider's credit line)",
        "ubin peta khusus wajib punya atribusi (keterangan sumber ubin)",
    ),
    "language_twice": ("the language '{lang}' is listed twice", "bahasa '{lang}' tercantum dua kali"),
    "photo_missing": (
        "the photo '{file}' is not in {folder}; put the photo there under this name, or correct the name here",
        "foto '{file}' tidak ada di {folder}; simpan fotonya di sana dengan nama ini, atau perbaiki namanya di sini",
    ),
    "photo_outside": ("'{file}' points outside the content folder", "'{file}' menunjuk ke luar folder konten"),
    "far_from_map": (
        "the pin ({lat}, {lon}) is {km} km from the map centre; are lat and lon swapped?",
        "pin ({lat}, {lon}) berjarak {km} km dari pusat peta; apakah lat dan lon tertukar?",
    ),
    "photo_small": (
        "the photo is only {width} px wide; use one at least {min} px wide so it stays sharp on large screens",
        "foto ini hanya selebar {width} px; pakai foto yang lebarnya minimal {min} px agar tetap tajam di layar besar",
    ),
    "photo_huge": (
        "the photo file is {mb} MB, more than {max} MB; save it smaller (e.g. 3000 px wide) to keep the build quick",
        (
            "berkas foto ini {mb} MB, lebih dari {max} MB; "
            "simpan ulang lebih kecil (misalnya lebar 3000 px) agar build tetap cepat"
        ),
    ),
    "photo_unreadable": (
        "this file cannot be read as a photo ({detail}); save it again as JPEG, PNG or WebP",
        "berkas ini tidak bisa dibaca sebagai foto ({detail}); simpan ulang sebagai JPEG, PNG, atau WebP",
    ),
    "no_photo": ("no photo yet; visitors choose by pictures", "belum ada foto; wisatawan memilih dari gambar"),
    "no_hours": (
        "no opening hours; the page tells visitors to ask the tourism office",
        "belum ada jam buka; halaman meminta wisatawan bertanya ke dinas pariwisata",
    ),
    "no_front_matter": (
        "a page starts with front matter between '---' lines (title: ...)",
        "halaman diawali front matter di antara baris '---' (title: ...)",
    ),
    "page_language": (
        "'{lang}' in the file name is not one of the site's languages ({langs})",
        "'{lang}' pada nama berkas bukan salah satu bahasa situs ({langs})",
    ),
    "page_without_main": (
        "there is no {main} version of this page ({expected})",
        "halaman ini tidak punya versi {main} ({expected})",
    ),
    "no_kampung": ("there is no profile in {folder}", "belum ada profil di {folder}"),
    "broken_link": (
        "the link '{target}' leads to no page of the site",
        "tautan '{target}' tidak menuju halaman situs mana pun",
    ),
    # routes
    "unknown_kampung": (
        "'{value}' is not a kampung: there is no {value}.yaml in the kampung folder",
        "'{value}' bukan kampung: tidak ada {value}.yaml di folder kampung",
    ),
    "unknown_kampung_suggest": (
        "'{value}' is not a kampung; did you mean '{suggestion}'?",
        "'{value}' bukan kampung; maksud Anda '{suggestion}'?",
    ),
    "route_too_short": ("a route needs at least two stops", "rute perlu paling sedikit dua perhentian"),
    "stop_twice": (
        "'{value}' is already stop {first}; list each kampung once",
        "'{value}' sudah menjadi perhentian ke-{first}; cantumkan setiap kampung sekali saja",
    ),
    "route_shorter_order": (
        "from the same start, the order {order} is shorter ({shorter} km instead of {given} km in a straight line)",
        "dari awal yang sama, urutan {order} lebih pendek ({shorter} km, bukan {given} km garis lurus)",
    ),
    # spreadsheets (build.py export / import)
    "sheet_unreadable": (
        "cannot read this file as an .xlsx workbook ({detail}); save it from Excel or LibreOffice as .xlsx",
        "berkas ini tidak bisa dibaca sebagai buku kerja .xlsx ({detail}); "
        "simpan dari Excel atau LibreOffice sebagai .xlsx",
    ),
    "sheet_ignored": (
        "the sheet '{sheet}' is not one the guide reads; it is left out",
        "lembar '{sheet}' bukan lembar yang dibaca panduan; lembar ini dilewati",
    ),
    "sheet_twice": ("a second sheet for the same list; keep one", "lembar kedua untuk daftar yang sama; sisakan satu"),
    "sheet_no_key": (
        "the sheet has no column '{column}' ({key}); every row needs it",
        "lembar ini tidak punya kolom '{column}' ({key}); setiap baris memerlukannya",
    ),
    "sheet_unknown_column": (
        "the column '{header}' is not a field of the guide; it is not read",
        "kolom '{header}' bukan kolom panduan; kolom ini tidak dibaca",
    ),
    "sheet_unknown_column_suggest": (
        "the column '{header}' is not a field of the guide and is not read; did you mean '{suggestion}'?",
        "kolom '{header}' bukan kolom panduan dan tidak dibaca; maksud Anda '{suggestion}'?",
    ),
    "sheet_column_twice": (
        "the column '{header}' appears twice; keep one",
        "kolom '{header}' muncul dua kali; sisakan satu",
    ),
    "sheet_decimal_comma": (
        "'{value}' is written with a comma; write the decimal point as a dot: {fixed}",
        "'{value}' ditulis dengan koma; tulis tanda desimal dengan titik: {fixed}",
    ),
    "sheet_not_number": ("'{value}' is not a number", "'{value}' bukan angka"),
    "sheet_bad_price": (
        "'{value}' is not a price; write whole rupiah, e.g. 25000, or a range such as 25000-50000",
        "'{value}' bukan harga; tulis rupiah bulat, misalnya 25000, atau rentang seperti 25000-50000",
    ),
    "sheet_bad_bool": ("'{value}' is not yes or no", "'{value}' bukan ya atau tidak"),
    "sheet_slug_twice": (
        "'{value}' is already in row {first}; each kampung has one row",
        "'{value}' sudah ada di baris {first}; setiap kampung satu baris",
    ),
    "sheet_unknown_slug": (
        "'{value}' is not a kampung of this workbook's Kampung sheet or of the content folder",
        "'{value}' bukan kampung di lembar Kampung buku kerja ini atau di folder konten",
    ),
    "sheet_row_of_deleted": (
        "'{value}' has no row in the Kampung sheet, so --delete-missing deletes it; this row is not read",
        "'{value}' tidak punya baris di lembar Kampung, jadi --delete-missing menghapusnya; baris ini tidak dibaca",
    ),
    "sheet_more_warnings": (
        "… and {count} more warnings like the ones above ({field})",
        "… dan {count} peringatan lain seperti di atas ({field})",
    ),
    "sheet_no_such_item": (
        "kampung '{slug}' has no item {number} to attach this row to (it has {count})",
        "kampung '{slug}' tidak punya nomor {number} untuk baris ini (hanya ada {count})",
    ),
    "sheet_broken_file": (
        "this profile cannot be updated until its file is fixed: {detail}",
        "profil ini tidak bisa diperbarui sebelum berkasnya diperbaiki: {detail}",
    ),
    "sheet_route_stop_deleted": (
        "the route stops at '{value}', which --delete-missing would delete",
        "rute ini singgah di '{value}', yang akan dihapus oleh --delete-missing",
    ),
    "sheet_delete_needs_kampung": (
        "--delete-missing needs the Kampung sheet: without it no profile is known to be missing",
        "--delete-missing memerlukan lembar Kampung: tanpanya tidak ada profil yang diketahui hilang",
    ),
    "sheet_changed_meanwhile": (
        "the file changed while the workbook was being read; run the import again",
        "berkas ini berubah selama buku kerja dibaca; jalankan impor sekali lagi",
    ),
    "sheet_export_refused": (
        "nothing exported: fix the errors above first (a workbook of broken content would not import back)",
        "tidak ada yang diekspor: perbaiki dulu kesalahan di atas "
        "(buku kerja dari konten yang rusak tidak bisa diimpor kembali)",
    ),
    "sheet_bad_suffix": (
        "'{suffix}' is not a format the guide writes: name the file .xlsx (a workbook) or .csv (the Kampung sheet)",
        "'{suffix}' bukan format yang ditulis panduan: beri nama berkas .xlsx (buku kerja) atau .csv (lembar Kampung)",
    ),
    "sheet_exported": (
        "wrote {file}: {profiles} kampung, {categories} categories",
        "menulis {file}: {profiles} kampung, {categories} kategori",
    ),
    "sheet_nothing_written": ("nothing was written", "tidak ada yang ditulis"),
    "sheet_dry_run": (
        "{changed} changed, {new} new, {deleted} deleted (dry run: nothing written)",
        "{changed} diubah, {new} baru, {deleted} dihapus (uji coba: tidak ada yang ditulis)",
    ),
    "sheet_written": (
        "{changed} changed, {new} new, {deleted} deleted",
        "{changed} diubah, {new} baru, {deleted} dihapus",
    ),
    "sheet_file_new": ("{file}: new", "{file}: baru"),
    "sheet_file_changed": ("{file}: changed", "{file}: diubah"),
    "sheet_file_deleted": ("{file}: deleted", "{file}: dihapus"),
    "sheet_empty": ("(empty)", "(kosong)"),
    "sheet_dv_category": (
        "Not a category of the Categories sheet yet: add it there, or pick one from the list.",
        "Belum ada di lembar Kategori: tambahkan di sana, atau pilih dari daftar.",
    ),
    "sheet_dv_choice": ("Pick one from the list.", "Pilih salah satu dari daftar."),
    "sheet_dv_number": ("A number from {low} to {high}.", "Angka dari {low} sampai {high}."),
    "sheet_dv_words": (
        "One or more of, separated by commas: {choices}",
        "Satu atau beberapa, dipisah koma: {choices}",
    ),
    # access-log statistics (build.py stats)
    "stats_needs_content": (
        "the statistics need the content that was published: fix the errors above first",
        "statistik memerlukan konten yang diterbitkan: perbaiki dulu kesalahan di atas",
    ),
    "stats_unreadable": (
        "{count} lines are not in Common or Combined Log Format and were skipped (this is the first)",
        "{count} baris bukan Common atau Combined Log Format dan dilewati (ini yang pertama)",
    ),
    "stats_written": ("wrote {csv} and {html}", "menulis {csv} dan {html}"),
    # the editor
    "new_slug_bad": (
        "'{value}' cannot be a page address: use lowercase letters, digits and hyphens, e.g. kampung-keramik",
        "'{value}' tidak bisa jadi alamat halaman: pakai huruf kecil, angka, dan tanda hubung, misalnya "
        "kampung-keramik",
    ),
    "new_slug_taken": (
        "the address '{value}' is already used; choose another",
        "alamat '{value}' sudah dipakai; pilih yang lain",
    ),
    "upload_too_big": (
        "the photo is {mb} MB; a photo may be at most {max} MB (save it smaller, e.g. 3000 px wide)",
        "foto ini {mb} MB; foto paling besar {max} MB (simpan ulang lebih kecil, misalnya lebar 3000 px)",
    ),
    "upload_not_photo": (
        "this file is not a photo the guide can use ({detail}); send a JPEG, PNG or WebP photo",
        "berkas ini bukan foto yang bisa dipakai panduan ({detail}); kirim foto JPEG, PNG, atau WebP",
    ),
    # YAML mistakes, explained (load/yamlerrors.py), and fixes for the common slips of an editor
    "yaml_unclosed_quote": (
        "the quote {quote} opened on this line is never closed, so the lines after it are read as text; "
        "end the text with {quote} on this line, write: {fix}",
        "tanda kutip {quote} yang dibuka di baris ini tidak pernah ditutup, sehingga baris-baris sesudahnya "
        "ikut terbaca sebagai teks; tutup teksnya dengan {quote} di baris ini, tulis: {fix}",
    ),
    "yaml_escape": (
        "inside double quotes a backslash \\ starts a special character; use single quotes instead, write: {fix}",
        "di dalam tanda kutip ganda, garis miring terbalik \\ memulai karakter khusus; "
        "pakai tanda kutip tunggal, tulis: {fix}",
    ),
    "yaml_unclosed_bracket": (
        "the {open} opened on this line is not closed; add {close} at the end of the line "
        "(and put a text that contains a comma in quotes)",
        "tanda {open} yang dibuka di baris ini tidak ditutup; tambahkan {close} di akhir baris "
        "(dan beri tanda kutip pada teks yang memuat koma)",
    ),
    "yaml_flow_text": (
        "inside {open} … {close}, commas and ': ' separate the entries; put a text that contains a comma "
        'or a colon in quotes, e.g. "Jalan Kenanga, Kota Mojokerto", or write each entry on its own line',
        "di dalam {open} … {close}, koma dan ': ' memisahkan isinya; beri tanda kutip pada teks yang memuat "
        'koma atau titik dua, misalnya "Jalan Kenanga, Kota Mojokerto", atau tulis setiap isian di barisnya sendiri',
    ),
    "yaml_no_colon": (
        "a field needs ': ' after its name (name: value); add the colon, or put # in front if the line is a note",
        "kolom perlu ': ' setelah namanya (nama: isi); tambahkan titik dua, "
        "atau beri # di depan jika baris ini catatan",
    ),
    "yaml_colon_space": ("write a space after the colon: {fix}", "tulis spasi setelah titik dua: {fix}"),
    "yaml_block_indicator": (
        "nothing may follow {indicator} on its line; start the text on the next line, two spaces further in",
        "setelah {indicator} tidak boleh ada apa pun di baris yang sama; mulai teksnya di baris berikutnya, "
        "menjorok dua spasi",
    ),
    "yaml_second_document": (
        "the line '---' starts a second document, and a content file holds one; remove the line",
        "baris '---' memulai dokumen kedua, padahal berkas konten hanya berisi satu; hapus baris itu",
    ),
    "yaml_colon_in_text": (
        "the text contains ': ', which YAML reads as the start of a field; put the whole text in quotes, write: {fix}",
        "teksnya memuat ': ', yang dibaca YAML sebagai awal kolom baru; "
        "beri tanda kutip pada seluruh teks, tulis: {fix}",
    ),
    "yaml_colon_in_long_text": (
        "this line of a text contains ': ', which YAML reads as the start of a field; put the whole text in "
        "quotes, from its first line to its last",
        "baris teks ini memuat ': ', yang dibaca YAML sebagai awal kolom baru; beri tanda kutip pada seluruh "
        "teks, dari baris pertama sampai terakhir",
    ),
    "yaml_reserved_start": (
        "in YAML a text cannot begin with {char}; put it in quotes, write: {fix}",
        "di YAML teks tidak boleh diawali {char}; beri tanda kutip, tulis: {fix}",
    ),
    "yaml_after_quote": (
        "the text goes on after its closing quote {quote}; put the whole text in quotes, "
        "with the other kind of quote inside, write: {fix}",
        "teksnya masih berlanjut setelah tanda kutip penutup {quote}; beri tanda kutip pada seluruh teks, "
        "dengan jenis kutip yang lain di dalamnya, tulis: {fix}",
    ),
    "yaml_after_bracket": (
        "something follows the closing {close} on this line; remove it, or put the whole text in quotes",
        "ada tulisan setelah tanda penutup {close} di baris ini; hapus, atau beri tanda kutip pada seluruh teks",
    ),
    "yaml_item_here": (
        "a list item ('- ') cannot stand here; put it under the field it belongs to, two spaces further in "
        "than that field, or remove the '- '",
        "butir daftar ('- ') tidak bisa berdiri di sini; letakkan di bawah kolom pemiliknya, menjorok dua spasi "
        "dari kolom itu, atau hapus '- '",
    ),
    "yaml_indent": (
        "the indentation of this line ({spaces} spaces) lines up with no field above it; fields that belong "
        "together start with the same number of spaces: use {choices} spaces",
        "baris ini diawali {spaces} spasi dan tidak sejajar dengan kolom mana pun di atasnya; kolom yang "
        "setingkat diawali jumlah spasi yang sama: jadikan {choices} spasi",
    ),
    "yaml_dash_space": (
        "write a space after the '-' of a list item: {fix}",
        "tulis spasi setelah '-' butir daftar: {fix}",
    ),
    "yaml_indent_text": (
        "this line of the text starts with {spaces} spaces, fewer than the text's first line; "
        "start every line of the text with {choices} spaces",
        "baris teks ini diawali {spaces} spasi, lebih sedikit dari baris pertama teksnya; "
        "awali setiap baris teks dengan {choices} spasi",
    ),
    "text_comma": (
        "the comma after '{before}' ends the {lang} text, so '{key}' is read as another language; "
        'put the text in quotes ({lang}: "{before}, {key}") or write each language on its own line',
        "koma setelah '{before}' mengakhiri teks {lang}, sehingga '{key}' terbaca sebagai bahasa lain; "
        'beri tanda kutip ({lang}: "{before}, {key}") atau tulis setiap bahasa di barisnya sendiri',
    ),
    "price_thousands": (
        "{typed} reads as the number {value} (in YAML a dot is a decimal point); "
        "for {guess} rupiah write {guess}, without a dot",
        "{typed} terbaca sebagai angka {value} (di YAML titik adalah tanda desimal); "
        "untuk {guess} rupiah tulis {guess}, tanpa titik",
    ),
    "clock_number": (
        '{typed} reads as a number, not a time; write the time with a colon, in quotes: "{fix}"',
        '{typed} terbaca sebagai angka, bukan jam; tulis jamnya dengan titik dua, dalam tanda kutip: "{fix}"',
    ),
    "hours_fix": (
        "'{part}' is not understood: times are written with two digits and a colon; write: {fix}",
        "'{part}' tidak dipahami: jam ditulis dengan dua angka dan titik dua; tulis: {fix}",
    ),
    "photo_missing_suggest": (
        "the photo '{file}' is not in {folder}; did you mean '{suggestion}'? Write the name exactly as in the folder",
        "foto '{file}' tidak ada di {folder}; maksud Anda '{suggestion}'? Tulis namanya persis seperti di folder itu",
    ),
    "price_dots": (
        "{typed} is text for YAML, not a number; for {guess} rupiah write {guess}, without dots or 'Rp'",
        "{typed} terbaca sebagai teks, bukan angka; untuk {guess} rupiah tulis {guess}, tanpa titik atau 'Rp'",
    ),
    "required_empty": ("this field is still empty; fill it in", "kolom ini masih kosong; isilah"),
    "required_category": (
        "write the kampung's category here, one of the ids in categories.yaml: {known}",
        "isi dengan kategori kampung ini, salah satu id di categories.yaml: {known}",
    ),
    "placeholder": (
        "'...' is still to be filled in; write what is true of this kampung, or put # back in front "
        "of the field if you do not know it",
        "'...' masih harus diisi; tulis yang benar tentang kampung ini, atau beri lagi tanda # di depan "
        "kolomnya jika belum tahu",
    ),
    "placeholder_required": (
        "this is still the example text of the new file; replace it with this kampung's own text",
        "ini masih teks contoh dari berkas baru; ganti dengan teks tentang kampung ini",
    ),
    "office_website_only": (
        "the pages tell visitors to ask the tourism office, but it has only a website here; add a way to "
        "ask it directly: contact.whatsapp, contact.phone or contact.email",
        "halaman-halaman meminta wisatawan bertanya ke dinas pariwisata, tetapi di sini dinas hanya punya situs "
        "web; tambahkan cara bertanya langsung: contact.whatsapp, contact.phone, atau contact.email",
    ),
    "office_no_contact": (
        "the pages tell visitors to ask the tourism office, but site.yaml gives no way to reach it; add "
        "contact.whatsapp, contact.phone or contact.email",
        "halaman-halaman meminta wisatawan bertanya ke dinas pariwisata, tetapi site.yaml tidak memuat cara "
        "menghubunginya; tambahkan contact.whatsapp, contact.phone, atau contact.email",
    ),
    # the disk refuses the site (write/output.py)
    "write_disk_full": (
        "the disk is full, so the site could not be written to {out}; free some space (or choose another "
        "--out) and build again",
        "disk penuh, sehingga situs tidak bisa ditulis ke {out}; kosongkan sebagian ruang (atau pilih --out "
        "lain) lalu jalankan lagi",
    ),
    "write_read_only": (
        "{folder} is on a disk that can only be read, so the site could not be written to {out}; choose another --out",
        "{folder} ada di disk yang hanya bisa dibaca, sehingga situs tidak bisa ditulis ke {out}; pilih --out lain",
    ),
    "write_permission": (
        "there is no permission to write in {folder}, so the site could not be written to {out}; choose "
        "another --out, or ask for permission to write in that folder",
        "tidak ada izin menulis di {folder}, sehingga situs tidak bisa ditulis ke {out}; pilih --out lain, "
        "atau minta izin menulis di folder itu",
    ),
    "write_failed": (
        "the site could not be written to {out} ({detail})",
        "situs tidak bisa ditulis ke {out} ({detail})",
    ),
    # issue #20: sources and who arranges visits
    "no_sources": (
        "no source for what this file states ({facts}); add sources: a list of {{title, url, date}} of the "
        "reports it comes from, so visitors can tell a checked fact from a guess",
        "belum ada sumber untuk isi berkas ini ({facts}); tambahkan sources: daftar {{title, url, date}} dari "
        "berita atau laporan asalnya, agar wisatawan bisa membedakan fakta yang sudah diperiksa dari dugaan",
    ),
    "organiser_no_contact": (
        "the page tells visitors to ask {name}, but gives no way to reach them; add arranged_by.whatsapp, "
        "arranged_by.phone or arranged_by.email",
        "halaman meminta wisatawan bertanya ke {name}, tetapi tidak memuat cara menghubunginya; tambahkan "
        "arranged_by.whatsapp, arranged_by.phone, atau arranged_by.email",
    ),
    "organiser_website_only": (
        "the page tells visitors to ask {name}, who has only a website here; add a way to ask directly: "
        "arranged_by.whatsapp, arranged_by.phone or arranged_by.email",
        "halaman meminta wisatawan bertanya ke {name}, yang di sini hanya punya situs web; tambahkan cara "
        "bertanya langsung: arranged_by.whatsapp, arranged_by.phone, atau arranged_by.email",
    ),
}


def format_message(key: str, params: Mapping[str, object], lang: str) -> str:
    """The message `key` in `lang` (English when `lang` has no catalogue), filled with `params`."""
    index = 1 if lang == "id" else 0
    filled = {k: (KINDS[v][index] if k == "got" and v in KINDS else v) for k, v in params.items()}
    for name, value in filled.items():
        if isinstance(value, tuple):  # choices: "2", "0 or 2"
            filled[name] = (" or ", " atau ")[index].join(str(v) for v in value)
    return MESSAGES[key][index].format(**filled)
