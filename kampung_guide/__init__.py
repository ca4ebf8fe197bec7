"""The kampung UMKM guide: YAML profiles in, a bilingual static website out."""
