"""What the editor calls each content field, in English and Indonesian.

The fields themselves, their kinds and their English descriptions come from the content format
(validate/schema.py); this table adds what a form needs on top: a short label in both languages,
the Indonesian description, and for lists the word for one item. A test keeps it in step with the
schema: every field has an entry here and every entry a field.
"""

from __future__ import annotations

from typing import NamedTuple

from ..render.i18n import language


class Words(NamedTuple):
    en: str
    id: str
    id_description: str
    item: tuple[str, str] | None = None  # lists: one item, English and Indonesian
    en_description: str = ""  # instead of the schema's, where that speaks of YAML and the form has a control

    def label(self, lang: str) -> str:
        return self.id if lang == "id" else self.en

    def item_label(self, lang: str) -> str:
        en, id_ = self.item or (self.en, self.id)
        return id_ if lang == "id" else en


W = Words


def office_ways(prefix: str) -> dict[str, Words]:
    """The words of an office's ways to be reached (the site's tourism office, whoever arranges a
    kampung's visits, an event's organiser: one model shape), under the field `prefix`."""
    return {
        f"{prefix}.whatsapp": W("WhatsApp", "WhatsApp", "Nomor HP Indonesia di WhatsApp."),
        f"{prefix}.phone": W("Telephone", "Telepon", "Nomor telepon."),
        f"{prefix}.email": W("E-mail", "E-mail", "Alamat e-mail."),
        f"{prefix}.website": W("Website", "Situs web", "Situs web."),
    }


