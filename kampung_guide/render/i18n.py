"""The guide's own words in each language, and numbers, prices and hours written the local way."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..validate.hours import clock, holiday_spans, week
from ..validate.model import Hours, Price, Visit

UI: dict[str, dict[str, str]] = {
    "id": {
        "skip": "Langsung ke isi",
        "menu": "Menu",
        "home": "Beranda",
        "all_kampung": "Semua kampung",
        "categories": "Kategori",
        "language_name": "Bahasa Indonesia",
        "switch_language": "Baca dalam bahasa",
        "map": "Peta",
        "overview_map": "Peta semua kampung",
        "kampung_map": "Peta lokasi",
        "map_keyboard": "Peta interaktif. Tekan Tab untuk berpindah antar-pin, Enter untuk membuka keterangannya.",
        "open_page": "Buka halaman",
        "kampung_count_1": "1 kampung",
        "kampung_count_n": "{n} kampung",
        "products": "Produk",
        "experiences": "Pengalaman & kelas",
        "opening_hours": "Jam buka",
        "location": "Lokasi",
        "address": "Alamat",
        "directions": "Petunjuk arah",
        "directions_google": "Buka di Google Maps",
        "directions_osm": "Buka di OpenStreetMap",
        "directions_app": "Buka di aplikasi peta lain",
        "approximate": (
            "Pin ini perkiraan area kampung, bukan alamat persis. "
            "Tanyakan warga atau dinas pariwisata untuk rumah produksinya."
        ),
        "contact": "Kontak",
        "whatsapp": "WhatsApp",
        "phone": "Telepon",
        "email": "E-mail",
        "website": "Situs web",
        "instagram": "Instagram",
        "nearby": "Kampung terdekat",
        "km_away": "{km} km",
        "m_away": "{m} m",
        "photos": "Foto",
        "photo_by": "Sumber: {credit}",
        "price": "Harga",
        "price_ask": "Harga: tanyakan langsung",
        "duration": "Durasi",
        "minutes": "{n} menit",
        "hours_minutes": "{h} jam {m} menit",
        "hours_only": "{h} jam",
        "booking": "Cara memesan",
        "closed": "Tutup",
        "public_holidays": "Hari libur nasional",
        "ask_office": "Belum ada informasi. Tanyakan ke {office}.",
        "ask_office_generic": "dinas pariwisata",
        "no_hours": "Jam buka belum tercatat. Tanyakan ke {office} sebelum berkunjung.",
        "no_contact": "Kontak kampung belum tercatat. Tanyakan ke {office}.",
        "untranslated": "Teks ini belum diterjemahkan.",
        "category": "Kategori",
        "list_title": "Semua kampung UMKM",
        "list_intro": "Semua kampung dalam panduan ini, diurutkan menurut nama.",
        "categories_intro": "Pilih berdasarkan apa yang ingin Anda lihat dibuat.",
        "not_found_title": "Halaman tidak ditemukan",
        "not_found_text": "Halaman yang Anda cari tidak ada atau sudah pindah.",
        "back_home": "Kembali ke beranda",
        "office": "Dinas pariwisata",
        "ask_us": "Bertanya",
        "pages": "Informasi",
        "footer_data": "Data kampung dikelola oleh {office}.",
        "tags": "Kata kunci",
        "see_all": "Lihat semua kampung",
        "some_kampung": "Beberapa kampung",
        "see_all_n": "Lihat dan cari semua {n} kampung",
        "visit_info": "Informasi kunjungan",
        "in_category": "Kampung {name}",
        "show_on_map": "Lihat di peta",
        "photo_none": "Belum ada foto",
        "days": "Senin Selasa Rabu Kamis Jumat Sabtu Minggu",
        "time_sep": ".",
        "per_person": "per orang",
        "about_kampung": "Tentang kampung ini",
        "whatsapp_greeting": "Halo, saya ingin berkunjung ke {name} pada tanggal …",
        "offline_save": "Simpan untuk dibuka tanpa internet",
        "offline_saved": "Tersimpan: halaman ini bisa dibuka tanpa internet.",
        "offline_failed": "Belum bisa menyimpan; coba lagi saat ada sinyal.",
        "map_offline": (
            "Tanpa internet: peta dasar tidak tersedia, pin tetap ditampilkan. "
            "Alamat dan petunjuk arah ada di halaman ini."
        ),
        "posters_title": "Poster QR untuk dicetak",
        "posters_intro": "Satu poster A4 per kampung, dengan kode QR ke halamannya. Buka, lalu cetak.",
        "poster_scan": "Pindai untuk petunjuk arah, foto, dan kontak",
        "poster_no_url": (
            "Kode QR belum bisa dibuat: situs ini dibuat tanpa --base-url, jadi alamat publiknya belum diketahui. "
            "Buat ulang dengan python build.py build --base-url https://… lalu cetak."
        ),
        "poster_print": "Cetak poster ini (A4)",
        "posters_link": "Poster QR",
        "visit_best_time": "Waktu terbaik",
        "visit_booking": "Pemesanan",
        "visit_lead": "Pesan {n} hari sebelumnya",
        "visit_lead_1": "Pesan 1 hari sebelumnya",
        "visit_group": "Rombongan",
        "visit_group_max": "Maksimal {n} orang",
        "visit_parking": "Parkir",
        "visit_payment": "Pembayaran",
        "visit_facilities": "Fasilitas",
        "visit_wheelchair": "Kursi roda",
        "parking_car": "mobil",
        "parking_motorbike": "sepeda motor",
        "parking_bus": "bus",
        "payment_cash": "tunai",
        "payment_qris": "QRIS",
        "payment_transfer": "transfer bank",
        "payment_card": "kartu",
        "facility_toilet": "toilet",
        "facility_mushola": "musala",
        "facility_halal_food": "makanan halal",
        "facility_drinking_water": "air minum",
        "facility_shade": "tempat berteduh",
        "facility_seating": "tempat duduk",
        "wheelchair_yes": "bisa diakses",
        "wheelchair_partial": "sebagian bisa diakses",
        "wheelchair_no": "belum bisa diakses",
        "search_title": "Cari dan saring kampung",
        "search_label": "Cari kampung",
        "search_hint": "Nama, produk, kelas, atau kata kunci, misalnya batik atau onde-onde.",
        "search_any": "Semua",
        "search_area": "Kelurahan atau kecamatan",
        "search_any_area": "Semua wilayah",
        "search_max_price": "Harga paling mahal (Rp)",
        "search_workshop": "Ada kelas atau workshop yang bisa saya ikuti",
        "search_open_now": "Buka sekarang (WIB)",
        "search_reset": "Hapus pencarian dan saringan",
        "search_none": "Tidak ada kampung yang cocok. Coba kata lain atau hapus saringan.",
        "kelurahan": "Kelurahan",
        "kecamatan": "Kecamatan",
        "open_data": "Data terbuka",
        "open_data_geojson": "Semua kampung (GeoJSON)",
        "open_data_json": "Semua kampung (JSON)",
        "open_data_ics": "Jadwal kelas kampung ini (iCalendar)",
        "plan_nav": "Rencana kunjungan",
        "plan_title": "Rencana kunjungan",
        "plan_intro": (
            "Pilih rute yang disarankan, atau centang beberapa kampung dan dapatkan urutan kunjungan yang pendek."
        ),
        "suggested_routes": "Rute yang disarankan",
        "planner_title": "Susun rute sendiri",
        "planner_nojs": (
            "Untuk menyusun rute sendiri, nyalakan JavaScript. Tanpa JavaScript, "
            "buka rute yang disarankan atau halaman tiap kampung."
        ),
        "plan_choose": "Kampung yang ingin dikunjungi",
        "plan_search": "Cari kampung",
        "plan_search_hint": "Ketik nama atau kategori, lalu centang kampungnya.",
        "plan_search_count": "Tampil {shown} dari {n} kampung; ketik nama untuk mempersempit.",
        "plan_search_none": "Tidak ada kampung yang cocok.",
        "plan_start": "Mulai dari",
        "plan_mode": "Cara bepergian",
        "plan_day": "Hari",
        "plan_time": "Jam berangkat",
        "plan_visit": "Menit di tiap kampung",
        "plan_pick_more": "Centang paling sedikit dua kampung untuk menyusun rute.",
        "plan_result": "Rute Anda",
        "mode_walk": "Jalan kaki",
        "mode_becak": "Becak",
        "mode_motorbike": "Sepeda motor",
        "mode_car": "Mobil",
        "route_stops": "Urutan kunjungan",
        "route_leg": "{distance}, sekitar {time}",
        "route_straight": "Jarak garis lurus",
        "route_road": "Perkiraan jarak di jalan",
        "route_travel": "Perkiraan waktu di jalan",
        "route_total": "Perkiraan selesai",
        "route_card": "{mode} · {n} perhentian · {distance}",
        "route_map": "Peta rute",
        "route_estimates": (
            "Semua angka hanya perkiraan: jarak garis lurus antar-pin dikali {detour} untuk jalan, "
            "dengan kecepatan rata-rata dalam kota ({speeds}). Pin kampung hanya perkiraan area."
        ),
        "speed": "{mode} {kmh} km/jam",
        "route_take": "Bawa rute ini",
        "download_gpx": "Unduh GPX (aplikasi navigasi)",
        "download_geojson": "Unduh GeoJSON",
        "open_map_app": "Buka rute di Google Maps",
        "map_app_partial": "Google Maps hanya menerima {n} perhentian pertama.",
        "edit_in_planner": "Ubah rute ini di perencana",
        "share_whatsapp": "Bagikan lewat WhatsApp",
        "stay": "Tiba {arrive}, berangkat {leave}",
        "hours_ok": "Buka selama kunjungan Anda.",
        "hours_clash": "Perhatian: tutup pada sebagian atau seluruh waktu kunjungan. Jam buka hari itu: {hours}.",
        "route_all_stops": "{n} perhentian",
        # -- offline page and search (issue 19) --
        "offline_title": "Tidak ada internet",
        "offline_text": "Halaman ini belum tersimpan di ponsel Anda, jadi belum bisa dibuka tanpa internet. "
        "Coba lagi saat ada sinyal.",
        "offline_retry": "Coba lagi",
        "offline_saved_title": "Halaman yang Anda simpan",
        "offline_saved_none": "Belum ada. Di halaman kampung, tekan “{button}” "
        "agar halaman itu bisa dibuka tanpa internet.",
        "offline_recent_title": "Baru Anda buka",
        "offline_always_title": "Selalu bisa dibuka tanpa internet",
        "search_partial": "Tidak ada yang cocok dengan semua kata; di bawah ini yang cocok dengan sebagian.",
        # issue 19: what a visitor asks first, the phone layout, the planner's sharing (one block, new words only)
        "schedule": "Jadwal",
        "schedule_weekly": "Setiap {days}, {start}–{end} WIB",
        "schedule_once": "{date}, {start}–{end} WIB",
        "schedule_range": "{from} sampai {until}",
        "schedule_from": "mulai {date}",
        "schedule_until": "sampai {date}",
        "schedule_past": "sudah lewat",
        "and": "dan",
        "months": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
        "open_now": "Buka sekarang",
        "closed_now": "Tutup sekarang",
        "open_always": "Buka 24 jam",
        "closes_at": "tutup pukul {time} WIB",
        "opens_today": "buka lagi pukul {time} WIB",
        "opens_tomorrow": "buka lagi besok pukul {time} WIB",
        "opens_day": "buka lagi hari {day} pukul {time} WIB",
        "open_holidays": "Pada hari libur nasional jamnya bisa lain; lihat tabel jam buka.",
        "card_workshop": "Ada kelas atau workshop",
        "search_open_none": "Belum ada kampung yang mencatat jam buka, jadi saringan ini belum bisa dipakai. "
        "Tanyakan jam buka kepada {office}.",
        "home_search": "Cari",
        "share_plan_text": "Rencana kunjungan saya ke {stops}: {url}",
        "share_plan_offline": "Rencana ini dibuka dari berkas di komputer, jadi tautannya tidak bisa dibuka orang "
        "lain. Bagikan dari alamat situs yang sudah terbit.",
        "route_file_name": "rute",
        "route_named": "Rute {stops}",
        "pins_approximate": "Pin kampung hanya perkiraan area, bukan alamat persis.",
        # issue #20: sources, where to buy, who arranges visits
        "sources_title": "Sumber informasi",
        "sources_intro": "Keterangan di halaman ini berasal dari laporan berikut. Periksa lagi sebelum berangkat.",
        "outlets_title": "Beli di sini",
        "outlets_intro": "Produk kampung ini dijual di tempat berikut.",
        "outlet_sells": "Yang dijual",
        "outlet_pin": "Tempat belanja",
        "outlet_of": "Tempat belanja · {name}",
        "arranged_by": "Kunjungan diatur oleh",
        "plan_outlets": "Tempat belanja (boleh ditambahkan)",
        "outlet_approximate": "Pin ini perkiraan; alamat persisnya belum tercatat.",
    },
    "en": {
        "skip": "Skip to content",
        "menu": "Menu",
        "home": "Home",
        "all_kampung": "All villages",
        "categories": "Categories",
        "language_name": "English",
        "switch_language": "Read in",
        "map": "Map",
        "overview_map": "Map of all villages",
        "kampung_map": "Location map",
        "map_keyboard": "Interactive map. Press Tab to move between pins and Enter to open a pin's details.",
        "open_page": "Open page",
        "kampung_count_1": "1 village",
        "kampung_count_n": "{n} villages",
        "products": "Products",
        "experiences": "Experiences & classes",
        "opening_hours": "Opening hours",
        "location": "Location",
        "address": "Address",
        "directions": "Directions",
        "directions_google": "Open in Google Maps",
        "directions_osm": "Open in OpenStreetMap",
        "directions_app": "Open in another map app",
        "approximate": (
            "This pin marks the village area, not an exact address. "
            "Ask residents or the tourism office for the workshops."
        ),
        "contact": "Contact",
        "whatsapp": "WhatsApp",
        "phone": "Phone",
        "email": "E-mail",
        "website": "Website",
        "instagram": "Instagram",
        "nearby": "Nearby villages",
        "km_away": "{km} km",
        "m_away": "{m} m",
        "photos": "Photos",
        "photo_by": "Credit: {credit}",
        "price": "Price",
        "price_ask": "Price: ask on site",
        "duration": "Duration",
        "minutes": "{n} minutes",
        "hours_minutes": "{h} h {m} min",
        "hours_only": "{h} h",
        "booking": "How to book",
        "closed": "Closed",
        "public_holidays": "Public holidays",
        "ask_office": "Not known yet. Ask the {office}.",
        "ask_office_generic": "tourism office",
        "no_hours": "Opening hours are not recorded yet. Ask the {office} before you visit.",
        "no_contact": "No contact for this village is recorded yet. Ask the {office}.",
        "untranslated": "This text has not been translated yet.",
        "category": "Category",
        "list_title": "All craft villages",
        "list_intro": "Every village in this guide, by name.",
        "categories_intro": "Choose by what you would like to see being made.",
        "not_found_title": "Page not found",
        "not_found_text": "The page you are looking for does not exist or has moved.",
        "back_home": "Back to the home page",
        "office": "Tourism office",
        "ask_us": "Ask us",
        "pages": "Information",
        "footer_data": "Village data is kept by the {office}.",
        "tags": "Keywords",
        "see_all": "See all villages",
        "some_kampung": "A few of the villages",
        "see_all_n": "See and search all {n} villages",
        "visit_info": "Visiting",
        "in_category": "{name} villages",
        "show_on_map": "Show on map",
        "photo_none": "No photo yet",
        "days": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
        "time_sep": ":",
        "per_person": "per person",
        "about_kampung": "About this village",
        "whatsapp_greeting": "Hello, I would like to visit {name} on …",
        "offline_save": "Save for offline use",
        "offline_saved": "Saved: this page opens without internet.",
        "offline_failed": "Could not save yet; try again when you have signal.",
        "map_offline": (
            "Offline: the base map is not available, the pins still are. The address and directions are on this page."
        ),
        "posters_title": "QR posters to print",
        "posters_intro": "One A4 poster per village, with a QR code to its page. Open one and print it.",
        "poster_scan": "Scan for directions, photos and contacts",
        "poster_no_url": (
            "No QR code yet: this site was built without --base-url, so its public address is unknown. "
            "Build again with python build.py build --base-url https://… and print then."
        ),
        "poster_print": "Print this poster (A4)",
        "posters_link": "QR posters",
        "visit_best_time": "Best time",
        "visit_booking": "Booking",
        "visit_lead": "Book {n} days ahead",
        "visit_lead_1": "Book 1 day ahead",
        "visit_group": "Groups",
        "visit_group_max": "Up to {n} people",
        "visit_parking": "Parking",
        "visit_payment": "Payment",
        "visit_facilities": "Facilities",
        "visit_wheelchair": "Wheelchair",
        "parking_car": "cars",
        "parking_motorbike": "motorbikes",
        "parking_bus": "buses",
        "payment_cash": "cash",
        "payment_qris": "QRIS",
        "payment_transfer": "bank transfer",
        "payment_card": "card",
        "facility_toilet": "toilet",
        "facility_mushola": "prayer room (mushola)",
        "facility_halal_food": "halal food",
        "facility_drinking_water": "drinking water",
        "facility_shade": "shade",
        "facility_seating": "seating",
        "wheelchair_yes": "accessible",
        "wheelchair_partial": "partly accessible",
        "wheelchair_no": "not accessible",
        "search_title": "Search and filter villages",
        "search_label": "Search villages",
        "search_hint": "A name, product, class or keyword, for example batik or onde-onde.",
        "search_any": "All",
        "search_area": "Kelurahan or kecamatan (district)",
        "search_any_area": "All areas",
        "search_max_price": "Highest price (IDR)",
        "search_workshop": "Has a class or workshop I can join",
        "search_open_now": "Open now (Jakarta time)",
        "search_reset": "Clear search and filters",
        "search_none": "No village matches. Try another word or clear the filters.",
        "kelurahan": "Kelurahan",
        "kecamatan": "Kecamatan",
        "open_data": "Open data",
        "open_data_geojson": "All villages (GeoJSON)",
        "open_data_json": "All villages (JSON)",
        "open_data_ics": "This village's class schedule (iCalendar)",
        "plan_nav": "Plan a visit",
        "plan_title": "Plan your visit",
        "plan_intro": "Pick a suggested route, or tick several villages and get a short visiting order.",
        "suggested_routes": "Suggested routes",
        "planner_title": "Make your own route",
        "planner_nojs": (
            "To make your own route, turn on JavaScript. Without it, open a suggested route or each village's page."
        ),
        "plan_choose": "Villages to visit",
        "plan_search": "Find a village",
        "plan_search_hint": "Type a name or a category, then tick the village.",
        "plan_search_count": "Showing {shown} of {n} villages; type a name to narrow the list.",
        "plan_search_none": "No village matches.",
        "plan_start": "Start at",
        "plan_mode": "Getting around",
        "plan_day": "Day",
        "plan_time": "Start time",
        "plan_visit": "Minutes at each village",
        "plan_pick_more": "Tick at least two villages to make a route.",
        "plan_result": "Your route",
        "mode_walk": "On foot",
        "mode_becak": "Becak (cycle rickshaw)",
        "mode_motorbike": "Motorbike",
        "mode_car": "Car",
        "route_stops": "Visiting order",
        "route_leg": "{distance}, about {time}",
        "route_straight": "Straight-line distance",
        "route_road": "Estimated distance on streets",
        "route_travel": "Estimated travel time",
        "route_total": "Estimated end",
        "route_card": "{mode} · {n} stops · {distance}",
        "route_map": "Route map",
        "route_estimates": (
            "All figures are estimates: the straight line between pins times {detour} for the streets, "
            "at average town speeds ({speeds}). Village pins are approximate."
        ),
        "speed": "{mode} {kmh} km/h",
        "route_take": "Take the route along",
        "download_gpx": "Download GPX (navigation apps)",
        "download_geojson": "Download GeoJSON",
        "open_map_app": "Open the route in Google Maps",
        "map_app_partial": "Google Maps takes only the first {n} stops.",
        "edit_in_planner": "Change this route in the planner",
        "share_whatsapp": "Share on WhatsApp",
        "stay": "Arrive {arrive}, leave {leave}",
        "hours_ok": "Open during your visit.",
        "hours_clash": "Check: closed for part or all of your visit. Hours that day: {hours}.",
        "route_all_stops": "{n} stops",
        # -- offline page and search (issue 19) --
        "offline_title": "No internet",
        "offline_text": "This page is not saved on your phone yet, so it cannot open without internet. "
        "Try again when you have signal.",
        "offline_retry": "Try again",
        "offline_saved_title": "Pages you saved",
        "offline_saved_none": "None yet. On a kampung's page, press “{button}” and it opens without internet.",
        "offline_recent_title": "Opened recently",
        "offline_always_title": "Always available without internet",
        "search_partial": "Nothing matches every word; below are those that match some.",
        # issue 19: what a visitor asks first, the phone layout, the planner's sharing (one block, new words only)
        "schedule": "Schedule",
        "schedule_weekly": "Every {days}, {start}–{end} (Jakarta time)",
        "schedule_once": "{date}, {start}–{end} (Jakarta time)",
        "schedule_range": "{from} to {until}",
        "schedule_from": "from {date}",
        "schedule_until": "until {date}",
        "schedule_past": "past",
        "and": "and",
        "months": "January February March April May June July August September October November December",
        "open_now": "Open now",
        "closed_now": "Closed now",
        "open_always": "Open 24 hours",
        "closes_at": "closes at {time} (Jakarta time)",
        "opens_today": "opens again at {time} (Jakarta time)",
        "opens_tomorrow": "opens again tomorrow at {time} (Jakarta time)",
        "opens_day": "opens again on {day} at {time} (Jakarta time)",
        "open_holidays": "Hours may differ on public holidays; see the table of opening hours.",
        "card_workshop": "Class or workshop",
        "search_open_none": "No kampung has recorded opening hours yet, so this filter cannot be used. "
        "Ask the {office} for opening hours.",
        "home_search": "Search",
        "share_plan_text": "My plan to visit {stops}: {url}",
        "share_plan_offline": "This plan was opened from a file on this computer, so others cannot open its link. "
        "Share it from the published site's address.",
        "route_file_name": "route",
        "route_named": "Route {stops}",
        "pins_approximate": "Kampung pins are approximate areas, not exact addresses.",
        # issue #20: sources, where to buy, who arranges visits
        "sources_title": "Sources",
        "sources_intro": "What this page says comes from these reports. Check again before you set out.",
        "outlets_title": "Where to buy",
        "outlets_intro": "This kampung's products are sold at these places.",
        "outlet_sells": "On sale",
        "outlet_pin": "Shop",
        "outlet_of": "Shop · {name}",
        "arranged_by": "Visits arranged by",
        "plan_outlets": "Places to buy (optional stops)",
        "outlet_approximate": "This pin is approximate; the exact address is not recorded.",
    },
}

LOCALES = {"id": "id_ID", "en": "en_US"}


def ui(lang: str) -> Callable[..., str]:
    """A lookup for the guide's words in `lang` (English for languages without a catalogue)."""
    words = UI.get(lang, UI["en"])

    def t(key: str, **params: object) -> str:
        return words[key].format(**params) if params else words[key]

    return t


