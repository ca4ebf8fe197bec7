"""The content fields' descriptions (model.py) in Indonesian, for the comments of a new profile.

Keyed by the English description, as a gettext catalogue keys a message by its source text, so a
description changed in model.py shows in English until its translation here follows.
"""

from __future__ import annotations

INDONESIAN = {
    "Name of the kampung.": "Nama kampung.",
    "Category id from categories.yaml.": "Id kategori dari categories.yaml.",
    "One sentence: what is made here and why visit.": (
        "Satu kalimat: apa yang dibuat di sini dan mengapa perlu dikunjungi."
    ),
    "The story of the kampung, in Markdown.": "Cerita tentang kampung ini, dalam Markdown.",
    "Where the kampung is.": "Letak kampung.",
    "Latitude in decimal degrees, -90 to 90 (south is negative).": (
        "Garis lintang dalam derajat desimal, -90 sampai 90 (selatan bernilai negatif)."
    ),
    "Longitude in decimal degrees, -180 to 180.": "Garis bujur dalam derajat desimal, -180 sampai 180.",
    "Street address as a visitor would ask for it: kelurahan, kecamatan, city.": (
        "Alamat seperti yang ditanyakan wisatawan: kelurahan, kecamatan, kota."
    ),
    "true when the pin marks the area, not the exact door; the page then says so.": (
        "true jika pin hanya menandai daerahnya, bukan pintu yang tepat; halaman lalu menjelaskannya."
    ),
    "OpenStreetMap opening_hours, e.g. 'Mo-Sa 08:00-16:00; Su off'.": (
        "Jam buka dalam format OpenStreetMap, misalnya 'Mo-Sa 08:00-16:00; Su off'."
    ),
    "What is made and sold here.": "Apa yang dibuat dan dijual di sini.",
    "What the product is called.": "Nama produknya.",
    "Price in whole rupiah, or [min, max]. Write 25000, not 25.000.": (
        "Harga dalam rupiah bulat, atau [min, maks]. Tulis 25000, bukan 25.000."
    ),
    "One line about the product.": "Satu baris tentang produk ini.",
    "Workshops and visits a tourist can join.": "Kelas dan kunjungan yang bisa diikuti wisatawan.",
    "What a visitor can do or learn.": "Apa yang bisa dilakukan atau dipelajari pengunjung.",
    "How long it takes, in minutes.": "Lamanya, dalam menit.",
    "Price per person in whole rupiah, or [min, max].": "Harga per orang dalam rupiah bulat, atau [min, maks].",
    "How to book, e.g. a request letter or a message a day before.": (
        "Cara memesan, misalnya surat permohonan atau pesan sehari sebelumnya."
    ),
    "One line about the activity.": "Satu baris tentang kegiatan ini.",
    "When it runs (for calendars): weekly days or dated sessions.": (
        "Kapan diadakan (untuk kalender): hari tiap minggu atau tanggal tertentu."
    ),
    "Weekly: the days it runs, e.g. [Sa, Su].": "Mingguan: hari diadakannya, misalnya [Sa, Su].",
    "Once: the date, e.g. 2026-12-05.": "Sekali: tanggalnya, misalnya 2026-12-05.",
    "Start time, HH:MM in Asia/Jakarta (WIB).": 'Jam mulai, "JJ:MM" dalam WIB, dalam tanda kutip.',
    "End time, HH:MM.": 'Jam selesai, "JJ:MM".',
    "Weekly only: the first date it runs.": "Khusus mingguan: tanggal pertama diadakan.",
    "Weekly only: the last date it runs.": "Khusus mingguan: tanggal terakhir diadakan.",
    "How visitors reach the kampung; every key is optional.": (
        "Cara wisatawan menghubungi kampung ini; setiap kolom boleh dikosongkan."
    ),
    "Indonesian mobile number on WhatsApp: 0812 3456 7890 or +62 812-3456-7890.": (
        "Nomor HP Indonesia yang memakai WhatsApp, ditulis seperti 0812 3456 7890."
    ),
    "Telephone number.": "Nomor telepon.",
    "Instagram account name.": "Nama akun Instagram, dalam tanda kutip jika diawali @.",
    "Website address starting with https://.": "Alamat situs web, diawali https://.",
    "E-mail address.": "Alamat e-mail.",
    "Photos under content/images/, each with alt text.": (
        "Foto di content/images/, masing-masing dengan teks alternatif."
    ),
    "File name under content/images/.": "Nama berkas di content/images/.",
    "What the photo shows, for visitors who cannot see it.": "Isi foto, bagi pengunjung yang tidak bisa melihatnya.",
    "Who took the photo.": "Siapa yang memotret.",
    "Search words, e.g. [batik, kain, oleh-oleh].": "Kata pencarian, misalnya [batik, kain, oleh-oleh].",
    "Visit readiness: best time, booking, group size, parking, payment, facilities.": (
        "Persiapan kunjungan: waktu terbaik, pemesanan, besar rombongan, parkir, pembayaran, fasilitas."
    ),
    "When to come to see the work, e.g. 'mornings from 04:00'.": (
        "Kapan sebaiknya datang untuk melihat proses membuat, misalnya 'pagi mulai pukul 04.00'."
    ),
    "How groups book, e.g. 'send a request letter to the tourism office'.": (
        "Cara rombongan memesan, misalnya 'kirim surat permohonan ke dinas pariwisata'."
    ),
    "How many days ahead to book.": "Berapa hari sebelumnya harus memesan.",
    "The largest group that can visit at once.": "Besar rombongan terbanyak yang bisa datang sekaligus.",
    "Parking there is: car, motorbike, bus.": "Parkir yang ada: car (mobil), motorbike (motor), bus.",
    "How visitors can pay: cash, qris, transfer, card.": ("Cara membayar: cash (tunai), qris, transfer, card (kartu)."),
    "What is there: toilet, mushola, halal_food, drinking_water, shade, seating.": (
        "Fasilitas yang ada: toilet, mushola, halal_food (makanan halal), drinking_water (air minum), "
        "shade (tempat teduh), seating (tempat duduk)."
    ),
    "Wheelchair access: yes, partial or no.": "Akses kursi roda: yes (ya), partial (sebagian) atau no (tidak).",
    # issue #20: who arranges visits, where to buy, sources
    "The organisation that arranges visits, with its public contact (else the tourism office).": (
        "Lembaga yang mengatur kunjungan, dengan kontak resminya (jika kosong: dinas pariwisata)."
    ),
    "Name of the organisation that arranges visits.": "Nama lembaga yang mengatur kunjungan.",
    "Short name used in running text ('ask …'), e.g. 'Diskopukmperindag Kota Mojokerto'.": (
        "Nama singkat di dalam kalimat ('tanyakan ke …'), misalnya 'Diskopukmperindag Kota Mojokerto'."
    ),
    "What they arrange and how, e.g. 'study visits, by request letter'.": (
        "Apa yang diatur dan caranya, misalnya 'kunjungan belajar, dengan surat permohonan'."
    ),
    "Indonesian mobile number on WhatsApp.": "Nomor HP Indonesia yang memakai WhatsApp.",
    "Website.": "Situs web.",
    "Office address.": "Alamat kantor.",
    "Places where the kampung's products are sold, each with its pin.": (
        "Tempat produk kampung ini dijual, masing-masing dengan pin."
    ),
    "What the place is called.": "Nama tempatnya.",
    "Where it is: pin and address.": "Letaknya: pin dan alamat.",
    "What is sold there, e.g. 'shoes and sandals from 35 makers'.": (
        "Apa yang dijual di sana, misalnya 'sepatu dan sandal dari 35 perajin'."
    ),
    "When it is open, if known, e.g. 'Mo-Sa 09:00-17:00'.": "Jam buka jika diketahui, misalnya 'Mo-Sa 09:00-17:00'.",
    "Reports the facts come from, each with title, url and date; shown as 'Sources' and in the open data.": (
        "Laporan asal keterangan di sini, masing-masing dengan title, url dan date; tampil sebagai "
        "'Sumber informasi' dan di data terbuka."
    ),
    "The report's title, as published.": "Judul laporan, seperti yang diterbitkan.",
    "Where the report can be read.": "Alamat tempat laporan bisa dibaca.",
    "When it was published or the fact confirmed: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known.": (
        "Tanggal terbit atau tanggal fakta diperiksa: TTTT-BB-HH, atau TTTT-BB / TTTT jika hanya itu yang diketahui."
    ),
}


def describe(description: str, lang: str) -> str:
    """A field's description in `lang` (English, the source, when there is no translation)."""
    return INDONESIAN.get(description, description) if lang == "id" else description
