"""The editor's own words, in Indonesian and English (problem messages come from util/messages.py)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "id": {
        # every page
        "editor": "Editor panduan",
        "skip": "Langsung ke isi",
        "editor_menu": "Menu editor",
        "contents": "Isi panduan",
        "publish": "Terbitkan",
        "view_site": "Lihat situs",
        "back": "Kembali",
        "back_to_contents": "Kembali ke isi panduan",
        "not_found": "Tidak ditemukan",
        "edit_page": "✎ Ubah di editor",
        "open_editor": "✎ Buka editor",
        "not_found_text": "Tidak ada isi dengan alamat ini. Mungkin berkasnya sudah dihapus atau diganti namanya.",
        # the list
        "kampung_heading": "Kampung ({n})",
        "new_kampung": "Kampung baru",
        "categories_heading": "Kategori",
        "new_category": "Kategori baru",
        "routes_heading": "Rute",
        "new_route": "Rute baru",
        "pages_heading": "Halaman",
        "new_page": "Halaman baru",
        "settings_heading": "Pengaturan situs",
        "site_settings": "Pengaturan situs",
        "none_yet": "Belum ada.",
        "view": "Lihat",
        "filter_label": "Filter daftar kampung",
        "n_errors": "{n} kesalahan",
        "n_errors_1": "1 kesalahan",
        "n_warnings": "{n} peringatan",
        "n_warnings_1": "1 peringatan",
        "n_untranslated": "{n} belum diterjemahkan",
        "site_has_errors": "Situs belum bisa dibuat: ada {n} kesalahan. Buka isi yang bertanda merah dan perbaiki.",
        "site_has_errors_1": "Situs belum bisa dibuat: ada 1 kesalahan. Buka isi yang bertanda merah dan perbaiki.",
        # the form
        "view_in_preview": "Lihat di pratinjau",
        "edit_as_text": "Ubah sebagai teks",
        "required": "(wajib)",
        "required_note": (
            "Kolom bertanda (wajib) harus diisi. Yang belum Anda ketahui biarkan kosong: halaman akan meminta "
            "wisatawan bertanya kepada dinas pariwisata."
        ),
        "save": "Simpan",
        "saved": "Tersimpan. Pratinjau sudah diperbarui.",
        "undo": "Batalkan simpanan terakhir",
        "undone_1": "Simpanan terakhir sudah dibatalkan; berkas kembali seperti sebelumnya.",
        "undone_0": "Simpanan terakhir tidak bisa dibatalkan lagi: berkasnya sudah diubah sesudahnya.",
        "not_saved_yet": "Belum disimpan.",
        "not_saved_errors": "Belum disimpan: perbaiki dulu kesalahan yang ditandai. Isian Anda tetap di formulir.",
        "summary_errors": "Perbaiki hal berikut, lalu simpan lagi:",
        "whole_file": "Berkas",
        "no_problems": "Tidak ada masalah",
        "other_files": "Berkas lain punya kesalahan, jadi situs belum bisa dibuat:",
        "error_prefix": "Kesalahan:",
        "warning_prefix": "Peringatan:",
        "add_item": "Tambah {item}",
        "up": "Naik",
        "down": "Turun",
        "remove": "Hapus",
        "move_up": "Naik: {item}",
        "move_down": "Turun: {item}",
        "remove_item": "Hapus: {item}",
        "choose": "— pilih —",
        "unknown_choice": "{value} (tidak dikenal)",
        "untranslated_note": "Belum diterjemahkan; pengunjung melihat teks utama: “{text}”",
        "price_low": "Harga, atau harga terendah",
        "price_high": "Harga tertinggi (untuk rentang)",
        "md_hint": "Markdown: baris kosong memisahkan paragraf; **tebal**, *miring*, ### Subjudul, - daftar.",
        "md_preview": "Pratinjau",
        "md_preview_of": "Pratinjau: {field}",
        "form_parts": "Bagian formulir",
        "fill_required": "Isi kolom bertanda (wajib), lalu simpan.",
        "hours_means": "Artinya:",
        "hours_empty": "Tulis misalnya Mo-Sa 08:00-16:00; Su off (Mo Tu We Th Fr Sa Su = Senin sampai Minggu).",
        "slug_kampung": "Alamat halaman",
        "slug_route": "Alamat halaman",
        "slug_category": "Kode kategori",
        "slug_page": "Alamat halaman",
        "slug_help_kampung": (
            "Huruf kecil, angka, dan tanda hubung, misalnya keramik: halamannya menjadi /kampung/keramik/. Tidak bisa "
            "diubah setelah disimpan."
        ),
        "slug_help_route": (
            "Huruf kecil, angka, dan tanda hubung, misalnya jalan-pagi: halamannya menjadi /rencana/jalan-pagi/."
        ),
        "slug_help_category": (
            "Huruf kecil, angka, dan tanda hubung, misalnya gerabah. Profil kampung memakai kode ini."
        ),
        "slug_help_page": (
            "Huruf kecil, angka, dan tanda hubung, misalnya cara-ke-sana: halamannya menjadi /cara-ke-sana/."
        ),
        "page_body": "Isi halaman",
        "page_body_help": "Teks halaman, dalam Markdown.",
        "add_photo": "Tambah foto (dari berkas atau kamera)",
        "upload_help": (
            "JPEG, PNG, atau WebP, paling besar {max} MB. Lokasi GPS dan data kamera dihapus sebelum foto disimpan."
        ),
        "upload_send": "Unggah foto",
        "upload_noscript": "Tanpa JavaScript, isian yang belum disimpan hilang saat mengunggah; simpan dulu.",
        "upload_none": "Tidak ada foto yang dikirim.",
        "upload_failed": "Foto tidak tersimpan",
        "upload_back": "Kembali ke formulir dan pilih foto lain.",
        "uploading": "Mengunggah foto…",
        "photo_too_big": "Foto ini lebih dari {max} MB dan tidak dikirim. Pilih foto yang lebih kecil.",
        "unknown_title": "Kolom yang tidak dikenal",
        "unknown_help": "Berkas ini punya kolom yang tidak dikenal panduan. Selama ada, berkas tidak bisa disimpan.",
        "unknown_drop": "Hapus kolom {field} saat menyimpan",
        # the pin map
        "pin_help": (
            "Klik peta atau geser pin untuk menaruh lokasi kampung; lintang dan bujur terisi sendiri. Dengan papan "
            "ketik: geser peta dengan tombol panah, lalu tekan “Taruh pin di tengah peta”."
        ),
        "pin_center": "Taruh pin di tengah peta",
        "pin_label": "Lokasi kampung (geser untuk memindah)",
        "pin_moved": "Pin dipindah ke {lat}, {lon}.",
        "map_offline": (
            "Tanpa internet: peta dasar tidak tampil, tetapi pin dan kolom lintang/bujur tetap bisa dipakai."
        ),
        "search_label": "Cari alamat (perlu internet)",
        "search_button": "Cari",
        "search_help": (
            "Pencarian memakai Nominatim dari OpenStreetMap. Pilih hasilnya untuk memindah pin, lalu periksa di peta."
        ),
        "search_searching": "Mencari…",
        "search_none": "Tidak ada hasil. Coba nama kelurahan atau jalan.",
        "search_offline": (
            "Pencarian alamat perlu internet. Taruh pin dengan mengklik peta, atau ketik lintang dan bujur."
        ),
        # checking as you type
        "saving": "Menyimpan…",
        "unsaved": "Ada perubahan yang belum disimpan.",
        "item_added": "Ditambahkan: {item}.",
        "item_removed": "Dihapus.",
        "item_moved": "Dipindahkan.",
        # a change on disk meanwhile
        "conflict": "Belum disimpan: berkas ini diubah di tempat lain sejak formulir dibuka. Tidak ada yang ditimpa.",
        "conflict_gone": "Belum disimpan: berkas ini sudah dihapus di tempat lain sejak formulir dibuka.",
        "conflict_title": "Berkas ini berubah sejak Anda membukanya",
        "conflict_text": (
            "Seseorang (rekan kerja, editor teks, atau git pull) mengubah berkas ini. Di bawah ini bedanya: isian Anda "
            "masih ada di formulir."
        ),
        "diff_theirs": "− baris di berkas sekarang",
        "diff_mine": "+ baris dari formulir Anda",
        "conflict_whole": "Lihat seluruh berkas seperti sekarang",
        "conflict_reload": "Buka berkas seperti sekarang (isian Anda dibuang)",
        "conflict_combine": "Gabungkan perubahan saya ke berkas yang sekarang",
        "combined": "Perubahan Anda sudah digabung dengan berkas yang sekarang. Periksa, lalu simpan.",
        "combined_clash": (
            "Digabung, tetapi kolom ini diubah oleh kedua pihak dan kini berisi isian Anda: {fields}. Periksa, lalu "
            "simpan."
        ),
        # the text editor
        "text_intro": (
            "Berkas ini ditampilkan sebagai teks YAML, persis seperti di editor teks. Simpan hanya bisa jika tidak ada "
            "kesalahan."
        ),
        "text_problems": "Masalah di berkas ini",
        "line_n": "Baris {n}",
        "file_text": "Isi berkas",
        "back_to_form": "Kembali ke formulir",
        # publishing
        "changes_title": "Perubahan yang belum diterbitkan",
        "no_changes": "Tidak ada perubahan sejak terakhir diterbitkan.",
        "ahead": "{n} simpanan sudah dicatat di komputer ini tetapi belum terkirim.",
        "ahead_1": "1 simpanan sudah dicatat di komputer ini tetapi belum terkirim.",
        "changed_fields": "kolom: {fields}",
        "photo_unused": "belum dipakai profil mana pun",
        "status_added": "Baru",
        "status_changed": "Diubah",
        "status_removed": "Dihapus",
        "file_kampung": "Profil kampung",
        "file_photo": "Foto",
        "file_route": "Rute",
        "file_page": "Halaman",
        "file_categories": "Kategori",
        "file_site": "Pengaturan situs",
        "file_other": "Berkas",
        "message_label": "Keterangan singkat",
        "message_help": "Apa yang diubah, misalnya “Jam buka Kampung Onde-onde”.",
        "author_label": "Nama Anda",
        "email_label": "E-mail Anda",
        "email_help": "Dicatat bersama perubahan, agar rekan tahu siapa yang mengubah.",
        "publish_button": "Terbitkan ke {remote}",
        "publish_blocked": "Belum bisa diterbitkan: situs punya {n} kesalahan dan tidak akan terbentuk. Perbaiki dulu:",
        "publish_blocked_1": "Belum bisa diterbitkan: situs punya 1 kesalahan dan tidak akan terbentuk. Perbaiki dulu:",
        "publish_update": "Ambil perubahan mereka, lalu terbitkan lagi",
        "git_output": "Jawaban git selengkapnya",
        "no_git_title": "Cara menerbitkan",
        "no_git_text": (
            "Folder konten ini tidak ada di repositori git, jadi editor tidak bisa menerbitkan sendiri. Terbitkan "
            "begini:"
        ),
        "no_git_step1": "Buat situs dengan alamat publiknya:",
        "no_git_step2": "Unggah seluruh isi folder _site/ ke hosting statis (lihat bagian Deploying di README).",
        "no_git_step3": (
            "Atau simpan proyek ini di git dengan remote (misalnya GitHub Pages); tombol Terbitkan lalu muncul di sini."
        ),
        "outcome_published": (
            "Terbit: {n} simpanan terkirim ke {remote}. Situs publik diperbarui saat hosting membuatnya ulang (GitHub "
            "Pages: beberapa menit)."
        ),
        "outcome_published_1": (
            "Terbit: 1 simpanan terkirim ke {remote}. Situs publik diperbarui saat hosting membuatnya ulang (GitHub "
            "Pages: beberapa menit)."
        ),
        "outcome_nothing": "Tidak ada yang perlu dikirim: semuanya sudah terbit.",
        "outcome_rejected": (
            "Belum terbit: orang lain sudah menerbitkan perubahan lebih dulu. Ambil perubahan mereka, lalu terbitkan "
            "lagi."
        ),
        "outcome_login": (
            "Belum terbit: git tidak bisa masuk ke {remote}. Minta orang yang memasang komputer ini memeriksa akses "
            "(kata sandi, token, atau kunci SSH)."
        ),
        "outcome_network": (
            "Belum terbit: {remote} tidak bisa dihubungi. Periksa internet, lalu coba lagi. Perubahan Anda tetap "
            "tersimpan di sini."
        ),
        "outcome_failed": (
            "Belum terbit: git menolak. Lihat jawaban git di bawah, atau minta bantuan orang yang memasang komputer "
            "ini."
        ),
        "outcome_no_remote": (
            "Repositori git ini tidak punya remote, jadi tidak ada tujuan penerbitan. Minta pemasangnya menambahkan "
            "remote (git remote add origin …)."
        ),
        "outcome_no_branch": "Belum terbit: repositori tidak berada di cabang (branch) mana pun.",
        "outcome_no_message": "Belum terbit: tulis keterangan singkat tentang apa yang diubah.",
        "outcome_identity": "Belum terbit: git perlu nama dan e-mail Anda. Isi keduanya di bawah, lalu terbitkan lagi.",
        "outcome_overlap": (
            "Belum terbit: perubahan Anda dan perubahan orang lain mengenai baris yang sama. Tidak ada yang diubah; "
            "minta bantuan orang yang paham git."
        ),
        "outcome_site_errors": "Belum terbit: situs punya kesalahan. Perbaiki dulu.",
    },
    "en": {
        "editor": "Guide editor",
        "skip": "Skip to content",
        "editor_menu": "Editor menu",
        "contents": "Contents",
        "publish": "Publish",
        "view_site": "View the site",
        "back": "Back",
        "back_to_contents": "Back to the contents",
        "not_found": "Not found",
        "edit_page": "✎ Edit in the editor",
        "open_editor": "✎ Open the editor",
        "not_found_text": "Nothing has this address. Its file may have been removed or renamed.",
        "kampung_heading": "Kampung ({n})",
        "new_kampung": "New kampung",
        "categories_heading": "Categories",
        "new_category": "New category",
        "routes_heading": "Routes",
        "new_route": "New route",
        "pages_heading": "Pages",
        "new_page": "New page",
        "settings_heading": "Site settings",
        "site_settings": "Site settings",
        "none_yet": "None yet.",
        "view": "View",
        "filter_label": "Filter the kampung",
        "n_errors": "{n} errors",
        "n_errors_1": "1 error",
        "n_warnings": "{n} warnings",
        "n_warnings_1": "1 warning",
        "n_untranslated": "{n} untranslated",
        "site_has_errors": (
            "The site cannot be built: there are {n} errors. Open the entries marked in red and fix them."
        ),
        "site_has_errors_1": "The site cannot be built: there is 1 error. Open the entry marked in red and fix it.",
        "view_in_preview": "View in the preview",
        "edit_as_text": "Edit as text",
        "required": "(required)",
        "required_note": (
            "Fields marked (required) must be filled in. Leave what you do not know empty: the page then asks visitors "
            "to contact the tourism office."
        ),
        "save": "Save",
        "saved": "Saved. The preview shows the change.",
        "undo": "Undo the last save",
        "undone_1": "The last save was undone; the file is as it was before.",
        "undone_0": "The last save can no longer be undone: the file was changed after it.",
        "not_saved_yet": "Not saved yet.",
        "not_saved_errors": "Not saved: fix the marked problems first. What you typed is still in the form.",
        "summary_errors": "Fix these, then save again:",
        "whole_file": "File",
        "no_problems": "No problems",
        "other_files": "Other files have errors, so the site cannot be built:",
        "error_prefix": "Error:",
        "warning_prefix": "Warning:",
        "add_item": "Add {item}",
        "up": "Up",
        "down": "Down",
        "remove": "Remove",
        "move_up": "Up: {item}",
        "move_down": "Down: {item}",
        "remove_item": "Remove: {item}",
        "choose": "— choose —",
        "unknown_choice": "{value} (not known)",
        "untranslated_note": "Not translated yet; visitors see the main text: “{text}”",
        "price_low": "Price, or lowest price",
        "price_high": "Highest price (for a range)",
        "md_hint": "Markdown: an empty line between paragraphs; **bold**, *italic*, ### Subheading, - list.",
        "md_preview": "Preview",
        "md_preview_of": "Preview: {field}",
        "form_parts": "Parts of the form",
        "fill_required": "Fill in the fields marked (required), then save.",
        "hours_means": "This means:",
        "hours_empty": "Write for example Mo-Sa 08:00-16:00; Su off (Mo Tu We Th Fr Sa Su: Monday to Sunday).",
        "slug_kampung": "Page address",
        "slug_route": "Page address",
        "slug_category": "Category code",
        "slug_page": "Page address",
        "slug_help_kampung": (
            "Lowercase letters, digits and hyphens, e.g. keramik: the page becomes /kampung/keramik/. It cannot be "
            "changed once saved."
        ),
        "slug_help_route": (
            "Lowercase letters, digits and hyphens, e.g. morning-walk: the page becomes /rencana/morning-walk/."
        ),
        "slug_help_category": (
            "Lowercase letters, digits and hyphens, e.g. pottery. Profiles refer to the category by this code."
        ),
        "slug_help_page": (
            "Lowercase letters, digits and hyphens, e.g. getting-there: the page becomes /getting-there/."
        ),
        "page_body": "Page text",
        "page_body_help": "The page's text, in Markdown.",
        "add_photo": "Add a photo (from a file or the camera)",
        "upload_help": (
            "JPEG, PNG or WebP, at most {max} MB. The GPS position and camera data are removed before the photo is "
            "stored."
        ),
        "upload_send": "Upload the photo",
        "upload_noscript": "Without JavaScript, what is not saved yet is lost when uploading; save first.",
        "upload_none": "No photo was sent.",
        "upload_failed": "The photo was not stored",
        "upload_back": "Go back to the form and choose another photo.",
        "uploading": "Uploading the photo…",
        "photo_too_big": "This photo is larger than {max} MB and was not sent. Choose a smaller one.",
        "unknown_title": "Fields the guide does not know",
        "unknown_help": "This file has fields the guide does not know. While they are there, the file cannot be saved.",
        "unknown_drop": "Remove the field {field} when saving",
        "pin_help": (
            "Click the map or drag the pin to place the kampung; latitude and longitude fill in by themselves. With "
            "the keyboard: move the map with the arrow keys, then press “Put the pin at the map's centre”."
        ),
        "pin_center": "Put the pin at the map's centre",
        "pin_label": "The kampung's location (drag to move)",
        "pin_moved": "Pin moved to {lat}, {lon}.",
        "map_offline": (
            "No internet: the base map is not shown, but the pin and the latitude and longitude fields still work."
        ),
        "search_label": "Search an address (needs internet)",
        "search_button": "Search",
        "search_help": (
            "The search uses OpenStreetMap's Nominatim. Choose a result to move the pin, then check it on the map."
        ),
        "search_searching": "Searching…",
        "search_none": "No results. Try the name of the kelurahan or the street.",
        "search_offline": (
            "The address search needs internet. Place the pin by clicking the map, or type the latitude and longitude."
        ),
        "saving": "Saving…",
        "unsaved": "There are changes not saved yet.",
        "item_added": "Added: {item}.",
        "item_removed": "Removed.",
        "item_moved": "Moved.",
        "conflict": "Not saved: this file was changed elsewhere since the form was opened. Nothing was overwritten.",
        "conflict_gone": "Not saved: this file was removed elsewhere since the form was opened.",
        "conflict_title": "This file changed since you opened it",
        "conflict_text": (
            "Someone (a colleague, a text editor, a git pull) changed this file. Below is the difference; what you "
            "typed is still in the form."
        ),
        "diff_theirs": "− lines in the file now",
        "diff_mine": "+ lines from your form",
        "conflict_whole": "See the whole file as it is now",
        "conflict_reload": "Open the file as it is now (discards what you typed)",
        "conflict_combine": "Put my changes onto the file as it is now",
        "combined": "Your changes were combined with the file as it is now. Check, then save.",
        "combined_clash": (
            "Combined, but both sides changed these fields, which now hold what you typed: {fields}. Check, then save."
        ),
        "text_intro": (
            "This file is shown as YAML text, exactly as in a text editor. It can be saved only without errors."
        ),
        "text_problems": "Problems in this file",
        "line_n": "Line {n}",
        "file_text": "The file's text",
        "back_to_form": "Back to the form",
        "changes_title": "Changes not yet published",
        "no_changes": "Nothing changed since the last publish.",
        "ahead": "{n} saved changes are recorded on this computer but not sent yet.",
        "ahead_1": "1 saved change is recorded on this computer but not sent yet.",
        "changed_fields": "fields: {fields}",
        "photo_unused": "not used by any profile yet",
        "status_added": "New",
        "status_changed": "Changed",
        "status_removed": "Removed",
        "file_kampung": "Kampung profile",
        "file_photo": "Photo",
        "file_route": "Route",
        "file_page": "Page",
        "file_categories": "Categories",
        "file_site": "Site settings",
        "file_other": "File",
        "message_label": "Short description",
        "message_help": "What changed, e.g. “Opening hours of Kampung Onde-onde”.",
        "author_label": "Your name",
        "email_label": "Your e-mail",
        "email_help": "Recorded with the change, so colleagues know who made it.",
        "publish_button": "Publish to {remote}",
        "publish_blocked": "Cannot publish yet: the site has {n} errors and would not build. Fix them first:",
        "publish_blocked_1": "Cannot publish yet: the site has 1 error and would not build. Fix it first:",
        "publish_update": "Take in their changes, then publish again",
        "git_output": "git's full answer",
        "no_git_title": "How to publish",
        "no_git_text": (
            "This content folder is not in a git repository, so the editor cannot publish by itself. Publish like this:"
        ),
        "no_git_step1": "Build the site with its public address:",
        "no_git_step2": "Upload everything in the _site/ folder to a static host (see Deploying in the README).",
        "no_git_step3": (
            "Or keep this project in git with a remote (GitHub Pages, say); the Publish button then appears here."
        ),
        "outcome_published": (
            "Published: {n} saved changes sent to {remote}. The public site updates when the host rebuilds it (GitHub "
            "Pages: a few minutes)."
        ),
        "outcome_published_1": (
            "Published: 1 saved change sent to {remote}. The public site updates when the host rebuilds it (GitHub "
            "Pages: a few minutes)."
        ),
        "outcome_nothing": "Nothing to send: everything is published.",
        "outcome_rejected": (
            "Not published: someone else published changes first. Take in their changes, then publish again."
        ),
        "outcome_login": (
            "Not published: git could not log in to {remote}. Ask whoever set up this computer to check the access "
            "(password, token or SSH key)."
        ),
        "outcome_network": (
            "Not published: {remote} cannot be reached. Check the internet connection and try again. Your changes stay "
            "saved here."
        ),
        "outcome_failed": "Not published: git refused. See git's answer below, or ask whoever set up this computer.",
        "outcome_no_remote": (
            "This git repository has no remote, so there is nowhere to publish to. Ask whoever set it up to add one "
            "(git remote add origin …)."
        ),
        "outcome_no_branch": "Not published: the repository is not on a branch.",
        "outcome_no_message": "Not published: write a short description of what changed.",
        "outcome_identity": "Not published: git needs your name and e-mail. Fill in both below, then publish again.",
        "outcome_overlap": (
            "Not published: your changes and someone else's touch the same lines. Nothing was changed; ask someone who "
            "knows git for help."
        ),
        "outcome_site_errors": "Not published: the site has errors. Fix them first.",
    },
}


def word(lang: str, key: str, **params: object) -> str:
    """The editor's word `key` in `lang` (English when the language has none), filled with `params`;
    with `n=1`, the key's singular (`key_1`) where it has one."""
    words = WORDS.get(lang, WORDS["en"])
    text = words.get(key + "_1", words[key]) if params.get("n") == 1 else words[key]
    return text.format(**params) if params else text