def format_number(value: int, lang: str) -> str:
    """Thousands grouped the local way: 350.000 (id) or 350,000 (en)."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "id" else text


def format_price(price: Price, lang: str) -> str:
    """`Rp350.000` / `IDR 350,000`, or a range."""
    unit = "Rp" if lang == "id" else "IDR "
    if price.low == price.high:
        return f"{unit}{format_number(price.low, lang)}"
    return f"{unit}{format_number(price.low, lang)}–{format_number(price.high, lang)}"


def format_report_date(date: str, lang: str) -> str:
    """A source's date the local way: `7 Februari 2024`, `Februari 2024` or `2024` (what is known)."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = ui(lang)("months").split()[parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def format_duration(minutes: int, lang: str) -> str:
    t = ui(lang)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return t("minutes", n=minutes)
    return t("hours_minutes", h=hours, m=rest) if rest else t("hours_only", h=hours)


def format_distance(km: float, lang: str) -> str:
    t = ui(lang)
    if km < 1:
        return t("m_away", m=int(round(km * 1000, -1)))
    text = f"{km:.1f}"
    return t("km_away", km=text.replace(".", ",") if lang == "id" else text)


def hours_table(hours: Hours, lang: str) -> list[tuple[str, str]]:
    """(day name, hours text) for each weekday, Monday first, plus public holidays when given."""
    t = ui(lang)
    names = t("days").split()
    sep = t("time_sep")

    def spans_text(spans: Sequence[tuple[int, int]]) -> str:
        return ", ".join(f"{clock(a, sep)}–{clock(b, sep)}" for a, b in spans) if spans else t("closed")

    rows = [(names[i], spans_text(spans)) for i, spans in enumerate(week(hours.rules))]
    holidays = holiday_spans(hours.rules)
    if holidays is not None:
        rows.append((t("public_holidays"), spans_text(holidays)))
    return rows