FIELDS: dict[str, dict[str, Words]] = {
    "kampung": {
        "name": W("Name", "Nama", "Nama kampung."),
        "category": W(
            "Category",
            "Kategori",
            "Jenis produk kampung ini. Kategori baru dibuat di daftar Kategori.",
            en_description="What the kampung makes. New categories are made in the list of categories.",
        ),
        "summary": W("Summary", "Ringkasan", "Satu kalimat: apa yang dibuat di sini dan mengapa perlu dikunjungi."),
        "description": W("Description", "Deskripsi", "Cerita kampung ini, dalam Markdown."),
        "location": W("Location", "Lokasi", "Letak kampung."),
        "location.lat": W(
            "Latitude", "Garis lintang", "Lintang dalam derajat desimal, -90 sampai 90 (selatan negatif)."
        ),
        "location.lon": W("Longitude", "Garis bujur", "Bujur dalam derajat desimal, -180 sampai 180."),
        "location.address": W(
            "Address", "Alamat", "Alamat seperti yang ditanyakan wisatawan: kelurahan, kecamatan, kota."
        ),
        "location.approximate": W(
            "The pin is approximate",
            "Pin hanya perkiraan",
            "Centang jika pin menandai area, bukan pintu rumah produksi; halaman lalu menjelaskannya.",
            en_description="Tick when the pin marks the area, not the exact door; the page then says so.",
        ),
        "opening_hours": W(
            "Opening hours", "Jam buka", "Format opening_hours OpenStreetMap, misalnya 'Mo-Sa 08:00-16:00; Su off'."
        ),
        "making": W(
            "Watch it being made",
            "Lihat proses pembuatan",
            "Apa yang bisa dilihat saat dibuat, dan kapan; tulis hanya yang diketahui.",
            ("Making", "Proses"),
        ),
        "making[].what": W(
            "What is made", "Yang dibuat", "Apa yang dibuat, misalnya 'onde-onde' atau 'batik: mencanting'."
        ),
        "making[].hours": W(
            "When it can be watched",
            "Kapan bisa dilihat",
            "Dalam format jam buka, misalnya 'Mo-Sa 04:00-08:00'. Kosongkan jika belum diketahui pasti.",
        ),
        "making[].note": W(
            "What is known",
            "Yang diketahui",
            "Yang hanya diketahui kira-kira, misalnya 'paling ramai sejak pukul 04.00'.",
        ),
        "products": W("Products", "Produk", "Apa yang dibuat dan dijual di sini.", ("Product", "Produk")),
        "products[].name": W("Name", "Nama", "Nama produknya."),
        "products[].price_idr": W(
            "Price (Rp)", "Harga (Rp)", "Harga dalam rupiah bulat, atau rentang. Tulis 25000, bukan 25.000."
        ),
        "products[].description": W("Description", "Keterangan", "Satu baris tentang produk ini."),
        "experiences": W(
            "Experiences and classes",
            "Kegiatan dan kelas",
            "Kelas dan kunjungan yang bisa diikuti wisatawan.",
            ("Experience", "Kegiatan"),
        ),
        "experiences[].name": W("Name", "Nama", "Apa yang bisa dilakukan atau dipelajari pengunjung."),
        "experiences[].duration_minutes": W("Duration (minutes)", "Lama (menit)", "Berapa lama, dalam menit."),
        "experiences[].price_idr": W(
            "Price per person (Rp)", "Harga per orang (Rp)", "Harga per orang dalam rupiah bulat, atau rentang."
        ),
        "experiences[].booking": W(
            "Booking", "Cara memesan", "Cara memesan, misalnya surat permohonan atau pesan sehari sebelumnya."
        ),
        "experiences[].description": W("Description", "Keterangan", "Satu baris tentang kegiatan ini."),
        "experiences[].schedule": W(
            "Schedule",
            "Jadwal",
            "Kapan kegiatan berlangsung (untuk kalender): hari mingguan atau tanggal tertentu.",
            ("Session", "Jadwal"),
        ),
        "experiences[].schedule[].days": W("Days (weekly)", "Hari (mingguan)", "Mingguan: hari-hari kegiatannya."),
        "experiences[].schedule[].date": W("Date (once)", "Tanggal (sekali)", "Sekali saja: tanggalnya."),
        "experiences[].schedule[].start": W("Start", "Mulai", "Jam mulai, WIB (Asia/Jakarta)."),
        "experiences[].schedule[].end": W("End", "Selesai", "Jam selesai."),
        "experiences[].schedule[].from": W("From", "Mulai tanggal", "Khusus mingguan: tanggal pertama."),
        "experiences[].schedule[].until": W("Until", "Sampai tanggal", "Khusus mingguan: tanggal terakhir."),
        "contact": W("Contact", "Kontak", "Cara wisatawan menghubungi kampung; semua kolom boleh kosong."),
        "contact.whatsapp": W(
            "WhatsApp", "WhatsApp", "Nomor HP Indonesia di WhatsApp: 0812 3456 7890 atau +62 812-3456-7890."
        ),
        "contact.phone": W("Telephone", "Telepon", "Nomor telepon."),
        "contact.instagram": W("Instagram", "Instagram", "Nama akun Instagram."),
        "contact.website": W("Website", "Situs web", "Alamat situs web, diawali https://."),
        "contact.email": W("E-mail", "E-mail", "Alamat e-mail."),
        "photos": W(
            "Photos", "Foto", "Foto di content/images/, masing-masing dengan teks alternatif.", ("Photo", "Foto")
        ),
        "photos[].file": W(
            "File", "Berkas", "Nama berkas di content/images/.", en_description="The photo's file in content/images/."
        ),
        "photos[].alt": W(
            "What the photo shows", "Isi foto", "Apa yang tampak di foto, bagi pengunjung yang tidak bisa melihatnya."
        ),
        "photos[].credit": W("Credit", "Sumber foto", "Siapa yang memotret."),
        "tags": W(
            "Search words", "Kata kunci", "Kata untuk pencarian, misalnya batik, kain, oleh-oleh.", ("Word", "Kata")
        ),
        "visit": W(
            "Visiting",
            "Informasi kunjungan",
            "Kesiapan menerima kunjungan: waktu terbaik, pemesanan, rombongan, parkir, pembayaran, fasilitas.",
        ),
        "visit.best_time": W("Best time", "Waktu terbaik", "Kapan datang untuk melihat proses pembuatan."),
        "visit.booking": W("Booking", "Pemesanan", "Cara rombongan memesan, misalnya surat permohonan kepada dinas."),
        "visit.booking_lead_days": W(
            "Book days ahead", "Pesan berapa hari sebelumnya", "Berapa hari sebelumnya harus memesan."
        ),
        "visit.group_max": W(
            "Largest group", "Rombongan terbesar", "Jumlah orang terbanyak yang bisa datang sekaligus."
        ),
        "visit.parking": W("Parking", "Parkir", "Parkir yang tersedia."),
        "visit.payment": W("Payment", "Pembayaran", "Cara pengunjung membayar."),
        "visit.facilities": W("Facilities", "Fasilitas", "Fasilitas yang ada."),
        "visit.wheelchair": W(
            "Wheelchair access", "Akses kursi roda", "Bisa diakses kursi roda: ya, sebagian, atau tidak."
        ),
        # issue #20: who arranges visits, where to buy, sources
        "arranged_by": W(
            "Visits arranged by",
            "Kunjungan diatur oleh",
            "Lembaga yang mengatur kunjungan, dengan kontak resminya (jika kosong: dinas pariwisata).",
        ),
        "arranged_by.name": W("Name", "Nama", "Nama lembaga yang mengatur kunjungan."),
        "arranged_by.short_name": W(
            "Short name",
            "Nama singkat",
            "Nama singkat di dalam kalimat ('tanyakan ke …'), misalnya 'Diskopukmperindag'.",
        ),
        "arranged_by.arranges": W(
            "What they arrange",
            "Yang diatur",
            "Apa yang diatur dan caranya, misalnya 'kunjungan belajar, dengan surat'.",
        ),
        **office_ways("arranged_by"),
        "arranged_by.address": W("Address", "Alamat", "Alamat kantor."),
        "outlets": W(
            "Where to buy",
            "Tempat membeli",
            "Tempat produk kampung ini dijual, masing-masing dengan pin.",
            ("Place to buy", "Tempat membeli"),
        ),
        "outlets[].name": W("Name", "Nama", "Nama tempatnya."),
        "outlets[].location": W("Location", "Lokasi", "Letak tempatnya: pin dan alamat."),
        "outlets[].location.lat": W("Latitude", "Garis lintang", "Lintang dalam derajat desimal."),
        "outlets[].location.lon": W("Longitude", "Garis bujur", "Bujur dalam derajat desimal."),
        "outlets[].location.address": W("Address", "Alamat", "Alamat seperti yang ditanyakan wisatawan."),
        "outlets[].location.approximate": W(
            "The pin is approximate", "Pin hanya perkiraan", "Centang jika pin belum menandai tempat persisnya."
        ),
        "outlets[].sells": W("What is sold", "Yang dijual", "Apa yang dijual di sana."),
        "outlets[].opening_hours": W(
            "Opening hours", "Jam buka", "Jam buka jika diketahui, misalnya 'Mo-Sa 09:00-17:00'."
        ),
        "sources": W(
            "Sources",
            "Sumber",
            "Laporan asal keterangan di sini, masing-masing dengan judul, alamat dan tanggal.",
            ("Source", "Sumber"),
        ),
        "sources[].title": W("Title", "Judul", "Judul laporan, seperti yang diterbitkan."),
        "sources[].url": W("Address (URL)", "Alamat (URL)", "Alamat tempat laporan bisa dibaca."),
        "sources[].date": W(
            "Date",
            "Tanggal",
            "Tanggal terbit atau fakta diperiksa: TTTT-BB-HH, atau TTTT-BB / TTTT jika hanya itu yang diketahui.",
        ),
        "visit.rules": W(
            "Workshop rules",
            "Aturan bengkel kerja",
            "Anak-anak dan usia, sepatu dan pakaian, foto, keselamatan, pemesanan rombongan.",
        ),
        "visit.rules.children": W(
            "Children", "Anak-anak", "Anak-anak: dipersilakan, harus didampingi orang dewasa, atau tidak boleh."
        ),
        "visit.rules.min_age": W(
            "Youngest age", "Usia termuda", "Usia termuda pengunjung yang boleh masuk ke tempat kerja, dalam tahun."
        ),
        "visit.rules.closed_shoes": W(
            "Closed shoes required",
            "Wajib sepatu tertutup",
            "Centang jika pengunjung wajib memakai sepatu tertutup (dekat logam cair, panas, atau mesin).",
        ),
        "visit.rules.clothing": W(
            "Clothing", "Pakaian", "Pakaian lain yang perlu, misalnya 'baju lama: pewarna menempel'."
        ),
        "visit.rules.photography": W("Photos", "Foto", "Memotret: boleh, minta izin dulu, atau tidak boleh."),
        "visit.rules.hazards": W("Take care near", "Hati-hati dengan", "Bahaya di tempat kerja."),
        "visit.rules.safety": W(
            "Safety note", "Catatan keselamatan", "Catatan keselamatan, misalnya 'jaga jarak dua meter dari tungku'."
        ),
        "visit.rules.group_booking_from": W(
            "Groups book ahead from",
            "Rombongan memesan mulai",
            "Rombongan sebanyak ini atau lebih wajib memesan dulu.",
        ),
        "checked": W(
            "Facts checked on",
            "Informasi diperiksa pada",
            "Tanggal terakhir seseorang memastikan informasi ini ke kampung (TTTT-BB-HH).",
        ),
    },
    "site": {
        "title": W("Site title", "Judul situs", "Judul situs."),
        "tagline": W("Tagline", "Slogan", "Satu baris di bawah judul."),
        "intro": W("Introduction", "Pengantar", "Pengantar di beranda, dalam Markdown."),
        "city": W("City", "Kota", "Kota atau wilayah yang diliput panduan."),
        "languages": W(
            "Languages", "Bahasa", "Kode bahasa; yang pertama ditampilkan di alamat utama.", ("Language", "Bahasa")
        ),
        "map": W("Map", "Peta", "Pusat peta, tingkat zoom, dan ubin peta."),
        "map.center": W(
            "Map centre",
            "Pusat peta",
            "Dua angka: lintang, lalu bujur, tempat peta dibuka.",
            ("Number", "Angka"),
            "Two numbers: the latitude, then the longitude the maps open on.",
        ),
        "map.zoom": W("Zoom", "Zoom", "Tingkat zoom peta utama, 1-19."),
        "map.tiles": W("Tile address", "Alamat ubin peta", "Templat alamat ubin peta; bawaan OpenStreetMap."),
        "map.attribution": W(
            "Tile attribution", "Atribusi ubin", "Keterangan sumber ubin, wajib untuk ubin khusus (boleh HTML)."
        ),
        "contact": W("Tourism office", "Dinas pariwisata", "Dinas pariwisata tempat wisatawan bertanya."),
        "contact.name": W("Name", "Nama", "Nama dinas pariwisata."),
        "contact.short_name": W(
            "Short name", "Nama singkat", "Nama singkat di dalam kalimat, misalnya 'Disbudporapar Kota Mojokerto'."
        ),
        **office_ways("contact"),
        "contact.address": W("Address", "Alamat", "Alamat kantor."),
        "messages_language": W("Messages language", "Bahasa pesan", "Bahasa pesan pemeriksaan: en atau id."),
        "search_variants": W(
            "Words searched alike",
            "Kata yang dicari sama",
            "Kelompok kata yang dianggap sama oleh pencarian, misalnya mbatik dan batik; "
            "menambah daftar bawaan panduan.",
            item=("Group of words", "Kelompok kata"),
            en_description="Groups of words the list page's search treats alike, e.g. mbatik and batik; "
            "added to the guide's own list.",
        ),
        "stale_after_days": W(
            "Check facts again after (days)",
            "Periksa ulang setelah (hari)",
            "Pemeriksaan memberi peringatan jika tanggal 'checked' sebuah profil lebih lama dari ini, atau kosong.",
        ),
    },
    "category": {
        "name": W("Name", "Nama", "Nama kategori."),
        "description": W("Description", "Keterangan", "Satu kalimat tentang kategori ini."),
        "color": W("Colour", "Warna", "Warna pin dan label, sebagai #rrggbb."),
        "icon": W("Symbol", "Simbol", "Simbol pendek (emoji atau satu-dua huruf) di pin dan kartu."),
    },
    "page": {
        "title": W("Title", "Judul", "Judul halaman."),
        "summary": W("Summary", "Ringkasan", "Satu kalimat untuk daftar dan pratinjau tautan."),
        "order": W("Menu position", "Urutan di menu", "Posisi di menu (yang kecil lebih dulu)."),
        "sources": W(
            "Sources",
            "Sumber",
            "Laporan asal keterangan di sini, masing-masing dengan judul, alamat dan tanggal.",
            ("Source", "Sumber"),
        ),
        "sources[].title": W("Title", "Judul", "Judul laporan, seperti yang diterbitkan."),
        "sources[].url": W("Address (URL)", "Alamat (URL)", "Alamat tempat laporan bisa dibaca."),
        "sources[].date": W(
            "Date",
            "Tanggal",
            "Tanggal terbit atau fakta diperiksa: TTTT-BB-HH, atau TTTT-BB / TTTT jika hanya itu yang diketahui.",
        ),
    },
    "route": {
        "name": W("Name", "Nama", "Nama rute."),
        "description": W(
            "Description", "Deskripsi", "Apa yang ditunjukkan rute ini, dalam Markdown. Tulis hanya yang diketahui."
        ),
        "mode": W("Travel by", "Cara bepergian", "Cara bepergian: jalan kaki, becak, sepeda motor, atau mobil."),
        "stops": W(
            "Stops",
            "Perhentian",
            "Kampung yang dikunjungi, berurutan; paling sedikit dua.",
            ("Stop", "Perhentian"),
            "The kampung to visit, in order; at least two.",
        ),
        "sources": W(
            "Sources",
            "Sumber",
            "Laporan asal keterangan di sini, masing-masing dengan judul, alamat dan tanggal.",
            ("Source", "Sumber"),
        ),
        "sources[].title": W("Title", "Judul", "Judul laporan, seperti yang diterbitkan."),
        "sources[].url": W("Address (URL)", "Alamat (URL)", "Alamat tempat laporan bisa dibaca."),
        "sources[].date": W(
            "Date",
            "Tanggal",
            "Tanggal terbit atau fakta diperiksa: TTTT-BB-HH, atau TTTT-BB / TTTT jika hanya itu yang diketahui.",
        ),
    },
    "event": {  # content/events/<slug>.yaml (issue 16)
        "name": W("Name", "Nama", "Nama acara."),
        "dates": W(
            "Dates", "Tanggal", "Hari-hari acara, misalnya 2026-12-05; atau isi Dari dan Sampai.", ("Date", "Tanggal")
        ),
        "from": W("From", "Dari tanggal", "Rentang hari: hari pertama, misalnya 2026-12-05."),
        "until": W("Until", "Sampai tanggal", "Rentang hari: hari terakhir, misalnya 2026-12-07."),
        "start": W("Start", "Mulai", "Jam mulai setiap hari, WIB (Asia/Jakarta)."),
        "end": W("End", "Selesai", "Jam selesai setiap hari."),
        "place": W("Place", "Tempat", "Di mana: sebuah kampung, atau nama, alamat, dan pin sebuah tempat."),
        "place.kampung": W("Kampung", "Kampung", "Kampung tempat acara berlangsung."),
        "place.name": W(
            "Place name", "Nama tempat", "Jika bukan di kampung: nama tempatnya, misalnya gedung atau alun-alun."
        ),
        "place.address": W("Address", "Alamat", "Jika bukan di kampung: alamatnya."),
        "place.lat": W("Latitude", "Garis lintang", "Jika bukan di kampung: lintangnya."),
        "place.lon": W("Longitude", "Garis bujur", "Jika bukan di kampung: bujurnya."),
        "description": W("Description", "Deskripsi", "Apa yang terjadi di acara ini, dalam Markdown."),
        "organiser": W("Organiser", "Penyelenggara", "Siapa penyelenggaranya dan cara menghubunginya."),
        "organiser.name": W("Name", "Nama", "Nama penyelenggara."),
        "organiser.short_name": W(
            "Short name", "Nama singkat", "Nama singkat di dalam kalimat, misalnya 'Disbudporapar'."
        ),
        "organiser.arranges": W("What they arrange", "Yang diatur", "Apa yang diatur penyelenggara dan caranya."),
        "organiser.address": W("Address", "Alamat", "Alamat kantor penyelenggara."),
        **office_ways("organiser"),
        "price_idr": W(
            "Entry (Rp)",
            "Tiket (Rp)",
            "Harga masuk dalam rupiah bulat, atau rentang; 0 jika gratis. Kosongkan jika belum tahu.",
        ),
    },
}

