# ruff: noqa: E501
"""The glossary's first entries: the terms of issue 18 and the reviewers' choices.

Loaded by the data migration ``0002_seed_terms`` (and ``seed_glossary``, which
adds what is missing and leaves edited entries alone).
"""

TERMS = [
    {
        "german": "Jobcenter",
        "note": "The Jobcenter pays Bürgergeld and places people in work. Not the employment agency (Agentur für Arbeit).",
        "renderings": {
            "en": {"preferred": "Jobcenter", "avoid": ["job centre"]},
            "ar": {"preferred": "الجوب سنتر", "brackets": True, "avoid": ["مركز العمل"]},
            "fa": {"preferred": "جاب‌سنتر"},
            "uk": {"preferred": "Jobcenter"},
            "ru": {"preferred": "Jobcenter"},
            "tr": {"preferred": "Jobcenter", "avoid": ["iş merkezi"]},
        },
    },
    {
        "german": "Ausländerbehörde",
        "renderings": {
            "en": {"preferred": "immigration office"},
            "ar": {"preferred": "دائرة الأجانب"},
            "fa": {"preferred": "اداره اتباع خارجی"},
            "uk": {"preferred": "відомство у справах іноземців"},
            "ru": {"preferred": "ведомство по делам иностранцев"},
            "tr": {"preferred": "Yabancılar Dairesi"},
        },
    },
    {
        "german": "Integrationskurs",
        "renderings": {
            "en": {"preferred": "integration course"},
            "ar": {"preferred": "دورة الاندماج"},
            "fa": {"preferred": "دوره ادغام"},
            "uk": {"preferred": "інтеграційний курс"},
            "ru": {"preferred": "интеграционный курс"},
            "tr": {"preferred": "uyum kursu", "avoid": ["entegrasyon kursu"]},
        },
    },
    {
        "german": "Integration",
        "note": "Turkish: “uyum” throughout (not “entegrasyon”).",
        "renderings": {
            "en": {"preferred": "integration"},
            "ar": {"preferred": "الاندماج"},
            "fa": {"preferred": "ادغام"},
            "uk": {"preferred": "інтеграція"},
            "ru": {"preferred": "интеграция"},
            "tr": {"preferred": "uyum", "avoid": ["entegrasyon"]},
        },
    },
    {
        "german": "Patenschaft",
        "german_variants": ["Patin", "Paten"],
        "note": "A volunteer who accompanies a newcomer. Arabic: never كفالة/كفيل (the kafala sponsorship of migrant workers in the Gulf).",
        "renderings": {
            "en": {"preferred": "mentorship", "avoid": ["sponsorship"]},
            "ar": {"preferred": "المرافقة التطوعية", "avoid": ["كفالة", "كفالات", "كفيل"]},
            "fa": {"preferred": "همراهی داوطلبانه"},
            "uk": {"preferred": "наставництво"},
            "ru": {"preferred": "наставничество"},
            "tr": {"preferred": "gönüllü rehberlik"},
        },
    },
    {
        "german": "Kaution",
        "note": "The rent deposit. Arabic: not كفالة (that is bail or sponsorship).",
        "renderings": {
            "en": {"preferred": "deposit"},
            "ar": {"preferred": "مبلغ التأمين", "brackets": True, "avoid": ["كفالة"]},
            "fa": {"preferred": "ودیعه"},
            "uk": {"preferred": "застава"},
            "ru": {"preferred": "залог"},
            "tr": {"preferred": "depozito"},
        },
    },
    {
        "german": "Beratung",
        "note": "English: “advice” (advice service, migration advice). “Counselling” is therapy in British English: only for psychosocial support (see “psychosozial”).",
        "renderings": {
            "en": {"preferred": "advice", "avoid": ["counselling", "counsellor"]},
            "ar": {"preferred": "الاستشارة"},
            "fa": {"preferred": "مشاوره"},
            "uk": {"preferred": "консультація"},
            "ru": {"preferred": "консультация"},
            "tr": {"preferred": "danışmanlık"},
        },
    },
    {
        "german": "psychosozial",
        "note": "Psychosocial support is the one place where English “counselling” is right.",
        "renderings": {
            "en": {"preferred": "psychosocial counselling"},
        },
    },
    {
        "german": "Angebot",
        "note": "A course, advice service or meeting place offered to newcomers. Turkish: not “teklif” (a commercial bid). Farsi: خدمات, not پیشنهادها (suggestions).",
        "renderings": {
            "en": {"preferred": "offer"},
            "ar": {"preferred": "العروض"},
            "fa": {"preferred": "خدمات", "avoid": ["پیشنهادها"]},
            "uk": {"preferred": "пропозиції"},
            "ru": {"preferred": "предложения"},
            "tr": {"preferred": "hizmet", "avoid": ["teklif"]},
        },
    },
    {
        "german": "Stadt Beckum",
        "note": "The town administration. English: “town of Beckum” (Beckum is a town, not a city).",
        "renderings": {
            "en": {"preferred": "town of Beckum", "avoid": ["city of Beckum"]},
            "ar": {"preferred": "مدينة بيكوم"},
            "fa": {"preferred": "شهر بکوم"},
            "uk": {"preferred": "місто Беккум"},
            "ru": {"preferred": "город Беккум"},
            "tr": {"preferred": "Beckum Belediyesi"},
        },
    },
    {
        "german": "Beckum",
        "note": "One spelling per language. Ukrainian and Russian: Беккум (double к), like Beckum itself.",
        "renderings": {
            "en": {"preferred": "Beckum"},
            "ar": {"preferred": "بيكوم", "variants": ["بكوم"]},
            "fa": {"preferred": "بکوم", "variants": ["بیکوم"]},
            "uk": {"preferred": "Беккум", "avoid": ["Бекум"], "variants": ["Бекум"]},
            "ru": {"preferred": "Беккум", "avoid": ["Бекум"], "variants": ["Бекум"]},
            "tr": {"preferred": "Beckum"},
        },
    },
    {
        "german": "Bürgergeld",
        "note": "The basic income support paid by the Jobcenter; nothing to do with citizenship.",
        "renderings": {
            "en": {"preferred": "basic income support"},
            "tr": {"preferred": "temel gelir desteği", "brackets": True, "avoid": ["vatandaşlık yardımı"]},
        },
    },
    {
        "german": "Restmüll",
        "note": "Only what cannot be recycled (grey or black bin), not all household waste.",
        "renderings": {
            "en": {"preferred": "residual waste"},
            "tr": {"preferred": "geri dönüştürülemeyen atık", "avoid": ["evsel atık"]},
        },
    },
    {
        "german": "städtische Unterkunft",
        "german_variants": ["städtischen Unterkunft", "städtischen Unterkünfte", "städtische Unterkünfte"],
        "note": "Housing the town provides for refugees and homeless people, not any flat the town owns.",
        "renderings": {
            "en": {"preferred": "municipal accommodation for refugees"},
            "uk": {
                "preferred": "міський гуртожиток для біженців",
                "avoid": ["міському житлі", "міське житло"],
            },
            "ru": {
                "preferred": "городское общежитие для беженцев",
                "avoid": ["городском жилье", "городское жильё", "городское жилье"],
            },
            "tr": {"preferred": "belediyenin mülteci konaklama yeri"},
        },
    },
]


def seed(GlossaryTerm, GlossaryRendering):
    """Create the terms that do not exist yet (by German term); returns the number created."""
    created = 0
    for entry in TERMS:
        term, new = GlossaryTerm.objects.get_or_create(
            german=entry["german"],
            defaults={
                "german_variants": "\n".join(entry.get("german_variants", [])),
                "note": entry.get("note", ""),
            },
        )
        if not new:
            continue
        created += 1
        for language, rendering in entry["renderings"].items():
            GlossaryRendering.objects.create(
                term=term,
                language=language,
                preferred=rendering["preferred"],
                german_in_brackets=rendering.get("brackets", False),
                avoid="\n".join(rendering.get("avoid", [])),
                variants="\n".join(rendering.get("variants", [])),
            )
    return created