VISIT_ICONS = {
    "visit_best_time": "🕓",
    "visit_booking": "📝",
    "visit_group": "👥",
    "visit_parking": "🅿️",
    "visit_payment": "💳",
    "visit_facilities": "🚻",
    "visit_wheelchair": "♿",
}


def visit_rows(visit: Visit, lang: str) -> list[tuple[str, str, str]]:
    """(icon, label, text) for each thing the profile says about visiting, in a fixed order."""
    t = ui(lang)
    rows = []

    def add(key: str, text: str) -> None:
        if text:
            rows.append((VISIT_ICONS[key], t(key), text))

    add("visit_best_time", visit.best_time.get(lang) if visit.best_time else "")
    lead = visit.booking_lead_days
    lead_text = "" if lead is None else (t("visit_lead_1") if lead == 1 else t("visit_lead", n=lead))
    add("visit_booking", "; ".join(x for x in (visit.booking.get(lang) if visit.booking else "", lead_text) if x))
    add("visit_group", t("visit_group_max", n=visit.group_max) if visit.group_max else "")
    add("visit_parking", ", ".join(t(f"parking_{p}") for p in visit.parking))
    add("visit_payment", ", ".join(t(f"payment_{p}") for p in visit.payment))
    add("visit_facilities", ", ".join(t(f"facility_{f}") for f in visit.facilities))
    add("visit_wheelchair", t(f"wheelchair_{visit.wheelchair}") if visit.wheelchair else "")
    return rows