# Choices whose words the site already has (render/i18n.py): field path -> prefix of their keys.
CHOICE_WORDS = {
    "visit.parking": "parking_",
    "visit.payment": "payment_",
    "visit.facilities": "facility_",
    "visit.wheelchair": "wheelchair_",
    "mode": "mode_",
    "visit.rules.children": "children_",
    "visit.rules.photography": "photo_",
    "visit.rules.hazards": "hazard_",
}
DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def field_words(kind: str, path: str) -> Words:
    """The words for a field path with list indexes left out (`products[].name`); a list inside a
    list (`search_variants[]`) is named by its list's word for one item."""
    words = FIELDS[kind].get(path)
    if words is None and path.endswith("[]"):
        outer = field_words(kind, path[:-2])
        en, id_ = outer.item or (outer.en, outer.id)
        return Words(en, id_, outer.id_description, en_description=outer.en_description)
    return FIELDS[kind][path]


def choice_label(kind: str, path: str, value: str, lang: str) -> str:
    """How a choice reads in `lang`: `car` -> `mobil`, `Mo` -> `Senin`; unknown values as written."""
    words = language(lang)
    if path.endswith(".days") and value in DAYS:
        return words.day_names[DAYS.index(value)]
    prefix = CHOICE_WORDS.get(path)
    text = words.t(f"{prefix}{value}") if prefix and f"{prefix}{value}" in words.words else None
    return text[:1].upper() + text[1:] if text else value


def language_name(code: str) -> str:
    """`id` -> `Bahasa Indonesia`, `en` -> `English` (the name a language calls itself)."""
    return language(code).t("language_name")
